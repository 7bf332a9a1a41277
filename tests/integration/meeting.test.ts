import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { moveCandidates } from '../../src/lib/server/board/move';
import {
	attendance,
	ballot,
	boardEvent,
	candidate,
	conflict,
	meeting,
	membership,
	panelistUnit,
	round,
	roundCandidate,
	roundVoter,
	user
} from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/seed';
import {
	castVote,
	closeRound,
	declareConflict,
	endMeeting,
	MeetingRefusal,
	openRound,
	setAttendance,
	setCurrentCandidate,
	setOnPanel,
	startMeeting,
	withdrawConflict,
	type MeetingActor
} from '../../src/lib/server/votes/meeting';
import { proposePassing } from '../../src/lib/server/votes/propose';
import { meterTallies } from '../../src/lib/server/votes/tallies';
import { meetingMinutes } from '../../src/lib/server/votes/minutes';
import type { VoteChoice } from '../../src/lib/domain/tally';
import { freshDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
let campaignId: number;
let secretary: MeetingActor;
let observer: MeetingActor;
let unitActor: MeetingActor;
/** panelist1 … panelist7, in order; 1–3 are linked to nominating units. */
let panelists: MeetingActor[];

const db = () => database.db;

async function actor(username: string): Promise<MeetingActor> {
	const [row] = await db()
		.select({ id: user.id, name: user.username, role: membership.role, unitId: membership.unitId })
		.from(user)
		.innerJoin(membership, eq(membership.userId, user.id))
		.where(and(eq(user.username, username), eq(membership.campaignId, campaignId)));
	return row!;
}

beforeAll(async () => {
	database = await freshDatabase();
	({ campaignId } = await seedDemo(database.db));
	secretary = await actor('secretary');
	observer = await actor('screen');
	const [unitUser] = await db()
		.select({ username: user.username })
		.from(user)
		.where(sql`${user.username} like 'unit-%'`)
		.limit(1);
	unitActor = await actor(unitUser!.username);
	panelists = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => actor(`panelist${i}`)));
});
afterAll(async () => {
	await database.destroy();
});

/** Each test starts with no meeting, no rounds, nobody proposed, the whole panel seated. */
beforeEach(async () => {
	await db().delete(round);
	await db().delete(meeting);
	await db().delete(conflict);
	await db().update(membership).set({ onPanel: true }).where(eq(membership.campaignId, campaignId));
	await db()
		.update(candidate)
		.set({ stage: 'submitted', proposedTrack: null })
		.where(eq(candidate.campaignId, campaignId));
});

/** Suggestions in 联合评审 whose unit no panelist is linked to (nobody recused). */
async function jointSuggestions(count: number, offset = 0): Promise<number[]> {
	const linked = db().select({ id: panelistUnit.unitId }).from(panelistUnit);
	const rows = await db()
		.select({ id: candidate.id })
		.from(candidate)
		.where(
			and(
				eq(candidate.campaignId, campaignId),
				eq(candidate.track, 'suggestion'),
				notInArray(candidate.unitId, linked)
			)
		)
		.orderBy(asc(candidate.id))
		.limit(count)
		.offset(offset);
	const ids = rows.map((r) => r.id);
	await db().update(candidate).set({ stage: 'joint' }).where(inArray(candidate.id, ids));
	return ids;
}

/** A candidate from a unit panelist1 is linked to, in 联合评审. */
async function recusedCandidate(): Promise<number> {
	const [row] = await db()
		.select({ id: candidate.id })
		.from(candidate)
		.innerJoin(panelistUnit, eq(panelistUnit.unitId, candidate.unitId))
		.where(and(eq(candidate.campaignId, campaignId), eq(panelistUnit.userId, panelists[0]!.id)))
		.limit(1);
	await db().update(candidate).set({ stage: 'joint' }).where(eq(candidate.id, row!.id));
	return row!.id;
}

async function seat(count: number) {
	await startMeeting(db(), { campaignId, actor: secretary });
	for (const p of panelists.slice(0, count))
		await setAttendance(db(), { campaignId, userId: p.id, present: true, actor: secretary });
}

async function refusal(promise: Promise<unknown>): Promise<MeetingRefusal> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(MeetingRefusal);
	return error as MeetingRefusal;
}

