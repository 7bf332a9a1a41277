import { describe, expect, test } from 'vitest';
import { validateNomination, type FindingCode, type Nomination } from '$lib/domain';
import { chars, collective, idNumber, individual, params, suggestion } from './fixtures';

const has = (n: Nomination, code: FindingCode) =>
	validateNomination(n, params).some((f) => f.code === code);
const fieldsOf = (n: Nomination, code: FindingCode) =>
	validateNomination(n, params)
		.filter((f) => f.code === code)
		.map((f) => f.field);

/** The same number with a different last character. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');

describe('ID-INVALID (附件2, GB 11643)', () => {
	const cases: [string, Nomination, boolean][] = [
		['valid', individual({ idNumber: idNumber('19720812') }), false],
		['valid with X', individual({ birth: '1949.12', idNumber: '11010519491231002X' }), false],
		['wrong check digit', individual({ idNumber: wrongCheck(idNumber('19720812')) }), true],
		[
			'birth disagrees with 出生年月',
			individual({ birth: '1973.08', idNumber: idNumber('19720812') }),
			true
		],
		['17 digits', individual({ idNumber: '50010919720812031' }), true],
		['not a 居民身份证: not checked', individual({ idType: '护照', idNumber: 'E12345678' }), false]
	];
	test.each(cases)('%s', (_name, n, expected) => {
		expect(has(n, 'ID-INVALID')).toBe(expected);
	});
});

describe('BIRTH-FORMAT (附件2说明五)', () => {
	test.each([
		['1972.08', false],
		['1972.8', true],
		['1972-08', true],
		['1972年8月', true],
		['1972.13', true],
		['1872.08', true]
	])('%s → finding %s', (birth, expected) => {
		expect(has(individual({ birth, idType: '护照' }), 'BIRTH-FORMAT')).toBe(expected);
	});
});

describe('NATIVE-PLACE-FORMAT (附件2说明五)', () => {
	test.each([
		['重庆市北碚区', false],
		['四川省南充市', false],
		['广西壮族自治区桂林市', false],
		['重庆市石柱土家族自治县', false],
		['内蒙古自治区锡林郭勒盟', false],
		['重庆', true],
		['重庆北碚', true],
		['四川南充', true],
		['北碚区', true]
	])('%s → finding %s', (nativePlace, expected) => {
		const n = individual({ nativePlace });
		expect(has(n, 'NATIVE-PLACE-FORMAT')).toBe(expected);
		if (expected)
			expect(
				validateNomination(n, params).find((f) => f.code === 'NATIVE-PLACE-FORMAT')?.severity
			).toBe('warning');
	});
});

describe('RESUME-GAP (附件2说明六)', () => {
	const cases: [string, { from: string; to: string }[], string[]][] = [
		[
			'continuous',
			[
				{ from: '1994.07', to: '2009.12' },
				{ from: '2010.01', to: '至今' }
			],
			[]
		],
		[
			'gap',
			[
				{ from: '1994.07', to: '2009.10' },
				{ from: '2010.01', to: '至今' }
			],
			['person.resume[1]']
		],
		[
			'overlap: not a gap (RESUME-OVERLAP instead)',
			[
				{ from: '1994.07', to: '2010.05' },
				{ from: '2010.01', to: '至今' }
			],
			[]
		],
		[
			'在职学习 beside the jobs: the union has no gap',
			[
				{ from: '1994.07', to: '2009.12' },
				{ from: '2006.09', to: '2009.06' },
				{ from: '2010.01', to: '至今' }
			],
			[]
		],
		[
			'not to the month',
			[
				{ from: '1994', to: '2009.12' },
				{ from: '2010.01', to: '至今' }
			],
			['person.resume[0]']
		],
		[
			'至今 in the middle: running beside a later entry, no gap',
			[
				{ from: '1994.07', to: '至今' },
				{ from: '2010.01', to: '2011.01' }
			],
			[]
		]
	];
	test.each(cases)('%s', (_name, lines, fields) => {
		const n = individual({ resume: lines.map((line) => ({ ...line, text: '工作' })) });
		expect(fieldsOf(n, 'RESUME-GAP')).toEqual(fields);
	});
});

describe('RESUME-OVERLAP (warning; 附件2说明六)', () => {
	const cases: [string, { from: string; to: string }[], string[]][] = [
		[
			'next month: no overlap',
			[
				{ from: '1994.07', to: '2009.12' },
				{ from: '2010.01', to: '至今' }
			],
			[]
		],
		[
			'hand-over month (任免表 style): no overlap',
			[
				{ from: '1994.07', to: '2009.12' },
				{ from: '2009.12', to: '至今' }
			],
			[]
		],
		[
			'two shared months: overlap',
			[
				{ from: '1994.07', to: '2010.01' },
				{ from: '2009.12', to: '至今' }
			],
			['person.resume[1]']
		],
		[
			'在职学习 beside a job',
			[
				{ from: '1994.07', to: '2009.12' },
				{ from: '2010.01', to: '至今' },
				{ from: '2012.09', to: '2015.06' }
			],
			['person.resume[2]']
		]
	];
	test.each(cases)('%s', (_name, lines, fields) => {
		const n = individual({ resume: lines.map((line) => ({ ...line, text: '工作' })) });
		expect(fieldsOf(n, 'RESUME-OVERLAP')).toEqual(fields);
		expect(fieldsOf(n, 'RESUME-GAP')).toEqual([]);
		const found = validateNomination(n, params).find((f) => f.code === 'RESUME-OVERLAP');
		if (found) expect(found.severity).toBe('warning');
	});
});

describe('TEXT-TOO-LONG (附件1–3)', () => {
	const cases: [string, Nomination, boolean][] = [
		['主要事迹 2000 characters', individual({ deeds: chars(2000) }), false],
		['主要事迹 2001 characters', individual({ deeds: chars(2001) }), true],
		['集体主要事迹 2000', collective({ deeds: chars(2000) }), false],
		['集体主要事迹 2001', collective({ deeds: chars(2001) }), true],
		['2000 astral characters (4000 UTF-16 units)', individual({ deeds: chars(2000, '𠀀') }), false],
		['内容摘要 200', suggestion({ summary: chars(200) }), false],
		['内容摘要 201', suggestion({ summary: chars(201) }), true],
		['推荐理由 500', suggestion({ reason: chars(500) }), false],
		['推荐理由 501', suggestion({ reason: chars(501) }), true]
	];
	test.each(cases)('%s', (_name, n, expected) => {
		expect(has(n, 'TEXT-TOO-LONG')).toBe(expected);
	});

	test('says by how much', () => {
		const found = validateNomination(suggestion({ reason: chars(503) }), params).find(
			(f) => f.code === 'TEXT-TOO-LONG'
		);
		expect(found?.field).toBe('suggestion.reason');
		expect(found?.message).toContain('503');
		expect(found?.message).toContain('3 字');
	});
});

describe('SUGGESTION-NUMBER-FORMAT (附件3)', () => {
	test.each([
		['市五届人大三次会议0418号', false],
		['市五届人大3次会议418号', false],
		['市五届人大一次会议闭会0012号', false],
		['五届人大三次会议0419号', true],
		['市五届人大三次会议0418', true],
		['市五届人大三次会议闭会号', true]
	])('%s → finding %s', (number, expected) => {
		expect(has(suggestion({ number }), 'SUGGESTION-NUMBER-FORMAT')).toBe(expected);
	});
});

describe('PHOTO-MISSING (附件2说明四)', () => {
	test.each([
		['data:image/png;base64,iVBORw0KGgo=', false],
		['data:image/jpeg;base64,/9j/4AAQ', false],
		['', true],
		['photo.jpg', true]
	])('%j → finding %s', (photo, expected) => {
		expect(has(individual({ photo }), 'PHOTO-MISSING')).toBe(expected);
	});
});
