import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { moveCandidates, type MoveRequest } from '../../src/lib/server/board/move';
import { recordObjection, resolveObjection } from '../../src/lib/server/board/objections';
import {
	audit,
	boardEvent,
	campaign,
	candidate,
	consultation,
	finding,
	membership,
	panelistUnit,
	meeting,
	round,
	user
} from '../../src/lib/server/db/schema';
import {
	castVote,
	closeRound,
	openRound,
	setAttendance,
	startMeeting
} from '../../src/lib/server/votes/meeting';
import { seedDemo } from '../../src/lib/server/seed';
import { freshDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
let campaignId: number;
let actor: MoveRequest['actor'];

beforeAll(async () => {
	database = await freshDatabase();
	({ campaignId } = await seedDemo(database.db));
	const [secretary] = await database.db.select().from(user).where(eq(user.username, 'secretary'));
	actor = { id: secretary!.id, name: secretary!.username };
});
afterAll(async () => {
	await database.destroy();
});

const db = () => database.db;

/** Puts every candidate back to 推荐申报 and off the list, so each test starts from the same place. */
beforeEach(async () => {
	await db()
		.update(candidate)
		.set({ stage: 'submitted', proposedTrack: null, noticeStart: null, noticeEnd: null })
		.where(eq(candidate.campaignId, campaignId));
	await db().delete(round);
	await db().delete(meeting);
});

async function pick(filter: {
	track: 'individual' | 'collective' | 'suggestion';
	errors: boolean;
	station?: boolean;
	count?: number;
}): Promise<number[]> {
	const withErrors = db()
		.selectDistinct({ id: finding.candidateId })
		.from(finding)
		.where(eq(finding.severity, 'error'));
	const rows = await db()
		.select({ id: candidate.id })
		.from(candidate)
		.where(
			and(
				eq(candidate.campaignId, campaignId),
				eq(candidate.track, filter.track),
				filter.station === undefined ? undefined : eq(candidate.isStation, filter.station),
				filter.errors
					? inArray(candidate.id, withErrors)
					: sql`${candidate.id} not in (select candidate_id from finding where severity = 'error' and candidate_id is not null)`
			)
		)
		.orderBy(candidate.id)
		.limit(filter.count ?? 1);
	return rows.map((row) => row.id);
}

async function setStage(
	ids: number[],
	stage: 'joint' | 'preliminary' | 'proposed' | 'notice',
	track?: string
) {
	await db()
		.update(candidate)
		.set({ stage, proposedTrack: stage === 'proposed' ? (track as 'individual') : null })
		.where(inArray(candidate.id, ids));
}

async function stageOf(id: number) {
	const [row] = await db().select().from(candidate).where(eq(candidate.id, id));
	return row!;
}

const move = (request: Omit<MoveRequest, 'campaignId' | 'actor'>) =>
	moveCandidates(db(), { campaignId, actor, today: '2022-11-20', ...request });

describe('moveCandidates: the gates of SPEC §3', () => {
	test('open error findings refuse 初审 until a secretary overrides with a reason', async () => {
		const [id] = await pick({ track: 'individual', errors: true });
		const refused = await move({ candidateIds: [id!], to: 'preliminary' });
		expect(refused.outcomes[0]).toMatchObject({
			ok: false,
			code: 'T-FINDINGS-OPEN',
			overridable: true
		});
		expect((await stageOf(id!)).stage).toBe('submitted');

		const forced = await move({
			candidateIds: [id!],
			to: 'preliminary',
			reason: '原件已核，系录入错误'
		});
		expect(forced.outcomes[0]).toMatchObject({ ok: true, overridden: 'T-FINDINGS-OPEN' });
		expect((await stageOf(id!)).stage).toBe('preliminary');
		const [row] = await db()
			.select()
			.from(audit)
			.where(and(eq(audit.subjectType, 'candidate'), eq(audit.subjectId, String(id))))
			.orderBy(sql`${audit.id} desc`)
			.limit(1);
		expect(row).toMatchObject({
			action: 'candidate.override',
			reason: '原件已核，系录入错误',
			actorId: actor.id
		});
		expect(row?.before).toMatchObject({ stage: 'submitted' });
		expect(row?.after).toMatchObject({ stage: 'preliminary', overridden: 'T-FINDINGS-OPEN' });
	});

	test('a clean candidate moves without a reason, with a plain move audit row', async () => {
		const [id] = await pick({ track: 'suggestion', errors: false });
		const result = await move({ candidateIds: [id!], to: 'preliminary' });
		expect(result.outcomes[0]).toMatchObject({ ok: true, overridden: null });
		expect(result.seq).toBeGreaterThan(0);
	});

	test('consultations must all be 无异议 before 联合评审', async () => {
		const [id] = await pick({ track: 'individual', errors: false });
		await setStage([id!], 'preliminary');
		await db().delete(consultation).where(eq(consultation.candidateId, id!));
		const missing = await move({ candidateIds: [id!], to: 'joint' });
		expect(missing.outcomes[0]).toMatchObject({ ok: false, code: 'T-CONSULT-MISSING' });
		const { requiredConsultations } = await stageOf(id!);
		await db()
			.insert(consultation)
			.values(
				requiredConsultations.map((dept) => ({
					candidateId: id!,
					dept,
					result: '无异议' as const,
					date: '2022-10-20'
				}))
			);
		expect((await move({ candidateIds: [id!], to: 'joint' })).outcomes[0]).toMatchObject({
			ok: true
		});
	});

	test('a passed vote is needed for 拟表彰; without one only an override with a reason', async () => {
		const [passing, unvoted] = await pick({ track: 'suggestion', errors: false, count: 2 });
		await setStage([passing!, unvoted!], 'joint');
		const panel = await db()
			.select({ id: membership.userId })
			.from(membership)
			.where(and(eq(membership.campaignId, campaignId), eq(membership.role, 'panelist')));
		const linked = new Set((await db().select().from(panelistUnit)).map((l) => l.userId));
		// The panelists tied to no unit (never recused) are a majority of the panel: they approve.
		const free = panel.filter((p) => !linked.has(p.id));
		expect(free.length).toBeGreaterThan(panel.length / 2);
		// A meeting with the whole panel present; a round on `passing` only, closed.
		const chair = { id: actor.id, name: actor.name, role: 'secretary' as const, unitId: null };
		await startMeeting(db(), { campaignId, actor: chair });
		for (const p of panel)
			await setAttendance(db(), { campaignId, userId: p.id, present: true, actor: chair });
		const { roundId } = await openRound(db(), {
			campaignId,
			candidateIds: [passing!],
			actor: chair
		});
		for (const p of free)
			await castVote(db(), {
				campaignId,
				roundId,
				candidateId: passing!,
				choice: 'approve',
				actor: { id: p.id, name: `p${p.id}`, role: 'panelist', unitId: null }
			});
		await closeRound(db(), { campaignId, roundId, actor: chair });
		const result = await move({ candidateIds: [passing!, unvoted!], to: 'proposed' });
		expect(result.outcomes).toMatchObject([
			{ candidateId: passing, ok: true, overridden: null },
			{ candidateId: unvoted, ok: false, code: 'T-VOTE-NOT-PASSED', overridable: true }
		]);
		expect((await stageOf(passing!)).proposedTrack).toBe('suggestion');
	});

	test('a station is proposed into the track the secretary chooses', async () => {
		const [a, b] = await pick({ track: 'collective', errors: false, station: true, count: 2 });
		await setStage([a!, b!], 'joint');
		await move({
			candidateIds: [a!],
			to: 'proposed',
			targetTrack: 'collective',
			reason: '会议研究'
		});
		await move({ candidateIds: [b!], to: 'proposed', targetTrack: 'station', reason: '会议研究' });
		expect((await stageOf(a!)).proposedTrack).toBe('collective');
		expect((await stageOf(b!)).proposedTrack).toBe('station');
	});

	test('a full quota refuses even with a reason, and leaving the list frees a place', async () => {
		const ids = await pick({ track: 'suggestion', errors: false, count: 101 });
		const [last, ...hundred] = ids;
		await setStage(hundred, 'proposed', 'suggestion');
		await setStage([last!], 'joint');
		const refused = await move({ candidateIds: [last!], to: 'proposed', reason: '确需' });
		expect(refused.outcomes[0]).toMatchObject({
			ok: false,
			code: 'T-QUOTA-FULL',
			overridable: false
		});
		expect(refused.seq).toBeNull();
		await move({ candidateIds: [hundred[0]!], to: 'not_selected', reason: '经研究不列入' });
		expect((await stageOf(hundred[0]!)).proposedTrack).toBeNull();
		expect(
			(await move({ candidateIds: [last!], to: 'proposed', reason: '确需' })).outcomes[0]
		).toMatchObject({ ok: true });
	});

	test('党组审定 needs the meeting date; 公示 computes its end in working days', async () => {
		const [id] = await pick({ track: 'individual', errors: false });
		await setStage([id!], 'proposed', 'individual');
		const noDate = await move({ candidateIds: [id!], to: 'approved' });
		expect(noDate.outcomes[0]).toMatchObject({ ok: false, code: 'DATE-REQUIRED' });
		await move({ candidateIds: [id!], to: 'approved', date: '2022-11-25' });
		expect((await stageOf(id!)).approvedOn).toBe('2022-11-25');
		// 12-30 (Fri), then the New Year holiday 12-31…1-2, then 1-3…1-6: the fifth is 2023-01-06.
		await move({ candidateIds: [id!], to: 'notice', date: '2022-12-30' });
		expect(await stageOf(id!)).toMatchObject({
			noticeStart: '2022-12-30',
			noticeEnd: '2023-01-06'
		});
		const early = await moveCandidates(db(), {
			campaignId,
			actor,
			today: '2023-01-06',
			candidateIds: [id!],
			to: 'commended'
		});
		expect(early.outcomes[0]).toMatchObject({ ok: false, code: 'T-NOTICE-NOT-ENDED' });
		const after = await moveCandidates(db(), {
			campaignId,
			actor,
			today: '2023-01-09',
			candidateIds: [id!],
			to: 'commended'
		});
		expect(after.outcomes[0]).toMatchObject({ ok: true });
	});

	test('an open objection from the public notice holds back 表彰 until it is settled', async () => {
		const [id, other] = await pick({ track: 'individual', errors: false, count: 2 });
		await db()
			.update(candidate)
			.set({
				stage: 'notice',
				proposedTrack: 'individual',
				noticeStart: '2022-12-01',
				noticeEnd: '2022-12-07'
			})
			.where(inArray(candidate.id, [id!, other!]));
		const filed = await recordObjection(db(), {
			campaignId,
			candidateId: id!,
			receivedOn: '2022-12-05',
			summary: '群众来信反映其履职情况与事迹材料不符',
			actor
		});
		expect(filed?.id).toBeGreaterThan(0);
		const after = { today: '2022-12-20', to: 'commended' as const };
		const held = await move({ candidateIds: [id!, other!], ...after });
		expect(held.outcomes).toMatchObject([
			{ candidateId: id, ok: false, code: 'T-OBJECTION-OPEN', overridable: false },
			{ candidateId: other, ok: true }
		]);
		expect(held.outcomes[0]!.ok === false && held.outcomes[0]!.message).toContain('异议');

		// Only that candidate's open objection can be settled, once.
		const settle = {
			campaignId,
			objectionId: filed!.id,
			resolution: '经核查不属实',
			resolvedOn: '2022-12-09',
			actor
		};
		expect(await resolveObjection(db(), { ...settle, candidateId: other! })).toBe(false);
		expect(await resolveObjection(db(), { ...settle, candidateId: id! })).toBe(true);
		expect(await resolveObjection(db(), { ...settle, candidateId: id! })).toBe(false);
		expect((await move({ candidateIds: [id!], ...after })).outcomes[0]).toMatchObject({ ok: true });
		const trail = await db()
			.select({ action: audit.action })
			.from(audit)
			.where(and(eq(audit.subjectType, 'candidate'), eq(audit.subjectId, String(id))));
		expect(trail.map((row) => row.action)).toEqual(
			expect.arrayContaining(['objection.record', 'objection.resolve', 'candidate.move'])
		);
	});

	test('moves that skip a column are refused and never overridable', async () => {
		const [id] = await pick({ track: 'individual', errors: false });
		const result = await move({ candidateIds: [id!], to: 'joint', reason: '跳过' });
		expect(result.outcomes[0]).toMatchObject({
			ok: false,
			code: 'T-MOVE-INVALID',
			overridable: false
		});
	});
});

describe('moveCandidates under concurrency', () => {
	test('20 simultaneous moves into a track with one place left: exactly one succeeds', async () => {
		const ids = await pick({ track: 'suggestion', errors: false, count: 119 });
		const proposed = ids.slice(0, 99);
		const contenders = ids.slice(99);
		await setStage(proposed, 'proposed', 'suggestion');
		await setStage(contenders, 'joint');
		const before = await db()
			.select({ n: sql<number>`count(*)::int` })
			.from(audit)
			.where(eq(audit.action, 'candidate.override'));
		const results = await Promise.all(
			contenders.map((id) => move({ candidateIds: [id], to: 'proposed', reason: '并发测试' }))
		);
		const outcomes = results.flatMap((r) => r.outcomes);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(outcomes.filter((o) => !o.ok && o.code === 'T-QUOTA-FULL')).toHaveLength(19);
		const after = await db()
			.select({ n: sql<number>`count(*)::int` })
			.from(audit)
			.where(eq(audit.action, 'candidate.override'));
		expect(after[0]!.n - before[0]!.n).toBe(1);
		const [{ n }] = (await db()
			.select({ n: sql<number>`count(*)::int` })
			.from(candidate)
			.where(
				and(eq(candidate.campaignId, campaignId), eq(candidate.proposedTrack, 'suggestion'))
			)) as [{ n: number }];
		expect(n).toBe(100);
	});
});

describe('board events', () => {
	test('each committed move appends one event with the next sequence number', async () => {
		const [a, b] = await pick({ track: 'suggestion', errors: false, count: 2 });
		const [{ seq: before }] = (await db()
			.select({ seq: campaign.eventSeq })
			.from(campaign)
			.where(eq(campaign.id, campaignId))) as [{ seq: number }];
		const first = await move({ candidateIds: [a!, b!], to: 'preliminary' });
		const refused = await move({ candidateIds: [a!], to: 'commended' });
		expect(first.seq).toBe(before + 1);
		expect(refused.seq).toBeNull();
		const [event] = await db()
			.select()
			.from(boardEvent)
			.where(and(eq(boardEvent.campaignId, campaignId), eq(boardEvent.seq, first.seq!)));
		expect(event?.type).toBe('candidates.moved');
		expect(event?.payload).toMatchObject({
			moves: [
				{ candidateId: a, from: 'submitted', to: 'preliminary', proposedTrack: null },
				{ candidateId: b, from: 'submitted', to: 'preliminary', proposedTrack: null }
			],
			cards: [
				{ id: a, stage: 'preliminary' },
				{ id: b, stage: 'preliminary' }
			]
		});
	});
});
