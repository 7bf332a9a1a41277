/**
 * What the comment rooms promise about the database: an edit is relayed at once but reported
 * saved only after its commit; a room loads once, before it answers, and never serves an empty
 * document; unload, flush and reopen do not overlap; compaction keeps the content in one row;
 * the size cap refuses clearly; audit rows come per editor per window, not per keystroke; the
 * board hears when a comment gains text and while someone writes.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { commentDocName, COMMENT_FIELD } from '../../src/lib/realtime/comments-doc';
import { audit, boardEvent, candidateComment, ydocUpdate } from '../../src/lib/server/db/schema';
import { CommentStore, YDOC_CHANNEL } from '../../src/lib/server/comments/store';
import type { Runtime } from '../../src/lib/server/runtime';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import {
	commentClient,
	eventually,
	gate,
	GatedStore,
	rowCount,
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
let server: CommentServer | undefined;
let clients: CommentClient[] = [];

beforeAll(async () => {
	database = await freshDatabase();
	fixture = await seedComments(database.db);
	runtime = await runtimeOn(database);
});

afterEach(async () => {
	for (const client of clients) client.destroy();
	clients = [];
	await server?.close();
	server = undefined;
});

afterAll(async () => {
	await runtime.feed.stop();
	await database.destroy();
});

function open(candidateId: number, account: keyof CommentFixture['cookies'] = 'panelist') {
	const client = commentClient(server!, fixture.campaignId, candidateId, {
		cookie: fixture.cookies[account]
	});
	clients.push(client);
	return client;
}

/** Writes `text` into a comment's log directly, as an earlier session would have. */
async function storeText(candidateId: number, text: string): Promise<void> {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, text);
	await new CommentStore(database.db).append(
		commentDocName(fixture.campaignId, candidateId),
		[Y.encodeStateAsUpdate(doc)],
		{ campaignId: fixture.campaignId, candidateId },
		[]
	);
}

describe('saved means committed', () => {
	test('an edit reaches the other reader at once, and its writer only after the commit', async () => {
		const store = new GatedStore(database.db);
		server = await startCommentServer(runtime, {}, store);
		const candidateId = fixture.candidateIds[0]!;
		const writer = open(candidateId, 'secretary');
		const reader = open(candidateId, 'observer');
		await Promise.all([writer.synced(), reader.synced()]);

		const commit = gate();
		store.appendGate = commit.promise;
		writer.doc.getText('t').insert(0, '先送达，后确认');
		await eventually(() => reader.text() === '先送达，后确认', 5000, 'relay');
		expect(writer.saved.saved).toBe(false);
		expect(await rowCount(database.db, fixture.campaignId, candidateId)).toBe(0);

		commit.open();
		await eventually(() => writer.saved.saved, 5000, 'echo after commit');
		const stored = await storedDoc(database.db, fixture.campaignId, candidateId);
		expect(stored.getText('t').toString()).toBe('先送达，后确认');
	});

	test('an edit whose echo was lost with its socket counts as saved after reconnecting', async () => {
		const store = new GatedStore(database.db);
		server = await startCommentServer(runtime, {}, store);
		const candidateId = fixture.candidateIds[1]!;
		const writer = open(candidateId, 'secretary');
		await writer.synced();
		const commit = gate();
		store.appendGate = commit.promise;
		writer.doc.getText('t').insert(0, '回声丢了');
		writer.doc.getText('t').delete(0, 1);
		await eventually(() => !writer.saved.saved);
		writer.provider.disconnect();
		commit.open();
		await eventually(async () =>
			(await storedDoc(database.db, fixture.campaignId, candidateId))
				.getText('t')
				.toString()
				.startsWith('声丢了')
		);
		expect(writer.saved.saved).toBe(false);
		writer.provider.connect();
		await eventually(() => writer.saved.saved, 5000, 'saved after reconnect');
		expect(writer.text().startsWith('声丢了')).toBe(true);
	});

	test('a failed commit is retried, and the writer is told saved only when it succeeds', async () => {
		class FlakyStore extends CommentStore {
			failures = 2;
			override async append(...args: Parameters<CommentStore['append']>) {
				if (this.failures-- > 0) throw new Error('database away (test)');
				return super.append(...args);
			}
		}
		const store = new FlakyStore(database.db);
		server = await startCommentServer(runtime, {}, store);
		const candidateId = fixture.candidateIds[1]!;
		const writer = open(candidateId);
		await writer.synced();
		writer.doc.getText('t').insert(0, '重试');
		await eventually(() => store.failures < 0, 5000, 'two failures');
		await eventually(() => writer.saved.saved, 5000, 'saved after retry');
		const stored = await storedDoc(database.db, fixture.campaignId, candidateId);
		expect(stored.getText('t').toString().startsWith('重试')).toBe(true);
	});
});

