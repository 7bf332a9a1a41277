/**
 * A peer's bad frames end that peer's socket and nothing else: each kind of malformed frame
 * closes only its socket (1007, or 1009 beyond maxPayload) while the others keep co-editing; and
 * 10,000 malformed frames from one socket leave a server process (a child, measured alone) that
 * still serves, with its RSS back within 10 % of before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openDatabase } from '../../src/lib/server/db';
import type { Runtime } from '../../src/lib/server/runtime';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import {
	commentClient,
	eventually,
	forkCommentServer,
	ORIGIN,
	runtimeOn,
	seedComments,
	startCommentServer,
	type ChildServer,
	type CommentClient,
	type CommentFixture,
	type CommentServer
} from '../helpers/yjs';

function frame(...parts: ((encoder: encoding.Encoder) => void)[]): Uint8Array {
	const encoder = encoding.createEncoder();
	for (const part of parts) part(encoder);
	return encoding.toUint8Array(encoder);
}
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b);
const raw = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeUint8Array(e, b);
const text = (s: string) => (e: encoding.Encoder) => encoding.writeVarString(e, s);
const awareness = (json: string) =>
	frame(uint(1), bytes(frame(uint(1), uint(7), uint(1), text(json))));

/** A valid update, for the cases that damage one. */
function validUpdate(): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, '有效');
	return Y.encodeStateAsUpdate(doc);
}

/** Each kind of frame a broken or hostile client might send. */
const malformed: { what: string; data: Uint8Array | string; code: number }[] = [
	{ what: 'an empty frame', data: new Uint8Array(0), code: 1007 },
	{ what: 'an unknown message type', data: frame(uint(9)), code: 1007 },
	{
		what: 'an unknown sync type',
		data: frame(uint(0), uint(7), bytes(new Uint8Array(2))),
		code: 1007
	},
	{
		what: 'a truncated sync payload',
		data: frame(uint(0), uint(2), uint(50), raw(new Uint8Array(3))),
		code: 1007
	},
	{
		what: 'a garbage state vector',
		data: frame(uint(0), uint(0), bytes(Uint8Array.of(200, 200, 200))),
		code: 1007
	},
	{
		what: 'a garbage update',
		data: frame(uint(0), uint(2), bytes(Uint8Array.of(1, 255, 255, 255, 255, 15, 3))),
		code: 1007
	},
	{
		what: 'a truncated update',
		data: frame(uint(0), uint(2), bytes(validUpdate().slice(0, 6))),
		code: 1007
	},
	{
		what: 'trailing bytes after a message',
		data: frame(uint(0), uint(0), bytes(new Uint8Array([0])), raw(Uint8Array.of(1, 2))),
		code: 1007
	},
	{ what: 'awareness that is not JSON', data: awareness('{nope'), code: 1007 },
	{ what: 'awareness that is an array', data: awareness('[1,2]'), code: 1007 },
	{ what: 'an auth message from a client', data: frame(uint(2), uint(0), text('x')), code: 1007 },
	{ what: 'a text frame', data: 'hello', code: 1007 },
	{ what: 'a frame beyond maxPayload', data: new Uint8Array(1024 * 1024 + 16), code: 1009 }
];

/** A raw socket to a comment room, signed in like a browser. */
function rawSocket(url: string, cookie: string): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, { headers: { Cookie: cookie, Origin: ORIGIN } });
		socket.once('open', () => resolve(socket));
		socket.once('error', reject);
	});
}

const closed = (socket: WebSocket) =>
	new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

let fixture: CommentFixture;
let clients: CommentClient[] = [];

