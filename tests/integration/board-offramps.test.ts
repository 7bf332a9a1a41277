/**
 * Safe moves (issue 7, findings 11 and 12) against a real database: 撤销 and 未入选 take a
 * written reason, a card comes back from them only to the stage it came from (with a reason,
 * audited, and onto the list only if its track has a place), 公示 and its objections are hard
 * gates, and objections are taken only during 公示.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { historyOf } from '../../src/lib/server/audit/history';
import { boardCards } from '../../src/lib/server/board/cards';
import { moveCandidates, type MoveRequest } from '../../src/lib/server/board/move';
import {
	ObjectionRefusal,
	recordObjection,
	resolveObjection
} from '../../src/lib/server/board/objections';
import {
	audit,
	boardEvent,
	campaign,
	candidate,
	objection,
	user
} from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/seed';
import type { Stage } from '../../src/lib/domain/stages';
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

beforeEach(async () => {
	await db()
		.update(candidate)
		.set({ stage: 'submitted', proposedTrack: null, noticeStart: null, noticeEnd: null })
		.where(eq(candidate.campaignId, campaignId));
});

/** `count` individuals of the campaign, in id order (from the last one: newest first). */
async function individuals(count: number, from: 'first' | 'last' = 'first'): Promise<number[]> {
	const rows = await db()
		.select({ id: candidate.id })
		.from(candidate)
		.where(and(eq(candidate.campaignId, campaignId), eq(candidate.track, 'individual')))
		.orderBy(from === 'first' ? candidate.id : desc(candidate.id))
		.limit(count);
	return rows.map((row) => row.id);
}

async function place(ids: number[], stage: Stage, proposedTrack: 'individual' | null = null) {
	await db().update(candidate).set({ stage, proposedTrack }).where(inArray(candidate.id, ids));
}

async function stageOf(id: number) {
	const [row] = await db().select().from(candidate).where(eq(candidate.id, id));
	return row!;
}

async function lastAudit(id: number) {
	const [row] = await db()
		.select()
		.from(audit)
		.where(and(eq(audit.subjectType, 'candidate'), eq(audit.subjectId, String(id))))
		.orderBy(desc(audit.id))
		.limit(1);
	return row;
}

async function eventSeq(): Promise<number> {
	const [row] = await db()
		.select({ seq: campaign.eventSeq })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	return row!.seq;
}

const move = (request: Omit<MoveRequest, 'campaignId' | 'actor'>) =>
	moveCandidates(db(), { campaignId, actor, today: '2022-11-20', ...request });

describe('撤销 and 未入选 take a written reason', () => {
	const cases: [string, Stage, Stage][] = [
		['联合评审 → 撤销', 'joint', 'withdrawn'],
		['推荐申报 → 未入选', 'submitted', 'not_selected'],
		['初审 → 未入选', 'preliminary', 'not_selected'],
		['未入选 → 撤销', 'not_selected', 'withdrawn']
	];
	test.each(cases)('%s', async (_name, from, to) => {
		const [id] = await individuals(1);
		await place([id!], from);
		const seq = await eventSeq();
		for (const reason of [undefined, '   ']) {
			const refused = await move({ candidateIds: [id!], to, reason });
			expect(refused.outcomes[0]).toMatchObject({
				ok: false,
				code: 'REASON-REQUIRED',
				overridable: true
			});
			expect(refused.outcomes[0]!.ok === false && refused.outcomes[0]!.message).toMatch(
				/须写明理由/
			);
			expect(refused.seq).toBeNull();
		}
		expect((await stageOf(id!)).stage).toBe(from);
		expect(await eventSeq()).toBe(seq);

		const done = await move({ candidateIds: [id!], to, reason: '本人申请撤回推荐' });
		expect(done.outcomes[0]).toMatchObject({ ok: true, from, to, overridden: null });
		expect((await stageOf(id!)).stage).toBe(to);
		expect(await lastAudit(id!)).toMatchObject({
			action: 'candidate.move',
			reason: '本人申请撤回推荐',
			actorId: actor.id
		});
	});

	test('a move that does not exist is refused as such, not asked for a reason', async () => {
		const [id] = await individuals(1);
		await place([id!], 'withdrawn');
		const result = await move({ candidateIds: [id!], to: 'not_selected' });
		expect(result.outcomes[0]).toMatchObject({ ok: false, code: 'T-MOVE-INVALID' });
	});
});

