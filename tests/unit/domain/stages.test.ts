import { describe, expect, test } from 'vitest';
import {
	checkMove,
	consultationStatus,
	isMoveDefined,
	moveRefusalCodes,
	moveRefusalTitles,
	reasonRequired,
	stageLabels,
	type MoveInput,
	type MoveRefusalCode,
	type Stage
} from '$lib/domain';

const clear = consultationStatus(
	['组织人事', '纪检监察', '公安'],
	[
		{ dept: '组织人事', result: '无异议', date: '2022-10-24' },
		{ dept: '纪检监察', result: '无异议', date: '2022-10-24' },
		{ dept: '公安', result: '无异议', date: '2022-10-24' }
	]
);
const missing = consultationStatus(
	['组织人事', '纪检监察', '公安'],
	[{ dept: '组织人事', result: '无异议', date: '2022-10-24' }]
);
const objection = consultationStatus(
	['组织人事'],
	[{ dept: '组织人事', result: '有异议', date: '2022-10-24' }]
);

const move = (from: Stage, to: Stage, facts: Partial<MoveInput> = {}): MoveInput => ({
	from,
	to,
	nominationTrack: 'individual',
	...facts
});
const propose = (facts: Partial<MoveInput> = {}) =>
	move('joint', 'proposed', {
		votePassed: true,
		proposedInTrack: 10,
		quota: 50,
		capsExceeded: [],
		...facts
	});

type Expected = 'allowed' | [MoveRefusalCode, boolean];

