/**
 * Seeded random co-editing: five clients make 1,000 random concurrent edits (inserts, deletes,
 * bold ranges) with random disconnects and offline edits. Afterwards every client holds the same
 * document, and so does the database once the room has unloaded and is read back.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Runtime } from '../../src/lib/server/runtime';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import {
	commentClient,
	eventually,
	rowCount,
	runtimeOn,
	seedComments,
	startCommentServer,
	storedDoc,
	type CommentClient,
	type CommentFixture,
	type CommentServer
} from '../helpers/yjs';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SEED = Number(process.env.YJS_SEED ?? 20221105);
const EDITS = 1000;
const CLIENTS = 5;

let database: TestDatabase;
let fixture: CommentFixture;
let runtime: Runtime;
let server: CommentServer;
let clients: CommentClient[] = [];

beforeAll(async () => {
	database = await freshDatabase();
	fixture = await seedComments(database.db);
	runtime = await runtimeOn(database);
	server = await startCommentServer(runtime, { unloadAfterMs: 100 });
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server.close();
	await runtime.feed.stop();
	await database.destroy();
});

describe('seeded random convergence', () => {
	test(`${CLIENTS} clients, ${EDITS} random edits with disconnects (seed ${SEED}): one document everywhere`, async () => {
		const next = random(SEED);
		const pick = (n: number) => Math.floor(next() * n);
		const candidateId = fixture.candidateIds[0]!;
		clients = Array.from({ length: CLIENTS }, (_, i) =>
			commentClient(server, fixture.campaignId, candidateId, {
				cookie: fixture.cookies[i % 2 ? 'panelist' : 'secretary']
			})
		);
		await Promise.all(clients.map((client) => client.synced()));
		let disconnects = 0;
		for (let edit = 0; edit < EDITS; edit++) {
			const client = clients[pick(CLIENTS)]!;
			const text = client.doc.getText('t');
			const roll = next();
			if (roll < 0.04) {
				if (client.provider.shouldConnect) {
					client.provider.disconnect();
					disconnects++;
				} else client.provider.connect();
			} else if (roll < 0.7 || text.length === 0) {
				const word = '评审意见同意推荐事迹突出'.slice(pick(8), 8 + pick(4));
				text.insert(pick(text.length + 1), word);
			} else if (roll < 0.92) {
				const at = pick(text.length);
				text.delete(at, Math.min(1 + pick(4), text.length - at));
			} else {
				const at = pick(text.length);
				text.format(at, Math.min(1 + pick(6), text.length - at), {
					bold: next() < 0.5 ? true : null
				});
			}
			if (edit % 10 === 0) await new Promise((resolve) => setTimeout(resolve, pick(4)));
		}
		for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();
		await eventually(
			() => clients.every((client) => client.provider.synced && client.saved.saved),
			30_000,
			'every client synced and saved'
		);
		const documents = clients.map((client) => JSON.stringify(client.doc.getText('t').toDelta()));
		await eventually(
			() =>
				new Set(clients.map((client) => JSON.stringify(client.doc.getText('t').toDelta()))).size ===
				1,
			30_000,
			'convergence'
		);
		const converged = JSON.stringify(clients[0]!.doc.getText('t').toDelta());
		expect(disconnects).toBeGreaterThan(5);
		expect(documents.length).toBe(CLIENTS);

		// Everyone leaves; the room flushes, compacts and unloads; the log alone holds the document.
		for (const client of clients) client.provider.disconnect();
		await eventually(
			async () => (await rowCount(database.db, fixture.campaignId, candidateId)) === 1,
			10_000,
			'compacted at unload'
		);
		const stored = await storedDoc(database.db, fixture.campaignId, candidateId);
		expect(JSON.stringify(stored.getText('t').toDelta())).toBe(converged);

		// And a client opening it afresh sees the same.
		const late = commentClient(server, fixture.campaignId, candidateId, {
			cookie: fixture.cookies.secretary
		});
		clients.push(late);
		await late.synced();
		expect(JSON.stringify(late.doc.getText('t').toDelta())).toBe(converged);
	}, 120_000);
});
