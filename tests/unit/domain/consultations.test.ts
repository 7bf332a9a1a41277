import { describe, expect, test } from 'vitest';
import {
	consultationStatus,
	requiredConsultations,
	type ConsultationDepartment,
	type ConsultationRecord,
	type Nomination
} from '$lib/domain';
import { collective, individual, suggestion } from './fixtures';

describe('requiredConsultations (SPEC §5, 通知四(一)2–4)', () => {
	const base = ['组织人事', '纪检监察', '公安'];
	const regulators = ['生态环境', '人力社保', '税务', '市场监管', '应急管理'];
	const cases: [string, Nomination, string[]][] = [
		['a deputy', individual(), base],
		['a collective', collective(), base],
		['a suggestion', suggestion(), []],
		[
			'a 民盟 member (political status)',
			individual({ politicalStatus: '民盟盟员' }),
			[...base, '统战']
		],
		['a 九三学社 member (party field)', individual({ party: '九三学社' }), [...base, '统战']],
		['a private enterprise head', individual({ enterpriseHead: true }), [...base, ...regulators]],
		[
			'a state-owned enterprise head',
			individual({ enterpriseHead: true, stateOwned: true }),
			[...base, ...regulators, '国资']
		],
		['state-owned but not the head', individual({ stateOwned: true }), base],
		[
			'a 民建 enterprise head',
			individual({ party: '民建', enterpriseHead: true }),
			[...base, '统战', ...regulators]
		]
	];
	test.each(cases)('%s', (_name, n, expected) => {
		expect(requiredConsultations(n)).toEqual(expected);
	});
});

describe('consultationStatus', () => {
	const required: ConsultationDepartment[] = ['组织人事', '纪检监察', '公安'];
	const r = (dept: string, result: string, date = '2022-10-24'): ConsultationRecord => ({
		dept,
		result,
		date
	});
	const cases: [
		string,
		ConsultationRecord[],
		{ clear: number; objections: string[]; missing: string[]; allClear: boolean }
	][] = [
		[
			'all clear',
			[r('组织人事', '无异议'), r('纪检监察', '无异议'), r('公安', '无异议')],
			{ clear: 3, objections: [], missing: [], allClear: true }
		],
		[
			'one missing',
			[r('组织人事', '无异议'), r('公安', '无异议')],
			{ clear: 2, objections: [], missing: ['纪检监察'], allClear: false }
		],
		[
			'one objection',
			[r('组织人事', '无异议'), r('纪检监察', '有异议'), r('公安', '无异议')],
			{ clear: 2, objections: ['纪检监察'], missing: [], allClear: false }
		],
		[
			'objection later withdrawn',
			[
				r('组织人事', '无异议'),
				r('纪检监察', '无异议', '2022-10-26'),
				r('纪检监察', '有异议', '2022-10-20'),
				r('公安', '无异议')
			],
			{ clear: 3, objections: [], missing: [], allClear: true }
		],
		[
			'nothing recorded',
			[],
			{ clear: 0, objections: [], missing: ['组织人事', '纪检监察', '公安'], allClear: false }
		],
		[
			'extra departments ignored',
			[r('组织人事', '无异议'), r('纪检监察', '无异议'), r('公安', '无异议'), r('税务', '有异议')],
			{ clear: 3, objections: [], missing: [], allClear: true }
		]
	];
	test.each(cases)('%s', (_name, records, expected) => {
		expect(consultationStatus(required, records)).toEqual({ required, ...expected });
	});

	test('no departments required is clear', () => {
		expect(consultationStatus([], []).allClear).toBe(true);
	});
});
