import { describe, expect, test } from 'vitest';
import { chineseNumeral, parseSuggestionNumber, suggestionNumberKey } from '$lib/domain';

describe('chineseNumeral', () => {
	test.each([
		['一', 1],
		['九', 9],
		['十', 10],
		['十三', 13],
		['二十', 20],
		['二十三', 23],
		['一二', null],
		['', null],
		['十十', null]
	])('%s → %s', (text, expected) => {
		expect(chineseNumeral(text)).toBe(expected);
	});
});

describe('parseSuggestionNumber', () => {
	const cases: [string, ReturnType<typeof parseSuggestionNumber>][] = [
		['市五届人大三次会议0418号', { session: 3, recess: false, serial: 418 }],
		['市五届人大3次会议418号', { session: 3, recess: false, serial: 418 }],
		['市五届人大一次会议闭会12号', { session: 1, recess: true, serial: 12 }],
		['市五届人大十次会议1号', { session: 10, recess: false, serial: 1 }],
		[' 市五届人大五次会议0001号 ', { session: 5, recess: false, serial: 1 }],
		['五届人大三次会议0419号', null],
		['市五届人大三次会议第0418号', null],
		['市五届人大三次会议0418', null],
		['市五届人大三次会议号', null],
		['市五届人大零次会议1号', null],
		['市五届人大0次会议1号', null],
		['市四届人大三次会议0418号', null],
		['市五届人大三次会议0000号', null]
	];
	test.each(cases)('%s', (value, expected) => {
		expect(parseSuggestionNumber(value)).toEqual(expected);
	});
});

describe('suggestionNumberKey', () => {
	test('numerals and leading zeros do not make a different suggestion', () => {
		expect(suggestionNumberKey('市五届人大三次会议0418号')).toBe(
			suggestionNumberKey('市五届人大3次会议418号')
		);
		expect(suggestionNumberKey('市五届人大三次会议0418号')).not.toBe(
			suggestionNumberKey('市五届人大三次会议闭会0418号')
		);
		expect(suggestionNumberKey(' 不规范编号 ')).toBe('不规范编号');
	});
});