describe('loading', () => {
	test('twenty clients connecting while the load is slow: one load, nobody synced before it', async () => {
		const candidateId = fixture.candidateIds[2]!;
		await storeText(candidateId, '已有的评审意见');
		const store = new GatedStore(database.db);
		const slow = gate();
		store.loadGate = slow.promise;
		server = await startCommentServer(runtime, {}, store);
		const seen: string[] = [];
		const twenty = Array.from({ length: 20 }, (_, i) =>
			open(candidateId, i % 2 ? 'panelist' : 'secretary')
		);
		for (const client of twenty)
			client.provider.on('sync', (synced: boolean) => synced && seen.push(client.text()));
		await eventually(() => twenty.every((c) => c.provider.wsconnected), 5000, 'connected');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(seen).toEqual([]);
		slow.open();
		await Promise.all(twenty.map((c) => c.synced()));
		expect(store.loads).toBe(1);
		expect(seen).toEqual(Array(20).fill('已有的评审意见'));
	});

	test("frames a client sends while this process's rooms are still starting are not lost", async () => {
		const listening = gate();
		const slowToListen: Runtime = {
			...runtime,
			database: {
				...runtime.database,
				listen: async (...args: Parameters<Runtime['database']['listen']>) => {
					if (args[0] === YDOC_CHANNEL) await listening.promise;
					return runtime.database.listen(...args);
				}
			}
		};
		server = await startCommentServer(slowToListen);
		const client = open(fixture.candidateIds[3]!);
		await eventually(() => client.provider.wsconnected, 5000, 'socket open');
		await new Promise((resolve) => setTimeout(resolve, 100));
		listening.open();
		await client.synced();
		expect(client.provider.synced).toBe(true);
	});

	test('a failed load closes the sockets (1011) instead of serving an empty document; they retry', async () => {
		const candidateId = fixture.candidateIds[3]!;
		await storeText(candidateId, '不能丢');
		const store = new GatedStore(database.db);
		store.failLoads = 1;
		server = await startCommentServer(runtime, {}, store);
		const client = open(candidateId);
		const texts: string[] = [];
		client.provider.on('sync', (synced: boolean) => synced && texts.push(client.text()));
		await client.synced();
		expect(client.closes.map((c) => c.code)).toContain(1011);
		expect(store.loads).toBe(2);
		expect(texts).toEqual(['不能丢']);
	});

	test('a room reopened while it unloads loads only after its flush and compaction', async () => {
		const candidateId = fixture.candidateIds[4]!;
		const store = new GatedStore(database.db);
		server = await startCommentServer(runtime, { unloadAfterMs: 50 }, store);
		const first = open(candidateId);
		await first.synced();
		first.doc.getText('t').insert(0, 'abc');
		first.doc.getText('t').insert(3, 'def');
		await eventually(() => first.saved.saved);
		const compaction = gate();
		store.compactGate = compaction.promise;
		first.destroy();
		await eventually(() => store.log.includes('compact:start'), 5000, 'unload began');
		const second = open(candidateId);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(store.log.filter((entry) => entry === 'load:start')).toHaveLength(1);
		compaction.open();
		await second.synced();
		expect(second.text()).toBe('abcdef');
		expect(store.log).toEqual([
			'load:start',
			'load:end',
			'compact:start',
			'compact:end',
			'load:start',
			'load:end'
		]);
	});
});

