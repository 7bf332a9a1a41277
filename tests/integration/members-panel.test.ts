/**
 * The review panel on the members page, through its own load and actions against a real database:
 * only the secretary seats panelists on the panel or takes them off (应到 follows), and records a
 * conflict of interest (回避) with a reason; a panelist declares their own from the meeting view.
 */
import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../src/lib/roles';
import {
	audit,
	boardEvent,
	candidate,
	conflict,
	membership,
	user
} from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/seed';
import { panelMembers } from '../../src/lib/server/votes/meeting';
import { actions, load } from '../../src/routes/(app)/c/[campaignId]/members/+page.server';
import { actions as meetingActions } from '../../src/routes/(app)/c/[campaignId]/meeting/+page.server';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import {
	callRoute,
	forgetRuntime,
	formPost,
	localsOf,
	useDatabaseAsRuntime
} from '../helpers/route-event';

let database: TestDatabase;
let campaignId: number;
let candidateId: number;
/** A user of each role in the demo campaign, by role; panelist2 is the one acted on. */
const actors = {} as Record<Exclude<Role, 'admin'>, number>;
let target: number;

async function userId(username: string): Promise<number> {
	const [row] = await database.db
		.select({ id: user.id })
		.from(user)
		.where(eq(user.username, username));
	return row!.id;
}

beforeAll(async () => {
	database = await freshDatabase();
	useDatabaseAsRuntime(database);
	({ campaignId } = await seedDemo(database.db));
	actors.secretary = await userId('secretary');
	actors.panelist = await userId('panelist1');
	actors.observer = await userId('screen');
	const [unitMember] = await database.db
		.select({ id: membership.userId })
		.from(membership)
		.where(and(eq(membership.campaignId, campaignId), eq(membership.role, 'unit')))
		.limit(1);
	actors.unit = unitMember!.id;
	target = await userId('panelist2');
	const [row] = await database.db
		.select({ id: candidate.id })
		.from(candidate)
		.where(eq(candidate.campaignId, campaignId))
		.limit(1);
	candidateId = row!.id;
});
afterAll(async () => {
	forgetRuntime();
	await database.destroy();
});

/** The `message` an action answered with, if any. */
const messageOf = (data: unknown) =>
	typeof data === 'object' && data !== null && 'message' in data ? String(data.message) : undefined;

/** Runs a members-page action as `actorId`: its status and message. */
async function post(
	action: 'panel' | 'conflict' | 'withdrawConflict',
	actorId: number,
	fields: Record<string, string | number>
): Promise<{ status: number; message?: string }> {
	try {
		const result: unknown = await callRoute(actions[action], {
			locals: await localsOf(database, actorId),
			params: { campaignId: String(campaignId) },
			request: formPost(`http://shortlist.test/c/${campaignId}/members?/${action}`, fields)
		});
		if (isActionFailure(result)) return { status: result.status, message: messageOf(result.data) };
		return { status: 200, message: messageOf(result) };
	} catch (thrown) {
		if (isHttpError(thrown)) return { status: thrown.status };
		throw thrown;
	}
}

const conflictsOf = (userIdOf: number) =>
	database.db
		.select({ reason: conflict.reason, recordedBy: conflict.recordedBy })
		.from(conflict)
		.where(and(eq(conflict.userId, userIdOf), eq(conflict.candidateId, candidateId)));

describe('?/panel seats and unseats panelists', () => {
	test.each([
		['secretary', 200],
		['panelist', 403],
		['observer', 403],
		['unit', 403]
	] as const)('as %s → %i', async (role, status) => {
		const before = await panelMembers(database.db, campaignId);
		expect(before).toContain(target);
		const result = await post('panel', actors[role], { userId: target, onPanel: 'false' });
		expect(result.status).toBe(status);
		const after = await panelMembers(database.db, campaignId);
		expect(after.includes(target)).toBe(status !== 200);
		if (status === 200) {
			expect(result.message).toBe('已移出评审委员会。');
			expect(after).toHaveLength(before.length - 1);
			expect(
				(await post('panel', actors.secretary, { userId: target, onPanel: 'true' })).status
			).toBe(200);
			expect(await panelMembers(database.db, campaignId)).toEqual(before);
		}
	});

	test('only a panelist can sit on the panel', async () => {
		const result = await post('panel', actors.secretary, {
			userId: actors.observer,
			onPanel: 'true'
		});
		expect(result).toEqual({ status: 400, message: '只有评审委员角色的成员可以加入评审委员会。' });
	});
});

