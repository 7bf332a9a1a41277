/**
 * Comment rooms on several instances: the rows are the truth, NOTIFY only wakes. A row whose
 * NOTIFY never came is read by the periodic check; two instances with clients on both converge;
 * a lost LISTEN connection is caught up when it is back.
 */
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { commentDocName } from '../../src/lib/realtime/comments-doc';
import { openDatabase, type Database } from '../../src/lib/server/db';
import { boardEvent, ydocUpdate } from '../../src/lib/server/db/schema';
import type { Runtime } from '../../src/lib/server/runtime';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import {
	commentClient,
	eventually,
	runtimeOn,
	seedComments,
	startCommentServer,
	storedDoc,
	type CommentClient,
	type CommentFixture,
	type CommentServer
} from '../helpers/yjs';

let database: TestDatabase;
let fixture: CommentFixture;
let runtime: Runtime;
const clients: CommentClient[] = [];
const servers: CommentServer[] = [];

beforeAll(async () => {
	database = await freshDatabase();
	fixture = await seedComments(database.db);
	runtime = await runtimeOn(database);
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	for (const server of servers) await server.close();
	await runtime.feed.stop();
	await database.destroy();
});

function open(server: CommentServer, candidateId: number, account: 'secretary' | 'panelist') {
	const client = commentClient(server, fixture.campaignId, candidateId, {
		cookie: fixture.cookies[account]
	});
	clients.push(client);
	return client;
}

describe('rows are the truth', () => {
	test('a row whose NOTIFY never came is read by the periodic check', async () => {
		const server = await startCommentServer(runtime, { catchUpMs: 100 });
		servers.push(server);
		const candidateId = fixture.candidateIds[0]!;
		const reader = open(server, candidateId, 'panelist');
		await reader.synced();
		const other = new Y.Doc();
		other.getText('t').insert(0, '别处写入');
		// Another instance's append whose NOTIFY was lost: the row, and no pg_notify.
		await database.db.insert(ydocUpdate).values({
			doc: commentDocName(fixture.campaignId, candidateId),
			data: Y.encodeStateAsUpdate(other)
		});
		await eventually(() => reader.text() === '别处写入', 5000, 'caught up');
		expect(reader.text()).toBe('别处写入');
	});
});

describe.runIf(process.env.DATABASE_URL)('two instances on one PostgreSQL database', () => {
	let second: Database;
	let runtimeB: Runtime;
	let serverA: CommentServer;
	let serverB: CommentServer;

	beforeAll(async () => {
		second = await openDatabase({ url: database.url, migrationsFolder: path.resolve('drizzle') });
		runtimeB = await runtimeOn(second);
		// No periodic check: only NOTIFY, and the catch-up when LISTEN is back, may deliver.
		serverA = await startCommentServer(runtime, { catchUpMs: 3_600_000 });
		serverB = await startCommentServer(runtimeB, { catchUpMs: 3_600_000 });
		servers.push(serverA, serverB);
	});

	afterAll(async () => {
		await serverB.close();
		await runtimeB.feed.stop();
		await second.close();
	});

	test('clients on both instances converge, and the database holds the same', async () => {
		const candidateId = fixture.candidateIds[1]!;
		const onA = [open(serverA, candidateId, 'secretary'), open(serverA, candidateId, 'panelist')];
		const onB = [open(serverB, candidateId, 'secretary'), open(serverB, candidateId, 'panelist')];
		const all = [...onA, ...onB];
		await Promise.all(all.map((client) => client.synced()));
		for (let round = 0; round < 10; round++) {
			all.forEach((client, index) => client.doc.getText('t').insert(0, `${index}`));
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		await eventually(
			() => all.every((client) => client.text().length === 40 && client.text() === all[0]!.text()),
			10_000,
			'convergence across instances'
		);
		await eventually(() => all.every((client) => client.saved.saved), 10_000, 'saved');
		const stored = await storedDoc(database.db, fixture.campaignId, candidateId);
		expect(stored.getText('t').toString()).toBe(all[0]!.text());
		expect(new Set(all.map((client) => client.text())).size).toBe(1);
		// Four clients on two instances sync and commit: slow when CI converts documents beside it.
	}, 90_000);

	test('the card shows "writing" while a writer on either instance writes, and the end once both paused', async () => {
		const idle = { writingIdleMs: 1000, catchUpMs: 3_600_000 };
		const onA = await startCommentServer(runtime, idle);
		const onB = await startCommentServer(runtimeB, idle);
		servers.push(onA, onB);
		const candidateId = fixture.candidateIds[3]!;
		const writerA = open(onA, candidateId, 'secretary');
		const writerB = open(onB, candidateId, 'panelist');
		await Promise.all([writerA.synced(), writerB.synced()]);
		const writing = async () =>
			(
				await database.db
					.select({ payload: boardEvent.payload })
					.from(boardEvent)
					.where(
						and(
							eq(boardEvent.campaignId, fixture.campaignId),
							eq(boardEvent.type, 'candidate.comment')
						)
					)
					.orderBy(asc(boardEvent.seq))
			)
				.map((e) => e.payload)
				.filter((p) => 'candidateId' in p && p.candidateId === candidateId)
				.map((p) => ('writing' in p ? p.writing : null));
		// B writes once and pauses; A keeps writing for three times B's idle delay.
		writerB.doc.getText('t').insert(0, '乙');
		for (let i = 0; i < 30; i++) {
			writerA.doc.getText('t').insert(0, '甲');
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		const whileAWrote = await writing();
		expect(whileAWrote).toContain(true);
		expect(whileAWrote).not.toContain(false);
		await eventually(async () => (await writing()).at(-1) === false, 10_000, 'writing ended');
		expect(await writing()).toContain(false);
	}, 60_000);

	test('a lost LISTEN connection is caught up once it is back', async () => {
		const candidateId = fixture.candidateIds[2]!;
		const writer = open(serverA, candidateId, 'secretary');
		const reader = open(serverB, candidateId, 'panelist');
		await Promise.all([writer.synced(), reader.synced()]);
		writer.doc.getText('t').insert(0, '连接前');
		await eventually(() => reader.text() === '连接前', 5000, 'first relay');

		const killed = (await database.db.execute(
			sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query ilike 'LISTEN %'`
		)) as unknown as { rows: unknown[] };
		expect(killed.rows.length).toBeGreaterThan(0);
		writer.doc.getText('t').insert(3, '，断开时写的');
		await eventually(() => writer.saved.saved, 5000, 'committed during the outage');
		await eventually(() => reader.text() === '连接前，断开时写的', 10_000, 'caught up');
		expect(reader.text()).toBe(writer.text());
	});
});
