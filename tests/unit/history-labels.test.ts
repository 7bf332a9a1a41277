import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	actionLabel,
	auditActionLabels,
	describeHistory,
	type HistoryEntry,
	type HistoryLine
} from '$lib/history-labels';

const entry = (action: string, before: unknown, after: unknown): HistoryEntry => ({
	action,
	before,
	after,
	reason: null
});

describe('describeHistory', () => {
	const cases: [string, HistoryEntry, HistoryLine][] = [
		[
			'a move',
			entry(
				'candidate.move',
				{ stage: 'submitted', proposedTrack: null },
				{ stage: 'preliminary', proposedTrack: null, overridden: null }
			),
			{ action: '移动', detail: '推荐申报 → 初审', gate: null }
		],
		[
			'an override names the gate in Chinese',
			entry(
				'candidate.override',
				{ stage: 'joint', proposedTrack: null },
				{ stage: 'proposed', proposedTrack: 'station', overridden: 'T-VOTE-NOT-PASSED' }
			),
			{
				action: '越过关卡移动',
				detail: '联合评审 → 拟表彰（通报表扬代表家站）',
				gate: { code: 'T-VOTE-NOT-PASSED', title: '联合评审表决未通过' }
			}
		],
		[
			'党组审定 shows the meeting date',
			entry(
				'candidate.move',
				{ stage: 'proposed', proposedTrack: 'individual' },
				{
					stage: 'approved',
					proposedTrack: 'individual',
					overridden: null,
					approvedOn: '2022-11-25'
				}
			),
			{ action: '移动', detail: '拟表彰 → 党组审定（先进个人）；党组会议 2022-11-25', gate: null }
		],
		[
			'公示 shows its first and last day',
			entry(
				'candidate.move',
				{ stage: 'approved', proposedTrack: 'individual' },
				{
					stage: 'notice',
					proposedTrack: 'individual',
					overridden: null,
					noticeStart: '2022-12-01',
					noticeEnd: '2022-12-07'
				}
			),
			{
				action: '移动',
				detail: '党组审定 → 公示（先进个人）；公示 2022-12-01 至 2022-12-07',
				gate: null
			}
		],
		[
			'bringing a card back',
			entry(
				'candidate.return',
				{ stage: 'withdrawn', proposedTrack: null },
				{ stage: 'joint', proposedTrack: null, overridden: null }
			),
			{ action: '恢复至原环节', detail: '撤销 → 联合评审', gate: null }
		],
		[
			'a restore of a backup',
			entry(
				'candidate.restore',
				{ stage: 'submitted', proposedTrack: null, approvedOn: null },
				{ stage: 'approved', proposedTrack: 'collective', approvedOn: '2022-11-25' }
			),
			{
				action: '恢复备份时设定环节',
				detail: '推荐申报 → 党组审定（先进集体）；党组会议 2022-11-25',
				gate: null
			}
		],
		[
			'an objection recorded',
			entry('objection.record', null, { receivedOn: '2022-12-05', summary: '来信反映' }),
			{ action: '登记公示异议', detail: '2022-12-05 收到：来信反映', gate: null }
		],
		[
			'an objection settled',
			entry(
				'objection.resolve',
				{ summary: '来信反映' },
				{ resolution: '经核查不属实', resolvedOn: '2022-12-09' }
			),
			{
				action: '办结公示异议',
				detail: '2022-12-09 办结：经核查不属实（异议：来信反映）',
				gate: null
			}
		],
		[
			'a consultation',
			entry('consultation.record', null, {
				dept: '公安',
				result: '无异议',
				date: '2022-10-24',
				note: ''
			}),
			{ action: '记录征求意见', detail: '公安：无异议，2022-10-24', gate: null }
		],
		[
			'a comment edit carries no detail',
			entry('comment.edit', null, null),
			{ action: '编辑评审意见', detail: '', gate: null }
		],
		[
			'an unknown gate code is not invented a title',
			entry('candidate.override', {}, { stage: 'joint', overridden: 'T-SOMETHING' }),
			{ action: '越过关卡移动', detail: '联合评审', gate: null }
		]
	];
	test.each(cases)('%s', (_name, input, expected) => {
		expect(describeHistory(input)).toEqual(expected);
	});

	test('an action without a phrase is never shown as its code', () => {
		expect(actionLabel('something.new')).toBe('其他操作');
	});
});

/** Every source file under `dir` (ts and svelte). */
function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sources(full);
		return /\.(ts|svelte)$/.test(name) ? [full] : [];
	});
}

describe('auditActionLabels', () => {
	test('every audit action written anywhere in the app has a Chinese phrase', () => {
		const written = new Set<string>();
		for (const file of [...sources('src'), ...sources('server')]) {
			const code = readFileSync(file, 'utf8');
			// `action: 'x'` or `action: cond ? 'x' : 'y'`, over several lines if formatted so
			// (not a column declaration such as text('action'), nor a type member).
			for (const [, expression] of code.matchAll(/\baction:\s*([^,(;]+)/g)) {
				for (const [, literal] of expression!.matchAll(/'([a-z][a-z.-]*)'/g)) written.add(literal!);
			}
		}
		// The scan finds the moves, the objections, the meeting's and the sign-in's actions.
		for (const action of ['candidate.move', 'objection.record', 'round.close', 'auth.sign-in'])
			expect(written.has(action)).toBe(true);
		const missing = [...written].filter((action) => !(action in auditActionLabels));
		expect(missing).toEqual([]);
		for (const label of Object.values(auditActionLabels)) expect(label).toMatch(/^[\u4e00-\u9fa5]/);
	});
});
