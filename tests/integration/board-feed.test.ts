import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { moveCandidates } from '../../src/lib/server/board/move';
import { campaign, candidate, finding, user } from '../../src/lib/server/db/schema';
import { BoardFeed } from '../../src/lib/server/live/feed';
import { LiveHub, type LiveEvent } from '../../src/lib/server/live/hub';
import { seedDemo } from '../../src/lib/server/seed';
import { freshDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
let campaignId: number;
let actor: { id: number; name: string };

beforeAll(async () => {
	database = await freshDatabase();
	({ campaignId } = await seedDemo(database.db));
	const [secretary] = await database.db.select().from(user).where(eq(user.username, 'secretary'));
	actor = { id: secretary!.id, name: 'secretary' };
});
afterAll(async () => {
	await database.destroy();
});

describe('BoardFeed', () => {
	test('forwards each committed event once, in sequence order, however often it is woken', async () => {
		const hub = new LiveHub();
		const feed = new BoardFeed(database, hub);
		await feed.start();
		const received: LiveEvent[] = [];
		const unsubscribe = hub.subscribe(campaignId, (event) => received.push(event));
		const [{ seq: start }] = (await database.db
			.select({ seq: campaign.eventSeq })
			.from(campaign)
			.where(eq(campaign.id, campaignId))) as [{ seq: number }];
		feed.track(campaignId, start);

		const clean = await database.db
			.select({ id: candidate.id })
			.from(candidate)
			.where(
				and(
					eq(candidate.stage, 'submitted'),
					sql`${candidate.id} not in (select candidate_id from ${finding} where severity = 'error' and candidate_id is not null)`
				)
			)
			.limit(8);
		// Moves committed concurrently, each followed by extra wake-ups (as NOTIFY and the
		// committing instance both wake the feed).
		await Promise.all(
			clean.map(async ({ id }) => {
				await moveCandidates(database.db, {
					campaignId,
					candidateIds: [id],
					to: 'preliminary',
					actor
				});
				feed.poke(campaignId);
				feed.poke(campaignId);
			})
		);
		feed.poke(campaignId);
		await feed.settled();
		await expect.poll(() => received.length).toBe(clean.length);
		expect(received.map((event) => event.seq)).toEqual(clean.map((_, index) => start + index + 1));
		expect(
			new Set(
				received.flatMap((event) =>
					event.type === 'candidates.moved' ? event.moves.map((m) => m.candidateId) : []
				)
			)
		).toEqual(new Set(clean.map((row) => row.id)));
		unsubscribe();
		await feed.stop();
	});

	test('a campaign nobody listens to is not read, and a new listener starts from its hello', async () => {
		const hub = new LiveHub();
		const feed = new BoardFeed(database, hub);
		feed.poke(campaignId);
		await feed.settled();
		const received: LiveEvent[] = [];
		hub.subscribe(campaignId, (event) => received.push(event));
		const [{ seq }] = (await database.db
			.select({ seq: campaign.eventSeq })
			.from(campaign)
			.where(eq(campaign.id, campaignId))) as [{ seq: number }];
		feed.track(campaignId, seq);
		feed.poke(campaignId);
		await feed.settled();
		expect(received).toEqual([]);
	});
});
