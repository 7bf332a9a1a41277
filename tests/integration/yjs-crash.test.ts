/**
 * Crash: twenty clients type into four comments while the server process is killed with
 * SIGKILL mid-stream. Every edit any writer had been told was saved (its echo, or the server's
 * state vector) is in the database after the restart, and once the clients reconnect every
 * document converges — nothing acknowledged is lost, nothing unacknowledged is lost either.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../src/lib/server/db';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import {
	commentClient,
	eventually,
	forkCommentServer,
	seedComments,
	type ChildServer,
	type CommentClient,
	type CommentFixture
} from '../helpers/yjs';

const CLIENTS = 20;
const DOCS = 4;

let fixture: CommentFixture;
let env: Record<string, string>;
let database: TestDatabase | undefined;
let dataDir: string | undefined;
let server: ChildServer | undefined;
const clients: CommentClient[] = [];

beforeAll(async () => {
	if (process.env.DATABASE_URL) {
		database = await freshDatabase();
		fixture = await seedComments(database.db);
		env = { DATABASE_URL: database.url! };
	} else {
		dataDir = mkdtempSync(path.join(tmpdir(), 'shortlist-crash-'));
		const embedded = await openDatabase({ dataDir, migrationsFolder: path.resolve('drizzle') });
		fixture = await seedComments(embedded.db);
		await embedded.close();
		env = { DATA_DIR: dataDir };
	}
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	if (server && server.child.exitCode === null) {
		server.child.kill('SIGTERM');
		await server.exited;
	}
	await database?.destroy();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('crash', () => {
	test('kill -9 mid-stream: 0 acknowledged edits lost, and every document converges after', async () => {
		// Commits take 200 ms longer: at the kill, many edits are relayed but not yet committed.
		server = await forkCommentServer({ ...env, YJS_APPEND_DELAY_MS: '200' });
		const port = server.port;
		const candidateIds = fixture.candidateIds.slice(0, DOCS);
		const local = new Map<CommentClient, Uint8Array[]>();
		for (let i = 0; i < CLIENTS; i++) {
			const client = commentClient(server, fixture.campaignId, candidateIds[i % DOCS]!, {
				cookie: fixture.cookies[i % 2 ? 'panelist' : 'secretary']
			});
			clients.push(client);
			const mine: Uint8Array[] = [];
			local.set(client, mine);
			client.doc.on('update', (update: Uint8Array, origin: unknown) => {
				if (origin !== client.provider) mine.push(update);
			});
		}
		await Promise.all(clients.map((client) => client.synced()));

		let typing = true;
		const typists = clients.map(async (client, index) => {
			let n = 0;
			while (typing) {
				const text = client.doc.getText('t');
				text.insert(
					(n * 7 + index) % (text.length + 1),
					String.fromCharCode(0x4e00 + ((index * 31 + n) % 500))
				);
				n++;
				await new Promise((resolve) => setTimeout(resolve, 5 + (index % 7)));
			}
		});
		// Let the stream run until plenty is committed and more is in flight, then kill.
		await eventually(
			() => clients.every((client) => local.get(client)!.length - client.saved.unsavedCount >= 10),
			120_000,
			'edits acknowledged'
		);
		server.child.kill('SIGKILL');
		const acknowledged = new Map<CommentClient, Uint8Array[]>();
		for (const client of clients)
			acknowledged.set(
				client,
				local.get(client)!.filter((update) => client.saved.contains(update))
			);
		typing = false;
		await Promise.all(typists);
		await server.exited;
		for (const client of clients) client.provider.disconnect();
		const unacknowledged = clients.reduce(
			(sum, client) => sum + local.get(client)!.length - acknowledged.get(client)!.length,
			0
		);

		// Restart on the same port; read what the database holds before any client resyncs.
		server = await forkCommentServer({ ...env, PORT: String(port) });
		const stored = new Map<number, Y.Doc>();
		for (const candidateId of candidateIds) {
			const reader = commentClient(server, fixture.campaignId, candidateId, {
				cookie: fixture.cookies.observer
			});
			clients.push(reader);
			await reader.synced();
			stored.set(candidateId, reader.doc);
		}
		let checked = 0;
		const lost: string[] = [];
		clients.slice(0, CLIENTS).forEach((client, index) => {
			const snapshot = Y.snapshot(stored.get(candidateIds[index % DOCS]!)!);
			for (const update of acknowledged.get(client)!) {
				checked++;
				if (!Y.snapshotContainsUpdate(snapshot, update)) lost.push(`client ${index}`);
			}
		});
		expect(lost).toEqual([]);
		expect(checked).toBeGreaterThan(CLIENTS * 10);
		expect(unacknowledged).toBeGreaterThan(0);

		// The writers come back: everything they hold reaches the server, and all agree.
		for (const client of clients.slice(0, CLIENTS)) client.provider.connect();
		await eventually(
			() =>
				clients.slice(0, CLIENTS).every((client) => client.provider.synced && client.saved.saved),
			120_000,
			'writers resynced and saved'
		);
		for (const candidateId of candidateIds) {
			const group = clients.filter(
				(_, index) => index < CLIENTS && candidateIds[index % DOCS] === candidateId
			);
			const reader = clients[CLIENTS + candidateIds.indexOf(candidateId)]!;
			await eventually(
				() => [...group, reader].every((client) => client.text() === group[0]!.text()),
				120_000,
				'convergence after the crash'
			);
			for (const client of group)
				for (const update of local.get(client)!)
					expect(Y.snapshotContainsUpdate(Y.snapshot(reader.doc), update)).toBe(true);
		}
	}, 400_000);
});