const vote = (p: MeetingActor, roundId: number, candidateId: number, choice: VoteChoice) =>
	castVote(db(), { campaignId, roundId, candidateId, choice, actor: p });

describe('attendance and the quorum (实到 ≥ 应到 × 2/3)', () => {
	test('no round opens without quorum: 4 of 7 refused, 5 of 7 opens', async () => {
		const [id] = await jointSuggestions(1);
		await seat(4);
		const refused = await refusal(
			openRound(db(), { campaignId, candidateIds: [id!], actor: secretary })
		);
		expect(refused.code).toBe('NO-QUORUM');
		expect(refused.message).toContain('实到 4 人');
		await setAttendance(db(), {
			campaignId,
			userId: panelists[4]!.id,
			present: true,
			actor: panelists[4]!
		});
		const opened = await openRound(db(), { campaignId, candidateIds: [id!], actor: secretary });
		expect(opened.expected).toBe(5);
	});

	test('taking members off the panel lowers 应到; a panelist signs in only themselves', async () => {
		const [id] = await jointSuggestions(1);
		await seat(3);
		await refusal(openRound(db(), { campaignId, candidateIds: [id!], actor: secretary }));
		for (const p of panelists.slice(4))
			await setOnPanel(db(), { campaignId, userId: p.id, onPanel: false, actor: secretary });
		// 应到 4, 实到 3: 3 ≥ 4 × 2/3.
		await openRound(db(), { campaignId, candidateIds: [id!], actor: secretary });
		const other = await refusal(
			setAttendance(db(), {
				campaignId,
				userId: panelists[5]!.id,
				present: true,
				actor: panelists[0]!
			})
		);
		expect(other.message).toContain('本人');
		const events = await db()
			.select()
			.from(boardEvent)
			.where(and(eq(boardEvent.campaignId, campaignId), eq(boardEvent.type, 'attendance.changed')));
		expect(events.at(-1)!.payload).toMatchObject({ expected: 4, present: 3, quorumMet: true });
	});

	test('a second round cannot open while one is open', async () => {
		const [a, b] = await jointSuggestions(2);
		await seat(7);
		await openRound(db(), { campaignId, candidateIds: [a!], actor: secretary });
		const refused = await refusal(
			openRound(db(), { campaignId, candidateIds: [b!], actor: secretary })
		);
		expect(refused.code).toBe('ROUND-OPEN');
	});
});