describe('compaction', () => {
	test('past the row limit the log is compacted: same content, far fewer rows; at unload one row', async () => {
		const candidateId = fixture.candidateIds[0]!;
		const before = await storedDoc(database.db, fixture.campaignId, candidateId);
		const store = new GatedStore(database.db);
		server = await startCommentServer(
			runtime,
			{ compactRows: 40, flushMs: 1, unloadAfterMs: 100 },
			store
		);
		const writer = open(candidateId);
		await writer.synced();
		for (let i = 0; i < 150; i++) {
			writer.doc.getText('t').insert(0, String(i % 10));
			if (i % 3 === 0) writer.doc.getText('t').delete(0, 1);
			await eventually(() => writer.saved.saved);
		}
		const text = writer.text();
		expect(store.log.filter((entry) => entry === 'compact:end').length).toBeGreaterThan(0);
		expect(await rowCount(database.db, fixture.campaignId, candidateId)).toBeLessThanOrEqual(41);
		writer.destroy();
		await eventually(
			async () => (await rowCount(database.db, fixture.campaignId, candidateId)) === 1,
			5000,
			'one row after unload'
		);
		const stored = await storedDoc(database.db, fixture.campaignId, candidateId);
		expect(stored.getText('t').toString()).toBe(text);
		expect(text.length).toBeGreaterThan(before.getText('t').length);
	});

	test('compaction keeps the document identical and leaves one row', async () => {
		const doc = 'campaign/0/candidate/0/comments';
		const store = new CommentStore(database.db);
		const source = new Y.Doc();
		const updates: Uint8Array[] = [];
		source.on('update', (update: Uint8Array) => updates.push(update));
		const fragment = source.getXmlFragment(COMMENT_FIELD);
		for (let i = 0; i < 120; i++) {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText(`第${i}段`)]);
			fragment.insert(fragment.length, [paragraph]);
			if (i % 4 === 0) fragment.delete(0, 1);
		}
		for (const update of updates)
			await store.append(doc, [update], { campaignId: 0, candidateId: 0 }, []);
		const result = await store.compact(doc);
		const rows = await database.db
			.select({ data: ydocUpdate.data })
			.from(ydocUpdate)
			.where(eq(ydocUpdate.doc, doc));
		expect(result.rowsRead).toBe(120 + 30);
		expect(rows).toHaveLength(1);
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, rows[0]!.data);
		expect(reloaded.getXmlFragment(COMMENT_FIELD).toString()).toBe(fragment.toString());
		expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(source));
	});
});

describe('limits', () => {
	test('an edit past the size cap is refused with 4413 and the client stops', async () => {
		server = await startCommentServer(runtime, { maxDocBytes: 4096 });
		const candidateId = fixture.candidateIds[1]!;
		const writer = open(candidateId, 'secretary');
		await writer.synced();
		writer.doc.getText('t').insert(0, '长'.repeat(3000));
		const stopped = await writer.stopped();
		expect(stopped.code).toBe(4413);
		const stored = await storedDoc(database.db, fixture.campaignId, candidateId);
		expect(stored.getText('t').toString()).not.toContain('长长长');
	});
});

describe('audit and board markers', () => {
	test('one audit row per editor per document per window, however many keystrokes', async () => {
		server = await startCommentServer(runtime, { flushMs: 1 });
		const candidateId = fixture.candidateIds[2]!;
		const a = open(candidateId, 'secretary');
		const b = open(candidateId, 'panelist');
		await Promise.all([a.synced(), b.synced()]);
		for (let i = 0; i < 20; i++) {
			a.doc.getText('t').insert(0, 'a');
			b.doc.getText('t').insert(0, 'b');
			await eventually(() => a.saved.saved && b.saved.saved);
		}
		const rows = await database.db
			.select({ actorId: audit.actorId, subjectId: audit.subjectId })
			.from(audit)
			.where(and(eq(audit.action, 'comment.edit'), eq(audit.subjectId, String(candidateId))))
			.orderBy(asc(audit.id));
		expect(rows.map((row) => row.actorId).sort()).toEqual(
			[fixture.userIds.secretary, fixture.userIds.panelist].sort()
		);
		// A second room (another instance, or after a restart) finds the recent rows, too.
		await server.close();
		server = await startCommentServer(runtime, { flushMs: 1 });
		const again = open(candidateId, 'secretary');
		await again.synced();
		again.doc.getText('t').insert(0, 'c');
		await eventually(() => again.saved.saved);
		const after = await database.db
			.select({ id: audit.id })
			.from(audit)
			.where(and(eq(audit.action, 'comment.edit'), eq(audit.subjectId, String(candidateId))));
		expect(after).toHaveLength(2);
	});

	test('the board hears that a comment has text and that someone is writing, then stopped', async () => {
		server = await startCommentServer(runtime, { writingIdleMs: 300 });
		const candidateId = fixture.candidateIds[3]!;
		const writer = open(candidateId, 'secretary');
		await writer.synced();
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText('推荐')]);
		writer.doc.getXmlFragment(COMMENT_FIELD).insert(0, [paragraph]);
		const payloads = async () =>
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
				.filter((p) => 'candidateId' in p && p.candidateId === candidateId);
		await eventually(
			async () => (await payloads()).some((p) => 'writing' in p && !p.writing),
			5000,
			'writing ended'
		);
		const seen = await payloads();
		expect(seen[0]).toEqual({ candidateId, hasComment: false, writing: true });
		expect(seen).toContainEqual({ candidateId, hasComment: true, writing: true });
		expect(seen.at(-1)).toEqual({ candidateId, hasComment: true, writing: false });
		const [marker] = await database.db
			.select()
			.from(candidateComment)
			.where(eq(candidateComment.candidateId, candidateId));
		expect(marker?.hasText).toBe(true);
	});
});
