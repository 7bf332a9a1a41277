import { describe, expect, test } from 'vitest';
import {
	checkMove,
	consultationStatus,
	isMoveDefined,
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
		[
			'notice → commended early, overridden with a reason',
			move('notice', 'commended', {
				noticeEndsOn: '2022-12-16',
				today: '2022-12-10',
				reason: '经批准提前'
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
		[
			'notice → commended after the end',
			move('notice', 'commended', {
				noticeEndsOn: '2022-12-16',
				today: '2022-12-17',
				openObjections: 0
			}),
			'allowed'
		],
		[
			'notice → commended on the last day',
			move('notice', 'commended', { noticeEndsOn: '2022-12-16', today: '2022-12-16' }),
			['T-NOTICE-NOT-ENDED', true]
		],
		[
			'notice → commended with no end date',
			move('notice', 'commended', { today: '2022-12-17' }),
			['T-NOTICE-NOT-ENDED', true]
		],
		[
			'notice → commended with an open objection',
			move('notice', 'commended', {
				noticeEndsOn: '2022-12-16',
				today: '2022-12-20',
				openObjections: 1
			}),
			['T-NOTICE-NOT-ENDED', true]
		],
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
		['withdrawn is final', move('withdrawn', 'submitted'), ['T-MOVE-INVALID', false]]
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
});
