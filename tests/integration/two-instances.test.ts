import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';
import { moveCandidates } from '../../src/lib/server/board/move';
import { readConfig } from '../../src/lib/server/config';
import { candidate, finding, user } from '../../src/lib/server/db/schema';
import { startRuntime, type Runtime } from '../../src/lib/server/runtime';
import { seedDemo } from '../../src/lib/server/seed';
import { createUpgradeHandler } from '../../server/websocket';
import { freshDatabase, type TestDatabase } from '../helpers/db';

/**
 * Two server instances on one PostgreSQL database, in one process but with their own pools,
 * LISTEN connections, feeds and hubs: a move committed through A reaches a socket on B.
 * Several instances need PostgreSQL; the embedded database is one process's by design.
 */
describe.runIf(process.env.DATABASE_URL)('two instances on one PostgreSQL database', () => {
	let database: TestDatabase;
	let a: Runtime;
	let b: Runtime;
	let serverB: http.Server;
	let closeUpgrades: () => Promise<void>;

	beforeAll(async () => {
		database = await freshDatabase();
		await seedDemo(database.db);
		const config = {
			...readConfig({ DATABASE_URL: database.url }),
			origin: 'http://instance.test'
		};
		[a, b] = await Promise.all([startRuntime(config), startRuntime(config)]);
		const upgrade = createUpgradeHandler(async () => b);
		closeUpgrades = () => upgrade.close();
		serverB = http.createServer((_req, res) => res.end());
		serverB.on('upgrade', upgrade);
		await new Promise<void>((resolve) => serverB.listen(0, '127.0.0.1', resolve));
	});

	afterAll(async () => {
		await closeUpgrades();
		await new Promise((resolve) => serverB.close(resolve));
		for (const runtime of [a, b]) {
			await runtime.feed.stop();
			await runtime.database.close();
		}
		await database.destroy();
	});

	test('a move through instance A reaches a board socket on instance B', async () => {
		const [secretary] = await a.db.select().from(user).where(eq(user.username, 'secretary'));
		const [panelist] = await a.db.select().from(user).where(eq(user.username, 'panelist4'));
		const token = generateSessionToken();
		await createSession(a.db, token, panelist!.id);
		const [target] = await a.db
			.select({ id: candidate.id, campaignId: candidate.campaignId })
			.from(candidate)
			.where(
				and(
					eq(candidate.stage, 'submitted'),
					sql`${candidate.id} not in (select candidate_id from ${finding} where severity = 'error' and candidate_id is not null)`
				)
			)
			.limit(1);

		const { port } = serverB.address() as AddressInfo;
		const socket = new WebSocket(`ws://127.0.0.1:${port}/live/${target!.campaignId}`, {
			headers: { Origin: 'http://instance.test', Cookie: `${SESSION_COOKIE}=${token}` }
		});
		const messages: { type: string; seq: number; moves?: unknown }[] = [];
		const moved = new Promise<void>((resolve, reject) => {
			socket.on('message', (data) => {
				const message = JSON.parse(String(data));
				messages.push(message);
				if (message.type === 'candidates.moved') resolve();
			});
			socket.on('error', reject);
		});
		await new Promise((resolve) => socket.once('message', resolve));

		const result = await moveCandidates(a.db, {
			campaignId: target!.campaignId,
			candidateIds: [target!.id],
			to: 'preliminary',
			actor: { id: secretary!.id, name: 'secretary' }
		});
		await moved;
		socket.close();

		const hello = messages[0]!;
		const event = messages.find((m) => m.type === 'candidates.moved')!;
		expect(hello.type).toBe('hello');
		expect(event.seq).toBe(result.seq);
		expect(event.seq).toBe(hello.seq + 1);
		expect(event.moves).toEqual([
			{ candidateId: target!.id, from: 'submitted', to: 'preliminary', proposedTrack: null }
		]);
	});
});