describe('bringing a card back from 撤销 or 未入选', () => {
	test('back to the stage it came from, with a reason, audited and announced', async () => {
		const [id] = await individuals(1);
		await place([id!], 'joint');
		const out = await move({ candidateIds: [id!], to: 'withdrawn', reason: '推荐单位来函撤回' });
		// The board event tells every screen where the card may come back to.
		const [event] = await db()
			.select()
			.from(boardEvent)
			.where(and(eq(boardEvent.campaignId, campaignId), eq(boardEvent.seq, out.seq!)));
		expect(event?.payload).toMatchObject({
			moves: [
				{ candidateId: id, from: 'joint', to: 'withdrawn', proposedTrack: null, returnsTo: 'joint' }
			],
			cards: [{ id, stage: 'withdrawn', returnsTo: 'joint' }]
		});
		const cards = await boardCards(db(), campaignId);
		expect(cards.find((card) => card.id === id)?.returnsTo).toBe('joint');

		// Not elsewhere, and not without a reason.
		expect(
			(await move({ candidateIds: [id!], to: 'preliminary', reason: '误操作' })).outcomes[0]
		).toMatchObject({ ok: false, code: 'T-MOVE-INVALID', overridable: false });
		expect((await move({ candidateIds: [id!], to: 'joint' })).outcomes[0]).toMatchObject({
			ok: false,
			code: 'REASON-REQUIRED'
		});

		const back = await move({ candidateIds: [id!], to: 'joint', reason: '来函系误发，恢复推荐' });
		expect(back.outcomes[0]).toMatchObject({ ok: true, from: 'withdrawn', to: 'joint' });
		expect(back.seq).not.toBeNull();
		expect((await stageOf(id!)).stage).toBe('joint');
		expect(await lastAudit(id!)).toMatchObject({
			action: 'candidate.return',
			reason: '来函系误发，恢复推荐',
			before: { stage: 'withdrawn' },
			after: { stage: 'joint' }
		});
		const history = await historyOf(db(), 'candidate', id!);
		expect(history[0]).toMatchObject({ action: 'candidate.return', actorName: '秘书处（演示）' });
		expect(history.map((row) => row.action)).toContain('candidate.move');
	});

	test('through 未入选 then 撤销, the way back is still the forward stage', async () => {
		const [id] = await individuals(1);
		await place([id!], 'preliminary');
		await move({ candidateIds: [id!], to: 'not_selected', reason: '经初审不符合条件' });
		const second = await move({ candidateIds: [id!], to: 'withdrawn', reason: '单位撤回' });
		expect(second.outcomes[0]).toMatchObject({ ok: true, returnsTo: 'preliminary' });
		expect((await boardCards(db(), campaignId)).find((c) => c.id === id)?.returnsTo).toBe(
			'preliminary'
		);
		const back = await move({ candidateIds: [id!], to: 'preliminary', reason: '重新审查' });
		expect(back.outcomes[0]).toMatchObject({ ok: true, to: 'preliminary' });
	});

	test('a card put on an off-ramp without a move (no audit trail) has no way back', async () => {
		const [id] = await individuals(1, 'last');
		expect(await lastAudit(id!)).toBeUndefined();
		await place([id!], 'not_selected');
		expect((await boardCards(db(), campaignId)).find((c) => c.id === id)?.returnsTo).toBe(
			undefined
		);
		const result = await move({ candidateIds: [id!], to: 'submitted', reason: '恢复' });
		expect(result.outcomes[0]).toMatchObject({ ok: false, code: 'T-MOVE-INVALID' });
	});

	test('back onto the proposed list: its track again, and only while the quota has a place', async () => {
		const [quota] = await db()
			.select({ parameters: campaign.parameters })
			.from(campaign)
			.where(eq(campaign.id, campaignId));
		const places = quota!.parameters.quotas.individual;
		const ids = await individuals(places + 1);
		const [leaving, ...others] = ids;
		await place([leaving!], 'proposed', 'individual');
		await move({ candidateIds: [leaving!], to: 'withdrawn', reason: '本人放弃' });
		expect(await stageOf(leaving!)).toMatchObject({ stage: 'withdrawn', proposedTrack: null });

		// Meanwhile the track fills up: no reason brings it back over the quota.
		await place(others.slice(0, places), 'proposed', 'individual');
		const full = await move({ candidateIds: [leaving!], to: 'proposed', reason: '恢复' });
		expect(full.outcomes[0]).toMatchObject({
			ok: false,
			code: 'T-QUOTA-FULL',
			overridable: false
		});

		await place([others[0]!], 'joint');
		const back = await move({ candidateIds: [leaving!], to: 'proposed', reason: '恢复' });
		expect(back.outcomes[0]).toMatchObject({ ok: true, proposedTrack: 'individual' });
		expect(await stageOf(leaving!)).toMatchObject({
			stage: 'proposed',
			proposedTrack: 'individual'
		});
	});

	test('back to 党组审定 keeps the meeting date and asks for none', async () => {
		const [id] = await individuals(1);
		await place([id!], 'proposed', 'individual');
		await move({ candidateIds: [id!], to: 'approved', date: '2022-11-25' });
		await move({ candidateIds: [id!], to: 'withdrawn', reason: '暂缓' });
		const back = await move({ candidateIds: [id!], to: 'approved', reason: '恢复' });
		expect(back.outcomes[0]).toMatchObject({ ok: true });
		expect(await stageOf(id!)).toMatchObject({ stage: 'approved', approvedOn: '2022-11-25' });
	});
});