describe('castVote refuses forged and late ballots with a Chinese message', () => {
	test('observer, unit, secretary, absent panelist, recused (unit and declared), after close', async () => {
		const [free, declared] = await jointSuggestions(2);
		const linked = await recusedCandidate();
		await seat(6); // panelist7 is absent
		await declareConflict(db(), {
			campaignId,
			candidateId: declared!,
			userId: panelists[3]!.id,
			reason: '曾指导该建议',
			actor: panelists[3]!
		});
		const { roundId } = await openRound(db(), {
			campaignId,
			candidateIds: [free!, declared!, linked],
			actor: secretary
		});
		const cases: [string, () => Promise<unknown>, string, string][] = [
			['observer', () => vote(observer, roundId, free!, 'approve'), 'NOT-PANELIST', '观察员'],
			['unit', () => vote(unitActor, roundId, free!, 'approve'), 'NOT-PANELIST', '推荐单位'],
			['secretary', () => vote(secretary, roundId, free!, 'approve'), 'NOT-PANELIST', '评审委员'],
			['absent', () => vote(panelists[6]!, roundId, free!, 'approve'), 'NOT-PRESENT', '未签到'],
			['unit-linked', () => vote(panelists[0]!, roundId, linked, 'approve'), 'RECUSED', '回避'],
			[
				'declared',
				() => vote(panelists[3]!, roundId, declared!, 'reject'),
				'RECUSED',
				'曾指导该建议'
			]
		];
		for (const [name, attempt, code, text] of cases) {
			const refused = await refusal(attempt());
			expect([name, refused.code]).toEqual([name, code]);
			expect(refused.message).toContain(text);
		}
		// The recused still vote on the others.
		await vote(panelists[0]!, roundId, free!, 'approve');
		await vote(panelists[3]!, roundId, free!, 'approve');
		const { results } = await closeRound(db(), { campaignId, roundId, actor: secretary });
		// Denominators: 6 present, less the recused one for each.
		expect(results.map((r) => r.voters)).toEqual([6, 5, 5]);
		const late = await refusal(vote(panelists[1]!, roundId, free!, 'approve'));
		expect(late.code).toBe('ROUND-CLOSED');
		expect(late.message).toContain('已结束');
		const again = await refusal(closeRound(db(), { campaignId, roundId, actor: secretary }));
		expect(again.code).toBe('ROUND-CLOSED');
	});

	test('a withdrawn conflict lets the panelist vote again; neither changes while voting', async () => {
		const [declared, other] = await jointSuggestions(2);
		await seat(5);
		const p = panelists[4]!;
		const declaration = { campaignId, candidateId: declared!, userId: p.id, actor: secretary };
		await declareConflict(db(), { ...declaration, reason: '近亲属' });
		const first = await openRound(db(), {
			campaignId,
			candidateIds: [declared!],
			actor: secretary
		});
		expect((await refusal(vote(p, first.roundId, declared!, 'approve'))).code).toBe('RECUSED');
		const busy = await refusal(withdrawConflict(db(), { ...declaration, reason: '登记有误' }));
		expect([busy.code, busy.message]).toEqual([
			'ROUND-OPEN',
			'该候选对象正在表决，请在本轮结束后再撤回回避。'
		]);
		// A conflict on a candidate outside the open round is withdrawn at once.
		await declareConflict(db(), { ...declaration, candidateId: other!, reason: '同事' });
		await withdrawConflict(db(), { ...declaration, candidateId: other!, reason: '登记有误' });
		await closeRound(db(), { campaignId, roundId: first.roundId, actor: secretary });

		await withdrawConflict(db(), { ...declaration, reason: '登记有误' });
		const second = await openRound(db(), {
			campaignId,
			candidateIds: [declared!],
			actor: secretary
		});
		await vote(p, second.roundId, declared!, 'approve');
		const { results } = await closeRound(db(), {
			campaignId,
			roundId: second.roundId,
			actor: secretary
		});
		// Back in the denominator: 5 present, none recused.
		expect(results[0]).toMatchObject({ voters: 5, approve: 1 });
	});

	test('a 差额 ballot refuses approvals beyond the places left', async () => {
		const ids = await jointSuggestions(4);
		// 98 of 100 suggestions proposed: 2 places left.
		const filler = await jointSuggestions(98, 10);
		await db()
			.update(candidate)
			.set({ stage: 'proposed', proposedTrack: 'suggestion' })
			.where(inArray(candidate.id, filler));
		await seat(5);
		const { roundId } = await openRound(db(), {
			campaignId,
			candidateIds: ids,
			competitiveTrack: 'suggestion',
			actor: secretary
		});
		const p = panelists[4]!;
		expect((await vote(p, roundId, ids[0]!, 'approve')).approvalsLeft).toBe(1);
		expect((await vote(p, roundId, ids[1]!, 'approve')).approvalsLeft).toBe(0);
		const over = await refusal(vote(p, roundId, ids[2]!, 'approve'));
		expect(over.code).toBe('OVER-PLACES');
		expect(over.message).toContain('最多可投 2 票同意');
		// Changing one back frees an approval; re-marking the same candidate is not "more".
		expect((await vote(p, roundId, ids[1]!, 'approve')).approvalsLeft).toBe(0);
		await vote(p, roundId, ids[0]!, 'abstain');
		expect((await vote(p, roundId, ids[2]!, 'approve')).approvalsLeft).toBe(0);
	});

	test('a 差额 ballot on a full track does not open', async () => {
		const ids = await jointSuggestions(2);
		const filler = await jointSuggestions(100, 10);
		await db()
			.update(candidate)
			.set({ stage: 'proposed', proposedTrack: 'suggestion' })
			.where(inArray(candidate.id, filler));
		await seat(5);
		const refused = await refusal(
			openRound(db(), {
				campaignId,
				candidateIds: ids,
				competitiveTrack: 'suggestion',
				actor: secretary
			})
		);
		expect(refused.code).toBe('NO-PLACES');
	});
});

