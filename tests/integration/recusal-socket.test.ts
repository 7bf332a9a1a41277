/**
 * A declared conflict of interest (回避) takes effect on sockets already open: the recused
 * panelist's comment socket for that candidate is closed with 4403 (and the stock y-websocket
 * client stops), while their socket on another candidate and a colleague's on the same one stay.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { declareConflict, MeetingRefusal } from '../../src/lib/server/votes/meeting';
import {
	commentClient,
	eventually,
	startCommentSetup,
	stopCommentSetup,
	type CommentClient,
	type CommentSetup,
	type CommentFixture,
	type CommentServer
} from '../helpers/yjs';

let setup: CommentSetup;
let fixture: CommentFixture;
let server: CommentServer;
const clients: CommentClient[] = [];

beforeAll(async () => {
	setup = await startCommentSetup();
	({ fixture, server } = setup);
});

afterAll(() => stopCommentSetup(setup, clients));

function open(account: 'panelist' | 'secretary', candidateId: number): CommentClient {
	const client = commentClient(server, fixture.campaignId, candidateId, {
		cookie: fixture.cookies[account]
	});
	clients.push(client);
	return client;
}

/** The close code if the client stopped within `ms` (the NOTIFY, not a later keep-alive re-check). */
const stoppedWithin = (client: CommentClient, ms = 5000) =>
	Promise.race([
		client.stopped().then((event) => event.code),
		new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))
	]);

const actor = (account: 'panelist' | 'secretary' | 'observer') => ({
	id: fixture.userIds[account],
	name: account,
	role: account,
	unitId: null
});

describe('declaring a conflict closes the open comment socket', () => {
	test('recorded by the secretary: 4403 for that candidate only, and no way back in', async () => {
		const [recusedFrom, other] = [fixture.candidateIds[1]!, fixture.candidateIds[2]!];
		const mine = open('panelist', recusedFrom);
		const elsewhere = open('panelist', other);
		const colleague = open('secretary', recusedFrom);
		await Promise.all([mine.synced(), elsewhere.synced(), colleague.synced()]);

		await declareConflict(setup.database.db, {
			campaignId: fixture.campaignId,
			candidateId: recusedFrom,
			userId: fixture.userIds.panelist,
			reason: '与候选对象系近亲属',
			actor: actor('secretary')
		});
		expect(await stoppedWithin(mine)).toBe(4403);

		// The others stay: a colleague's edit still reaches the panelist's other document's room.
		colleague.doc.getText('t').insert(0, '仍可编辑');
		await eventually(() => colleague.saved.saved, 5000, 'colleague saved');
		expect(elsewhere.provider.wsconnected).toBe(true);
		expect(colleague.provider.wsconnected).toBe(true);

		// A new socket for the candidate is refused too.
		const again = open('panelist', recusedFrom);
		expect((await again.stopped()).code).toBe(4403);
	});

	test('declared by the panelist themselves; nobody else may declare for them', async () => {
		const candidateId = fixture.candidateIds[3]!;
		const mine = open('panelist', candidateId);
		await mine.synced();
		const refused = await declareConflict(setup.database.db, {
			campaignId: fixture.campaignId,
			candidateId,
			userId: fixture.userIds.panelist,
			reason: '观察员代为申报',
			actor: actor('observer')
		}).catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(MeetingRefusal);
		expect((refused as MeetingRefusal).message).toBe('只能由评审委员本人或秘书处申报回避。');
		expect(mine.provider.wsconnected).toBe(true);

		await declareConflict(setup.database.db, {
			campaignId: fixture.campaignId,
			candidateId,
			userId: fixture.userIds.panelist,
			reason: '曾在该单位任职',
			actor: actor('panelist')
		});
		expect(await stoppedWithin(mine)).toBe(4403);
	});
});