describe('公示: hard gates, and objections only while it runs', () => {
	test('before the end, no reason makes 表彰; an open objection holds it after the end', async () => {
		const [id] = await individuals(1);
		await db()
			.update(candidate)
			.set({
				stage: 'notice',
				proposedTrack: 'individual',
				noticeStart: '2022-12-08',
				noticeEnd: '2022-12-14'
			})
			.where(eq(candidate.id, id!));
		const commend = (today: string, reason?: string) =>
			moveCandidates(db(), {
				campaignId,
				actor,
				today,
				candidateIds: [id!],
				to: 'commended',
				reason
			});
		for (const today of ['2022-12-13', '2022-12-14']) {
			expect((await commend(today, '领导同意提前表彰')).outcomes[0]).toMatchObject({
				ok: false,
				code: 'T-NOTICE-NOT-ENDED',
				overridable: false
			});
		}
		const filed = await recordObjection(db(), {
			campaignId,
			candidateId: id!,
			receivedOn: '2022-12-10',
			summary: '来信反映事迹不实',
			actor
		});
		expect((await commend('2022-12-15', '异议不影响')).outcomes[0]).toMatchObject({
			ok: false,
			code: 'T-OBJECTION-OPEN',
			overridable: false
		});
		expect(
			await resolveObjection(db(), {
				campaignId,
				candidateId: id!,
				objectionId: filed!.id,
				resolution: '经核查不属实',
				resolvedOn: '2022-12-12',
				actor
			})
		).toBe(true);
		expect((await commend('2022-12-15')).outcomes[0]).toMatchObject({ ok: true });
	});

	const stagesOutside: Stage[] = ['approved', 'proposed', 'commended', 'withdrawn'];
	test.each(stagesOutside)(
		'an objection on a candidate in %s is refused with a Chinese message, nothing written',
		async (stage) => {
			const [id] = await individuals(1);
			await place([id!], stage, stage === 'withdrawn' ? null : 'individual');
			const seq = await eventSeq();
			const before = await db()
				.select({ n: sql<number>`count(*)::int` })
				.from(objection)
				.where(eq(objection.candidateId, id!));
			const attempt = recordObjection(db(), {
				campaignId,
				candidateId: id!,
				receivedOn: '2022-12-10',
				summary: '来信反映',
				actor
			});
			await expect(attempt).rejects.toBeInstanceOf(ObjectionRefusal);
			await expect(attempt).rejects.toThrow(/不在公示期内，不能登记公示异议/);
			const after = await db()
				.select({ n: sql<number>`count(*)::int` })
				.from(objection)
				.where(eq(objection.candidateId, id!));
			expect(after[0]!.n).toBe(before[0]!.n);
			expect(await eventSeq()).toBe(seq);
			expect((await lastAudit(id!))?.action ?? null).not.toBe('objection.record');
		}
	);

	test('an objection during 公示 is taken', async () => {
		const [id] = await individuals(1);
		await place([id!], 'notice', 'individual');
		const filed = await recordObjection(db(), {
			campaignId,
			candidateId: id!,
			receivedOn: '2022-12-10',
			summary: '来信反映',
			actor
		});
		expect(filed?.id).toBeGreaterThan(0);
	});
});