describe('secret ballot', () => {
	test('7 panelists × 100 concurrent vote changes → exact tallies and progress', async () => {
		const ids = await jointSuggestions(3);
		await seat(7);
		const { roundId } = await openRound(db(), { campaignId, candidateIds: ids, actor: secretary });
		const choices: VoteChoice[] = ['approve', 'reject', 'abstain'];
		const last = new Map<string, VoteChoice>();
		// Each panelist changes their marks 100 times in order; the seven run at the same time.
		await Promise.all(
			panelists.map(async (p, pi) => {
				for (let i = 0; i < 100; i++) {
					const candidateId = ids[(i + pi) % ids.length]!;
					const choice = choices[(i * 7 + pi * 3) % 3]!;
					await vote(p, roundId, candidateId, choice);
					last.set(`${p.id}:${candidateId}`, choice);
				}
			})
		);
		const expected = ids.map((candidateId) => {
			const marks = panelists.map((p) => last.get(`${p.id}:${candidateId}`));
			const approve = marks.filter((m) => m === 'approve').length;
			const reject = marks.filter((m) => m === 'reject').length;
			return { candidateId, approve, reject, abstain: 7 - approve - reject };
		});
		const casts = (
			await db()
				.select()
				.from(boardEvent)
				.where(and(eq(boardEvent.campaignId, campaignId), eq(boardEvent.type, 'vote.cast')))
				.orderBy(asc(boardEvent.seq))
		).filter((e) => (e.payload as { roundId: number }).roundId === roundId);
		expect(casts).toHaveLength(700);
		expect(casts.at(-1)!.payload).toEqual({ roundId, cast: 7, expected: 7 });
		// The announced count never goes down (each one counted under the round's lock).
		const counts = casts.map((e) => (e.payload as { cast: number }).cast);
		expect(counts.every((n, i) => i === 0 || n >= counts[i - 1]!)).toBe(true);
		const { results } = await closeRound(db(), { campaignId, roundId, actor: secretary });
		expect(
			results.map(({ candidateId, approve, reject, abstain }) => ({
				candidateId,
				approve,
				reject,
				abstain
			}))
		).toEqual(expected);
	}, 180_000);

	test('after the close no table links a voter to a choice; participation stays', async () => {
		const [a, b] = await jointSuggestions(2);
		await seat(6);
		const { roundId } = await openRound(db(), {
			campaignId,
			candidateIds: [a!, b!],
			actor: secretary
		});
		for (const p of panelists.slice(0, 5)) await vote(p, roundId, a!, 'approve');
		expect(await db().select().from(ballot).where(eq(ballot.roundId, roundId))).toHaveLength(5);
		await closeRound(db(), { campaignId, roundId, actor: secretary });
		expect(await db().select().from(ballot)).toHaveLength(0);
		// The only table with a choice column is `ballot`, and it is empty after every close.
		const withChoice = await db().execute<{ table_name: string }>(sql`
			select table_name from information_schema.columns
			where table_schema = 'public' and column_name = 'choice'`);
		const rows = (
			Array.isArray(withChoice) ? withChoice : (withChoice as { rows: unknown[] }).rows
		) as { table_name: string }[];
		expect(rows.map((r) => r.table_name)).toEqual(['ballot']);
		const [stored] = await db()
			.select()
			.from(roundCandidate)
			.where(and(eq(roundCandidate.roundId, roundId), eq(roundCandidate.candidateId, a!)));
		expect(stored).toMatchObject({ approve: 5, reject: 0, abstain: 1, outcome: 'passed' });
		const took = await db()
			.select({ userId: roundVoter.userId })
			.from(roundVoter)
			.where(and(eq(roundVoter.roundId, roundId), eq(roundVoter.tookPart, true)));
		expect(took.map((t) => t.userId).sort()).toEqual(
			panelists
				.slice(0, 5)
				.map((p) => p.id)
				.sort()
		);
		// The events carried counts only, never a voter.
		const events = await db()
			.select({ payload: boardEvent.payload })
			.from(boardEvent)
			.where(
				and(
					eq(boardEvent.campaignId, campaignId),
					inArray(boardEvent.type, ['vote.cast', 'round.closed'])
				)
			);
		for (const e of events) expect(JSON.stringify(e.payload)).not.toMatch(/userId|panelist|choice/);
	});
});

