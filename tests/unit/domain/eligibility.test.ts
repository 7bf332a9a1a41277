import { describe, expect, test } from 'vitest';
import {
	checkAssessments,
	checkCollectiveLevel,
	checkPersonRank,
	checkStaffTenure,
	validateNomination,
	type FindingCode,
	type Nomination
} from '$lib/domain';
import { collective, individual, params, staff } from './fixtures';

const codes = (n: Nomination) => validateNomination(n, params).map((f) => f.code);

describe('IND-RANK-EXCLUDED (通知四(二))', () => {
	const cases: [string, Nomination, boolean][] = [
		['厅局级副职', individual({ rank: '厅局级副职' }), true],
		['厅局级正职', individual({ rank: '厅局级正职' }), true],
		['省部级', individual({ rank: '省部级' }), true],
		['一级巡视员', individual({ rank: '一级巡视员' }), true],
		['二级巡视员', individual({ rank: '二级巡视员' }), true],
		['市管干部', individual({ rank: '县处级正职', municipalCadre: true }), true],
		['县处级正职 is eligible', individual({ rank: '县处级正职' }), false],
		['一级调研员 is eligible', individual({ rank: '一级调研员' }), false],
		['no rank', individual({ rank: '' }), false]
	];
	test.each(cases)('%s', (_name, n, excluded) => {
		expect(codes(n).includes('IND-RANK-EXCLUDED')).toBe(excluded);
	});

	test('names the field and the clause', () => {
		const [issue] = checkPersonRank(individual({ rank: '厅局级副职' }).person);
		expect(issue?.field).toBe('person.rank');
		expect(issue?.severity).toBe('error');
		expect(issue?.message).toContain('通知四(二)');
	});
});

describe('COL-RANK-EXCLUDED (通知四(二))', () => {
	const cases: [string, boolean][] = [
		['副厅局级', true],
		['正厅级', true],
		['副局级', true],
		['省部级', true],
		['正处级', false],
		['县处级', false],
		['', false]
	];
	test.each(cases)('level %j excluded: %s', (level, excluded) => {
		expect(codes(collective({ level })).includes('COL-RANK-EXCLUDED')).toBe(excluded);
		expect(checkCollectiveLevel(collective({ level }).collective).length).toBe(excluded ? 1 : 0);
	});
});

describe('STAFF-TENURE and STAFF-NOT-IN-POST (通知二(二)2②)', () => {
	const cases: [string, Nomination, FindingCode[]][] = [
		['3.0 years passes', staff({ liaisonYears: 3.0 }), []],
		['2.9 years fails', staff({ liaisonYears: 2.9 }), ['STAFF-TENURE']],
		['0 years fails', staff({ liaisonYears: 0 }), ['STAFF-TENURE']],
		['12 years passes', staff({ liaisonYears: 12 }), []],
		['not in post', staff({ inPost: false }), ['STAFF-NOT-IN-POST']],
		['both', staff({ liaisonYears: 1, inPost: false }), ['STAFF-TENURE', 'STAFF-NOT-IN-POST']],
		[
			'a deputy with no liaison years is not staff',
			individual({ liaisonYears: 0, inPost: false }),
			[]
		]
	];
	test.each(cases)('%s', (_name, n, expected) => {
		if (n.track !== 'individual') throw new Error('fixture');
		expect(checkStaffTenure(n.person, params).map((f) => f.code)).toEqual(expected);
	});

	test('uses the campaign minimum and cites the clause', () => {
		const n = staff({ liaisonYears: 2.9 });
		const [issue] = checkStaffTenure(n.person, { ...params, staffMinYears: 2 });
		expect(issue).toBeUndefined();
		const [strict] = checkStaffTenure(n.person, params);
		expect(strict?.message).toContain('通知二(二)2②');
		expect(strict?.field).toBe('person.liaisonYears');
	});
});

describe('ASSESSMENT-BELOW and ASSESSMENT-MISSING (通知二(二)1③, 2③)', () => {
	const years = (results: string[]) => results.map((result, i) => ({ year: 2018 + i, result }));
	const cases: [string, Nomination, FindingCode[]][] = [
		['all 称职', individual({ assessments: years(['称职', '优秀', '称职', '合格']) }), []],
		[
			'基本称职 in 2020',
			individual({ assessments: years(['称职', '称职', '基本称职', '称职']) }),
			['ASSESSMENT-BELOW']
		],
		[
			'不合格 for staff',
			staff({ assessments: years(['合格', '不合格', '合格', '合格']) }),
			['ASSESSMENT-BELOW']
		],
		[
			'2021 missing',
			individual({ assessments: years(['称职', '称职', '称职']) }),
			['ASSESSMENT-MISSING']
		],
		[
			'不定等次 counts as missing',
			individual({ assessments: years(['称职', '不定等次', '称职', '称职']) }),
			['ASSESSMENT-MISSING']
		],
		['none at all', staff({ assessments: [] }), ['ASSESSMENT-MISSING']],
		[
			'below and missing',
			individual({ assessments: years(['不称职', '称职']) }),
			['ASSESSMENT-BELOW', 'ASSESSMENT-MISSING']
		],
		[
			'2017 is outside the window',
			individual({
				assessments: [{ year: 2017, result: '不称职' }, ...years(['称职', '称职', '称职', '称职'])]
			}),
			[]
		],
		['enterprise deputy: not required', individual({ unitNature: '企业', assessments: [] }), []],
		[
			'farmer deputy (其他): not required',
			individual({ unitNature: '其他', assessments: years(['不合格']) }),
			[]
		],
		[
			'参公单位: required',
			individual({ unitNature: '参公单位', assessments: [] }),
			['ASSESSMENT-MISSING']
		]
	];
	test.each(cases)('%s', (_name, n, expected) => {
		if (n.track !== 'individual') throw new Error('fixture');
		expect(checkAssessments(n.person, params).map((f) => f.code)).toEqual(expected);
		for (const code of expected) expect(codes(n)).toContain(code);
	});

	test('names the missing years and the bad year’s entry', () => {
		const n = individual({ assessments: [{ year: 2018, result: '基本合格' }] });
		const issues = checkAssessments(n.person, params);
		expect(issues[0]?.field).toBe('person.assessments[0]');
		expect(issues[1]?.message).toContain('2019、2020、2021');
	});
});
