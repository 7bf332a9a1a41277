import { describe, expect, test } from 'vitest';
import {
	printedUnitName,
	unitsPrinting,
	type ReportingUnit
} from '../../../src/lib/domain/recommending-unit';

describe('printedUnitName', () => {
	test.each<[string, ReportingUnit, string]>([
		[
			'a 联系组 on the register: its 区县人大常委会',
			{ name: '渝中区人大代表联系组', reportingBody: '渝中区人大常委会' },
			'渝中区人大常委会'
		],
		[
			'a municipal unit on the register: itself',
			{ name: '市人大代表法制专业组', reportingBody: '市人大代表法制专业组' },
			'市人大代表法制专业组'
		],
		['not on the register (null)', { name: '市交通运输委', reportingBody: null }, '市交通运输委'],
		['not on the register (absent)', { name: '市交通运输委' }, '市交通运输委'],
		['a blank 推荐单位', { name: '市教委', reportingBody: ' \u3000' }, '市教委'],
		['spaces around it', { name: '甲', reportingBody: ' 乙 ' }, '乙']
	])('%s', (_, unit, printed) => {
		expect(printedUnitName(unit)).toBe(printed);
	});
});

describe('unitsPrinting', () => {
	const units = [
		{ name: '渝中区人大代表联系组', reportingBody: '渝中区人大常委会' },
		{ name: '市属国企甲', reportingBody: '市国资委' },
		{ name: '市属国企乙', reportingBody: '市国资委' },
		{ name: '市教委直属甲', reportingBody: '市教委' },
		{ name: '市教委', reportingBody: '市教委' },
		// Not on the register: its name is no 推荐单位 of another.
		{ name: '渝中区人大常委会办公室', reportingBody: null }
	];
	test.each<[string, string, string[]]>([
		['a unit’s name', '渝中区人大代表联系组', ['渝中区人大代表联系组']],
		['one unit’s 推荐单位', '渝中区人大常委会', ['渝中区人大代表联系组']],
		['with spaces around it', ' 渝中区人大常委会 ', ['渝中区人大代表联系组']],
		['two units’ 推荐单位', '市国资委', ['市属国企甲', '市属国企乙']],
		['a unit’s name first, then who prints it', '市教委', ['市教委', '市教委直属甲']],
		['an unregistered unit, by name', '渝中区人大常委会办公室', ['渝中区人大常委会办公室']],
		['nobody', '市体育局', []],
		['part of a 推荐单位 is not it', '渝中区', []]
	])('%s: “%s”', (_, printed, names) => {
		expect(unitsPrinting(printed, units).map((u) => u.name)).toEqual(names);
	});
});