describe('?/conflict records a recusal with its reason', () => {
	test('refused for other roles, without a reason, and for a non-panelist', async () => {
		for (const role of ['panelist', 'observer', 'unit'] as const)
			expect(
				(await post('conflict', actors[role], { userId: target, candidateId, reason: '理由' }))
					.status
			).toBe(403);
		expect(
			await post('conflict', actors.secretary, { userId: target, candidateId, reason: '  ' })
		).toEqual({ status: 400, message: '请填写回避理由。' });
		expect(
			await post('conflict', actors.secretary, {
				userId: actors.observer,
				candidateId,
				reason: '理由'
			})
		).toEqual({ status: 400, message: '只能为评审委员登记回避。' });
		expect(await conflictsOf(target)).toEqual([]);
	});

	test('recorded by the secretary, shown on the page', async () => {
		const result = await post('conflict', actors.secretary, {
			userId: target,
			candidateId,
			reason: '与候选对象系近亲属'
		});
		expect(result.status).toBe(200);
		expect(await conflictsOf(target)).toEqual([
			{ reason: '与候选对象系近亲属', recordedBy: actors.secretary }
		]);
		const page = await callRoute(load, {
			locals: await localsOf(database, actors.secretary),
			params: { campaignId: String(campaignId) }
		});
		const [secretary] = await database.db
			.select({ name: user.displayName })
			.from(user)
			.where(eq(user.id, actors.secretary));
		expect(page.panel?.conflicts).toMatchObject([
			{ userId: target, candidateId, reason: '与候选对象系近亲属', recordedBy: secretary!.name }
		]);
		expect(page.panel?.panel.map((seat) => seat.username)).toContain('panelist2');
	});

	test('a panelist declares their own from the meeting view, not anyone else’s', async () => {
		const declare = async (forUser: number) => {
			const result: unknown = await callRoute(meetingActions.conflict, {
				locals: await localsOf(database, actors.panelist),
				params: { campaignId: String(campaignId) },
				request: formPost(`http://shortlist.test/c/${campaignId}/meeting?/conflict`, {
					userId: forUser,
					candidateId,
					reason: '曾在该单位任职'
				})
			});
			return isActionFailure(result) ? messageOf(result.data) : 'ok';
		};
		expect(await declare(target)).toBe('只能由评审委员本人或秘书处申报回避。');
		expect(await declare(actors.panelist)).toBe('ok');
		const [row] = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(conflict)
			.where(and(eq(conflict.userId, actors.panelist), eq(conflict.recordedBy, actors.panelist)));
		expect(row!.n).toBe(1);
	});
});

describe('?/withdrawConflict takes back a conflict recorded by mistake', () => {
	const withdraw = (actorId: number, reason: string, forUser = target) =>
		post('withdrawConflict', actorId, { userId: forUser, candidateId, reason });

	test('only the secretary, with a reason, and only a conflict that exists', async () => {
		await database.db.delete(conflict);
		expect(
			(await post('conflict', actors.secretary, { userId: target, candidateId, reason: '近亲属' }))
				.status
		).toBe(200);
		// The panelist concerned cannot withdraw it to vote, whoever recorded it.
		for (const role of ['panelist', 'observer', 'unit'] as const)
			expect((await withdraw(actors[role], '登记有误')).status).toBe(403);
		expect(await withdraw(actors.secretary, ' ')).toEqual({
			status: 400,
			message: '请填写撤回理由。'
		});
		expect(await withdraw(actors.secretary, '登记有误', actors.panelist)).toEqual({
			status: 400,
			message: '没有这条回避登记，可能已被撤回。'
		});
		expect(await conflictsOf(target)).toHaveLength(1);
	});

	test('removes the recusal, audits who and why, and tells every screen', async () => {
		await database.db.delete(conflict);
		await post('conflict', actors.secretary, { userId: target, candidateId, reason: '近亲属' });
		const result = await withdraw(actors.secretary, '登记时选错了候选对象');
		expect(result).toEqual({
			status: 200,
			message: '已撤回回避；该委员可以对该候选对象投票并查看其评审意见。'
		});
		expect(await conflictsOf(target)).toEqual([]);
		const [row] = await database.db
			.select({ actorId: audit.actorId, before: audit.before, reason: audit.reason })
			.from(audit)
			.where(and(eq(audit.action, 'conflict.withdraw'), eq(audit.subjectId, String(candidateId))));
		expect(row).toEqual({
			actorId: actors.secretary,
			before: { userId: target, reason: '近亲属' },
			reason: '登记时选错了候选对象'
		});
		const [event] = await database.db
			.select({ payload: boardEvent.payload })
			.from(boardEvent)
			.where(and(eq(boardEvent.campaignId, campaignId), eq(boardEvent.type, 'conflict.withdrawn')));
		expect(event!.payload).toMatchObject({ candidateId, userId: target });
		expect(await withdraw(actors.secretary, '再撤一次')).toMatchObject({ status: 400 });
	});
});