describe('the gate and proposing', () => {
	test('T-VOTE-NOT-PASSED reads the latest closed round: no override needed after a pass', async () => {
		const [passing, failing] = await jointSuggestions(2);
		await seat(7);
		const { roundId } = await openRound(db(), {
			campaignId,
			candidateIds: [passing!, failing!],
			actor: secretary
		});
		for (const p of panelists.slice(0, 4)) {
			await vote(p, roundId, passing!, 'approve');
			await vote(p, roundId, failing!, 'reject');
		}
		// Open: nothing decided yet.
		const early = await moveCandidates(db(), {
			campaignId,
			candidateIds: [passing!],
			to: 'proposed',
			actor: secretary
		});
		expect(early.outcomes[0]).toMatchObject({ ok: false, code: 'T-VOTE-NOT-PASSED' });
		await closeRound(db(), { campaignId, roundId, actor: secretary });
		const moved = await moveCandidates(db(), {
			campaignId,
			candidateIds: [passing!, failing!],
			to: 'proposed',
			actor: secretary
		});
		expect(moved.outcomes).toMatchObject([
			{ ok: true, overridden: null },
			{ ok: false, code: 'T-VOTE-NOT-PASSED' }
		]);
		// A new round on the failed one: the latest closed round counts.
		const second = await openRound(db(), {
			campaignId,
			candidateIds: [failing!],
			actor: secretary
		});
		for (const p of panelists.slice(0, 4)) await vote(p, second.roundId, failing!, 'approve');
		await closeRound(db(), { campaignId, roundId: second.roundId, actor: secretary });
		const after = await moveCandidates(db(), {
			campaignId,
			candidateIds: [failing!],
			to: 'proposed',
			actor: secretary
		});
		expect(after.outcomes[0]).toMatchObject({ ok: true, overridden: null });
	});

	test('proposing moves the passing in rank order and reports a tie and what did not fit', async () => {
		const ids = await jointSuggestions(5);
		const filler = await jointSuggestions(97, 10);
		await db()
			.update(candidate)
			.set({ stage: 'proposed', proposedTrack: 'suggestion' })
			.where(inArray(candidate.id, filler));
		await seat(7);
		// 3 places left, at most 3 approvals each: ids[0] 7, ids[1] 5, ids[2] 4, ids[3] 4, ids[4] 1.
		const { roundId } = await openRound(db(), {
			campaignId,
			candidateIds: ids,
			competitiveTrack: 'suggestion',
			actor: secretary
		});
		const plan: number[][] = [
			[0, 1, 2],
			[0, 1, 2],
			[0, 1, 3],
			[0, 1, 3],
			[0, 2, 3],
			[0, 3, 4],
			[0, 1, 2]
		];
		for (const [pi, marks] of plan.entries())
			for (const ci of marks) await vote(panelists[pi]!, roundId, ids[ci]!, 'approve');
		const { results } = await closeRound(db(), { campaignId, roundId, actor: secretary });
		expect(results.map((r) => [r.approve, r.outcome])).toEqual([
			[7, 'passed'],
			[5, 'passed'],
			[4, 'tie'],
			[4, 'tie'],
			[1, 'failed']
		]);
		// The meters: 本轮通过 2 and 待拟表彰 2 (ties are not passed).
		expect(await meterTallies(db(), campaignId)).toEqual({
			passingNow: { suggestion: 2 },
			roundPassed: { suggestion: 2 }
		});
		const proposed = await proposePassing(db(), { campaignId, roundId, actor: secretary });
		expect(proposed.moved).toBe(2);
		expect(proposed.outcomes.map((o) => o.candidateId)).toEqual([ids[0], ids[1]]);
		// Proposed: nobody waits any more; the round still passed two.
		expect(await meterTallies(db(), campaignId)).toEqual({
			passingNow: {},
			roundPassed: { suggestion: 2 }
		});
		// A new round on the tie: 本轮 is the latest closed round.
		const tie = await openRound(db(), {
			campaignId,
			candidateIds: [ids[2]!],
			actor: secretary
		});
		for (const p of panelists.slice(0, 4)) await vote(p, tie.roundId, ids[2]!, 'approve');
		await closeRound(db(), { campaignId, roundId: tie.roundId, actor: secretary });
		expect(await meterTallies(db(), campaignId)).toEqual({
			passingNow: { suggestion: 1 },
			roundPassed: { suggestion: 1 }
		});
	});

	test('proposing never overfills a track under concurrent moves', async () => {
		const ids = await jointSuggestions(4);
		const rivals = await jointSuggestions(4, 4);
		const filler = await jointSuggestions(95, 10);
		await db()
			.update(candidate)
			.set({ stage: 'proposed', proposedTrack: 'suggestion' })
			.where(inArray(candidate.id, filler));
		await seat(7);
		const { roundId } = await openRound(db(), {
			campaignId,
			candidateIds: ids,
			competitiveTrack: 'suggestion',
			actor: secretary
		});
		for (const p of panelists) for (const id of ids) await vote(p, roundId, id, 'approve');
		await closeRound(db(), { campaignId, roundId, actor: secretary });
		// 5 places; 4 pass, while 4 rivals are pushed in concurrently with a reason.
		const [proposed, ...others] = await Promise.all([
			proposePassing(db(), { campaignId, roundId, actor: secretary }),
			...rivals.map((id) =>
				moveCandidates(db(), {
					campaignId,
					candidateIds: [id],
					to: 'proposed',
					reason: '会议研究决定',
					actor: secretary
				})
			)
		]);
		const [count] = await db()
			.select({ n: sql<number>`count(*)::int` })
			.from(candidate)
			.where(and(eq(candidate.campaignId, campaignId), eq(candidate.proposedTrack, 'suggestion')));
		expect(count!.n).toBe(100);
		const rivalsMoved = others.filter((o) => o.outcomes[0]!.ok).length;
		expect(proposed.moved + rivalsMoved).toBe(5);
		for (const refusal of proposed.notMoved) expect(refusal.code).toBe('T-QUOTA-FULL');
	});
});