describe('malformed frames close only their socket', () => {
	let database: TestDatabase;
	let runtime: Runtime;
	let server: CommentServer;

	beforeAll(async () => {
		database = await freshDatabase();
		fixture = await seedComments(database.db);
		runtime = await runtimeOn(database);
		server = await startCommentServer(runtime);
	});

	afterAll(async () => {
		for (const client of clients) client.destroy();
		clients = [];
		await server.close();
		await runtime.feed.stop();
		await database.destroy();
	});

	for (const entry of malformed) {
		test(`${entry.what}: closed with ${entry.code}, the others keep editing`, async () => {
			const candidateId = fixture.candidateIds[0]!;
			const a = commentClient(server, fixture.campaignId, candidateId, {
				cookie: fixture.cookies.secretary
			});
			const b = commentClient(server, fixture.campaignId, candidateId, {
				cookie: fixture.cookies.panelist
			});
			clients.push(a, b);
			await Promise.all([a.synced(), b.synced()]);
			const bad = await rawSocket(
				`${server.url(fixture.campaignId)}/${candidateId}`,
				fixture.cookies.panelist
			);
			const code = closed(bad);
			bad.send(entry.data);
			expect(await code).toBe(entry.code);
			a.doc.getText('t').insert(0, entry.what);
			await eventually(() => b.text() === a.text() && a.saved.saved, 5000, 'others unaffected');
			expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
		});
	}
});

describe('10,000 malformed frames from one socket', () => {
	let dataDir: string | undefined;
	let database: TestDatabase | undefined;
	let child: ChildServer;

	beforeAll(async () => {
		let env: Record<string, string>;
		if (process.env.DATABASE_URL) {
			database = await freshDatabase();
			fixture = await seedComments(database.db);
			env = { DATABASE_URL: database.url! };
		} else {
			dataDir = mkdtempSync(path.join(tmpdir(), 'shortlist-malformed-'));
			const embedded = await openDatabase({ dataDir, migrationsFolder: path.resolve('drizzle') });
			fixture = await seedComments(embedded.db);
			await embedded.close();
			env = { DATA_DIR: dataDir };
		}
		child = await forkCommentServer(env);
	});

	afterAll(async () => {
		for (const client of clients) client.destroy();
		child.child.kill('SIGTERM');
		await child.exited;
		await database?.destroy();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	});

	test('only that socket is closed, the server keeps serving, RSS returns within 10 %', async () => {
		const candidateId = fixture.candidateIds[1]!;
		const a = commentClient(child, fixture.campaignId, candidateId, {
			cookie: fixture.cookies.secretary
		});
		const b = commentClient(child, fixture.campaignId, candidateId, {
			cookie: fixture.cookies.panelist
		});
		clients.push(a, b);
		await Promise.all([a.synced(), b.synced()]);
		a.doc.getText('t').insert(0, '热身');
		await eventually(() => b.text() === '热身' && a.saved.saved);
		// Warm the bad path once, so the measurement sees steady state, not first-use allocations.
		for (const entry of malformed.slice(0, 4)) {
			const warm = await rawSocket(
				`${child.url(fixture.campaignId)}/${candidateId}`,
				fixture.cookies.panelist
			);
			const code = closed(warm);
			warm.send(entry.data);
			await code;
		}
		const before = await child.rss();

		const bad = await rawSocket(
			`${child.url(fixture.campaignId)}/${candidateId}`,
			fixture.cookies.panelist
		);
		const code = closed(bad);
		const kinds = malformed.filter(
			(entry) => entry.code === 1007 && typeof entry.data !== 'string'
		);
		for (let i = 0; i < 10_000; i++) bad.send(kinds[i % kinds.length]!.data);
		expect(await code).toBe(1007);

		b.doc.getText('t').insert(2, '，之后');
		await eventually(() => a.text() === '热身，之后' && b.saved.saved, 10_000, 'still serving');
		await new Promise((resolve) => setTimeout(resolve, 500));
		const after = await child.rss();
		console.info(`server RSS before ${before} B, after 10,000 malformed frames ${after} B`);
		expect(Math.abs(after - before) / before).toBeLessThanOrEqual(0.1);
		expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
	}, 120_000);
});