describe('checkMove (SPEC §3)', () => {
	const cases: [string, MoveInput, Expected][] = [
		[
			'submitted → preliminary, clean',
			move('submitted', 'preliminary', { openErrorFindings: 0 }),
			'allowed'
		],
		[
			'submitted → preliminary, open errors',
			move('submitted', 'preliminary', { openErrorFindings: 2 }),
			['T-FINDINGS-OPEN', true]
		],
		[
			'submitted → preliminary, open errors overridden with a reason',
			move('submitted', 'preliminary', { openErrorFindings: 2, reason: '材料已补正' }),
			'allowed'
		],
		[
			'a blank reason is no reason',
			move('submitted', 'preliminary', { openErrorFindings: 1, reason: '  ' }),
			['T-FINDINGS-OPEN', true]
		],
		[
			'preliminary → joint, all 无异议',
			move('preliminary', 'joint', { consultation: clear }),
			'allowed'
		],
		[
			'preliminary → joint, one missing',
			move('preliminary', 'joint', { consultation: missing }),
			['T-CONSULT-MISSING', true]
		],
		[
			'preliminary → joint, an objection',
			move('preliminary', 'joint', { consultation: objection }),
			['T-CONSULT-MISSING', true]
		],
		[
			'preliminary → joint, nothing recorded',
			move('preliminary', 'joint'),
			['T-CONSULT-MISSING', true]
		],
		['joint → proposed, passed', propose(), 'allowed'],
		['joint → proposed, vote failed', propose({ votePassed: false }), ['T-VOTE-NOT-PASSED', true]],
		['joint → proposed, no vote yet', propose({ votePassed: null }), ['T-VOTE-NOT-PASSED', true]],
		[
			'joint → proposed, vote failed, overridden with a reason',
			propose({ votePassed: false, reason: '党组会议研究同意' }),
			'allowed'
		],
		[
			'an overridden vote still meets a full quota',
			propose({ votePassed: null, proposedInTrack: 50, reason: '确需' }),
			['T-QUOTA-FULL', false]
		],
		[
			'preliminary → joint, one missing, overridden with a reason',
			move('preliminary', 'joint', {
				consultation: missing,
				reason: '公安意见已电话确认，书面件后补'
			}),
			'allowed'
		],
		['joint → proposed, 49 of 50', propose({ proposedInTrack: 49 }), 'allowed'],
		['joint → proposed, quota full', propose({ proposedInTrack: 50 }), ['T-QUOTA-FULL', false]],
		[
			'quota full is not overridden by a reason',
			propose({ proposedInTrack: 50, reason: '确需' }),
			['T-QUOTA-FULL', false]
		],
		[
			'joint → proposed, a cap exceeded',
			propose({ capsExceeded: ['division'] }),
			['T-CAP-EXCEEDED', true]
		],
		[
			'joint → proposed, a cap exceeded, confirmed',
			propose({ capsExceeded: ['division'], reason: '业绩突出，确需推荐' }),
			'allowed'
		],
		[
			'a station into 通报表扬',
			propose({
				nominationTrack: 'collective',
				isStation: true,
				targetTrack: 'station',
				quota: 115
			}),
			'allowed'
		],
		[
			'a station into 先进集体',
			propose({
				nominationTrack: 'collective',
				isStation: true,
				targetTrack: 'collective',
				quota: 40
			}),
			'allowed'
		],
		[
			'a non-station collective into 通报表扬',
			propose({ nominationTrack: 'collective', targetTrack: 'station', quota: 115 }),
			['T-MOVE-INVALID', false]
		],
		['proposed → approved', move('proposed', 'approved'), 'allowed'],
		['approved → notice', move('approved', 'notice'), 'allowed'],
		['skipping a stage', move('submitted', 'joint'), ['T-MOVE-INVALID', false]],
		['going back', move('joint', 'preliminary'), ['T-MOVE-INVALID', false]],
		['staying put', move('joint', 'joint'), ['T-MOVE-INVALID', false]],
		['off-ramp: joint → not_selected', move('joint', 'not_selected'), 'allowed'],
		['off-ramp: submitted → withdrawn', move('submitted', 'withdrawn'), 'allowed'],
		[
			'off-ramp: commended → withdrawn (撤销奖励, 通知四(三))',
			move('commended', 'withdrawn'),
			'allowed'
		],
		['withdrawn is final', move('withdrawn', 'submitted'), ['T-MOVE-INVALID', false]],
		[
			'back from 撤销 to the stage it came from',
			move('withdrawn', 'joint', { returnsTo: 'joint' }),
			'allowed'
		],
		[
			'back from 未入选 to the stage it came from',
			move('not_selected', 'preliminary', { returnsTo: 'preliminary' }),
			'allowed'
		],
		[
			'back from 撤销 to another stage',
			move('withdrawn', 'preliminary', { returnsTo: 'joint' }),
			['T-MOVE-INVALID', false]
		],
		[
			'back from 撤销 with no known origin',
			move('withdrawn', 'joint', { returnsTo: null }),
			['T-MOVE-INVALID', false]
		],
		[
			'back onto the list with a place left',
			move('withdrawn', 'proposed', { returnsTo: 'proposed', proposedInTrack: 49, quota: 50 }),
			'allowed'
		],
		[
			'back onto a full list: the quota holds, reason or not',
			move('withdrawn', 'notice', {
				returnsTo: 'notice',
				proposedInTrack: 50,
				quota: 50,
				reason: '误操作撤销，恢复'
			}),
			['T-QUOTA-FULL', false]
		],
		[
			'back onto the list over a cap asks for a confirming reason',
			move('not_selected', 'proposed', {
				returnsTo: 'proposed',
				proposedInTrack: 10,
				quota: 50,
				capsExceeded: ['division']
			}),
			['T-CAP-EXCEEDED', true]
		]
	];
	test.each(cases)('%s', (_name, input, expected) => {
		const result = checkMove(input);
		if (expected === 'allowed') {
			expect(result).toEqual({ allowed: true });
		} else {
			expect(result).toMatchObject({ allowed: false, code: expected[0], overridable: expected[1] });
			if (!result.allowed) expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
		}
	});
});