describe('meeting state', () => {
	test('the current candidate is stored and announced', async () => {
		const [id] = await jointSuggestions(1);
		await refusal(setCurrentCandidate(db(), { campaignId, candidateId: id!, actor: secretary }));
		await startMeeting(db(), { campaignId, actor: secretary });
		const notChair = await refusal(
			setCurrentCandidate(db(), { campaignId, candidateId: id!, actor: panelists[0]! })
		);
		expect(notChair.code).toBe('NOT-CHAIR');
		await setCurrentCandidate(db(), { campaignId, candidateId: id!, actor: secretary });
		const [m] = await db().select().from(meeting).where(eq(meeting.campaignId, campaignId));
		expect(m!.currentCandidateId).toBe(id);
		const [event] = await db()
			.select()
			.from(boardEvent)
			.where(and(eq(boardEvent.campaignId, campaignId), eq(boardEvent.type, 'meeting.current')))
			.orderBy(sql`${boardEvent.seq} desc`)
			.limit(1);
		expect(event!.payload).toEqual({ meetingId: m!.id, candidateId: id });
		const rows = await db().select().from(attendance);
		expect(rows).toHaveLength(0);
	});

	test('ending the meeting: refused while a round is open, then stored, audited and announced', async () => {
		const [id] = await jointSuggestions(1);
		await seat(5);
		const notChair = await refusal(endMeeting(db(), { campaignId, actor: panelists[0]! }));
		expect(notChair.code).toBe('NOT-CHAIR');
		const { roundId } = await openRound(db(), {
			campaignId,
			candidateIds: [id!],
			actor: secretary
		});
		const busy = await refusal(endMeeting(db(), { campaignId, actor: secretary }));
		expect(busy.message).toBe('本轮表决尚未结束，请先结束表决（C），再结束会议。');
		await closeRound(db(), { campaignId, roundId, actor: secretary });
		const { meetingId, endedAt } = await endMeeting(db(), { campaignId, actor: secretary });
		const [m] = await db().select().from(meeting).where(eq(meeting.id, meetingId));
		expect(m!.endedAt).toEqual(endedAt);
		const [event] = await db()
			.select()
			.from(boardEvent)
			.where(and(eq(boardEvent.campaignId, campaignId), eq(boardEvent.type, 'meeting.ended')))
			.orderBy(sql`${boardEvent.seq} desc`)
			.limit(1);
		expect(event!.payload).toEqual({ meetingId, endedAt: endedAt.toISOString() });
		// Nothing more happens in it: no meeting is open.
		const none = await refusal(endMeeting(db(), { campaignId, actor: secretary }));
		expect(none.code).toBe('NO-MEETING');
		const minutes = await meetingMinutes(db(), campaignId);
		expect(minutes.find((x) => x.id === meetingId)?.endedAt).toEqual(endedAt);
	});
});
