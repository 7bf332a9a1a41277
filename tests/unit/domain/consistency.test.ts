/**
 * Cross-field consistency (issue 12): SEX-ID-MISMATCH, AGE-IMPLAUSIBLE, DATE-AFTER-ASOF — each
 * boundary from both sides, against the preset (as-of date 2022-10-31).
 */
import { describe, expect, test } from 'vitest';
import { validateNomination, type FindingCode, type Nomination } from '$lib/domain';
import { collective, idNumber, individual, params } from './fixtures';

const fieldsOf = (n: Nomination, code: FindingCode) =>
	validateNomination(n, params)
		.filter((f) => f.code === code)
		.map((f) => f.field);

describe('SEX-ID-MISMATCH (GB 11643: 17th digit odd 男, even 女)', () => {
	const cases: [string, Nomination, string[]][] = [
		['男, 17th digit 1', individual({ gender: '男', idNumber: idNumber('19720812', '031') }), []],
		[
			'男, 17th digit 2',
			individual({ gender: '男', idNumber: idNumber('19720812', '032') }),
			['person.gender']
		],
		['女, 17th digit 0', individual({ gender: '女', idNumber: idNumber('19720812', '030') }), []],
		[
			'女, 17th digit 9',
			individual({ gender: '女', idNumber: idNumber('19720812', '039') }),
			['person.gender']
		],
		[
			'女, ends in X, 17th digit 2',
			individual({ gender: '女', birth: '1949.12', idNumber: '11010519491231002X' }),
			[]
		],
		[
			'invalid number: ID-INVALID only',
			individual({ gender: '女', idNumber: '500109197208120313' }),
			[]
		],
		['not a 居民身份证', individual({ gender: '女', idType: '护照', idNumber: 'E12345671' }), []],
		['gender outside the list: ENUM-INVALID only', individual({ gender: '未知' }), []]
	];
	test.each(cases)('%s', (_name, n, fields) => {
		expect(fieldsOf(n, 'SEX-ID-MISMATCH')).toEqual(fields);
	});

	test('says which gender the number gives and how to fix it', () => {
		const n = individual({ gender: '女', idNumber: idNumber('19720812', '031') });
		const found = validateNomination(n, params).find((f) => f.code === 'SEX-ID-MISMATCH');
		expect(found?.severity).toBe('error');
		expect(found?.message).toContain('应为“男”');
		expect(found?.message).toMatch(/请.*更正/);
	});
});

describe('AGE-IMPLAUSIBLE (18 on the as-of date; 16 at a resume entry)', () => {
	const young = (birthDay: string, extra: Partial<Parameters<typeof individual>[0]> = {}) =>
		individual({
			birth: `${birthDay.slice(0, 4)}.${birthDay.slice(4, 6)}`,
			idNumber: idNumber(birthDay, '031'),
			resume: [{ from: '2022.09', to: '至今', text: '工作' }],
			...extra
		});
	const cases: [string, Nomination, string[]][] = [
		['18 exactly on 2022-10-31 (ID birth date)', young('20041031'), []],
		['one day short of 18', young('20041101'), ['person.birth']],
		[
			'出生年月 only: born in the as-of month is 18 by its end',
			individual({
				birth: '2004.10',
				idType: '护照',
				idNumber: 'E1',
				resume: [{ from: '2022.09', to: '至今', text: '工作' }]
			}),
			[]
		],
		[
			'出生年月 only: the month after',
			individual({
				birth: '2004.11',
				idType: '护照',
				idNumber: 'E1',
				resume: [{ from: '2022.09', to: '至今', text: '工作' }]
			}),
			['person.birth']
		],
		[
			'resume starts in the month of the 16th birthday',
			individual({
				idNumber: idNumber('19720812', '031'),
				resume: [{ from: '1988.08', to: '至今', text: '参加工作' }]
			}),
			[]
		],
		[
			'resume starts the month before turning 16',
			individual({
				idNumber: idNumber('19720812', '031'),
				resume: [{ from: '1988.07', to: '至今', text: '参加工作' }]
			}),
			['person.resume[0]']
		],
		[
			'a resume starting at age 10',
			individual({
				resume: [
					{ from: '1982.09', to: '1994.06', text: '读书' },
					{ from: '1994.07', to: '至今', text: '工作' }
				]
			}),
			['person.resume[0]']
		]
	];
	test.each(cases)('%s', (_name, n, fields) => {
		expect(fieldsOf(n, 'AGE-IMPLAUSIBLE')).toEqual(fields);
	});
});

describe('DATE-AFTER-ASOF (截至2022年10月, as-of 2022-10-31)', () => {
	const award = (date: string) => individual({ awards: [{ date, text: '区优秀代表', level: '' }] });
	const resume = (from: string, to: string) =>
		individual({
			resume: [
				{ from: '1994.07', to: '2009.12', text: '医生' },
				{ from, to, text: '主任' }
			]
		});
	const cases: [string, Nomination, string[]][] = [
		['award in the as-of month (month only)', award('2022.10'), []],
		['award the month after', award('2022.11'), ['person.awards[0]']],
		['award on the as-of date', award('2022-10-31'), []],
		['award the day after', award('2022-11-01'), ['person.awards[0]']],
		[
			'punishment after the as-of date',
			individual({ punishments: [{ date: '2023.01', text: '警告' }] }),
			['person.punishments[0]']
		],
		['resume ending in the as-of month', resume('2010.01', '2022.10'), []],
		['resume ending the month after', resume('2010.01', '2022.11'), ['person.resume[1]']],
		['resume 至今 aside', resume('2010.01', '至今'), []],
		[
			'2021 assessment (year before the as-of date)',
			individual({
				assessments: [2018, 2019, 2020, 2021].map((year) => ({ year, result: '称职' }))
			}),
			[]
		],
		[
			'2022 assessment: not yet made on 2022-10-31',
			individual({
				assessments: [2018, 2019, 2020, 2021, 2022].map((year) => ({ year, result: '称职' }))
			}),
			['person.assessments[4]']
		],
		[
			'collective award after the as-of date',
			collective({ awards: [{ date: '2022.12', text: '区先进集体', level: '' }] }),
			['collective.awards[0]']
		]
	];
	test.each(cases)('%s', (_name, n, fields) => {
		expect(fieldsOf(n, 'DATE-AFTER-ASOF')).toEqual(fields);
	});
});