describe('checkMove: 公示 and its objections are hard gates (通知三(四))', () => {
	// The notice of 2022-12-08 … 2022-12-14 (5 working days) ends on the 14th.
	const ends = '2022-12-14';
	const cases: [string, Partial<MoveInput>, Expected][] = [
		['the day before the end', { today: '2022-12-13' }, ['T-NOTICE-NOT-ENDED', false]],
		['the last day of the notice', { today: ends }, ['T-NOTICE-NOT-ENDED', false]],
		['the day after the end', { today: '2022-12-15' }, 'allowed'],
		[
			'the last day, with a reason',
			{ today: ends, reason: '领导同意提前' },
			['T-NOTICE-NOT-ENDED', false]
		],
		[
			'no notice dates recorded, with a reason',
			{ noticeEndsOn: null, today: '2022-12-15', reason: '确需' },
			['T-NOTICE-NOT-ENDED', false]
		],
		[
			'the day after the end, one objection open',
			{ today: '2022-12-15', openObjections: 1 },
			['T-OBJECTION-OPEN', false]
		],
		[
			'the day after the end, an objection open, with a reason',
			{ today: '2022-12-15', openObjections: 2, reason: '异议不影响表彰' },
			['T-OBJECTION-OPEN', false]
		],
		[
			'the last day with an objection open: the notice is named first',
			{ today: ends, openObjections: 1 },
			['T-NOTICE-NOT-ENDED', false]
		],
		['objections settled (none open)', { today: '2022-12-15', openObjections: 0 }, 'allowed']
	];
	test.each(cases)('%s', (_name, facts, expected) => {
		const result = checkMove(move('notice', 'commended', { noticeEndsOn: ends, ...facts }));
		if (expected === 'allowed') {
			expect(result).toEqual({ allowed: true });
		} else {
			expect(result).toMatchObject({ allowed: false, code: expected[0], overridable: expected[1] });
			if (!result.allowed) expect(result.message).toContain('通知三(四)');
		}
	});
	test('an open objection names how many and says to settle them', () => {
		const result = checkMove(
			move('notice', 'commended', { noticeEndsOn: ends, today: '2022-12-15', openObjections: 2 })
		);
		expect(!result.allowed && result.message).toMatch(/2 项异议尚未办结/);
	});
});

describe('reasonRequired', () => {
	const cases: [Stage, Stage, RegExp | null][] = [
		['joint', 'withdrawn', /^撤销须写明理由/],
		['commended', 'withdrawn', /^撤销须写明理由/],
		['submitted', 'not_selected', /^列为未入选须写明理由/],
		['not_selected', 'withdrawn', /^撤销须写明理由/],
		['withdrawn', 'joint', /^从“撤销”恢复至“联合评审”须写明理由/],
		['not_selected', 'proposed', /^从“未入选”恢复至“拟表彰”须写明理由/],
		['joint', 'proposed', null],
		['submitted', 'preliminary', null],
		['notice', 'commended', null]
	];
	test.each(cases)('%s → %s', (from, to, expected) => {
		const message = reasonRequired(from, to);
		if (expected === null) expect(message).toBeNull();
		else expect(message).toMatch(expected);
	});
});

describe('moveRefusalTitles', () => {
	test('every refusal code has a Chinese title', () => {
		expect(Object.keys(moveRefusalTitles).sort()).toEqual([...moveRefusalCodes].sort());
		for (const code of moveRefusalCodes)
			expect(moveRefusalTitles[code]).toMatch(/^[\u4e00-\u9fa5]/);
	});
});

describe('isMoveDefined', () => {
	const stages = Object.keys(stageLabels) as Stage[];
	test('every stage but the final ones can leave for not_selected, every one but withdrawn for withdrawn', () => {
		for (const from of stages) {
			expect(isMoveDefined(from, 'withdrawn')).toBe(from !== 'withdrawn');
			expect(isMoveDefined(from, 'not_selected')).toBe(
				!['not_selected', 'withdrawn', 'commended'].includes(from)
			);
		}
	});
	test('from an off-ramp, only the forward stage it came from is a way back', () => {
		for (const from of ['withdrawn', 'not_selected'] as const) {
			for (const to of stages) {
				const back = to === 'approved';
				expect(isMoveDefined(from, to, 'approved')).toBe(
					back || (from === 'not_selected' && to === 'withdrawn')
				);
			}
		}
		// A card on the forward path has no way "back" however it is asked.
		expect(isMoveDefined('joint', 'preliminary', 'preliminary')).toBe(false);
	});
});
