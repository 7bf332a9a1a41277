/**
 * The board's budgets (ARCHITECTURE.md): the server render of the board page with the demo's 555
 * candidates (p50 < 150 ms), and a move → its event on 50 subscribed sockets (p99 < 50 ms).
 * The render is measured over HTTP against the production build (built first if missing), on
 * the embedded database and, with DATABASE_URL, on PostgreSQL.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import WebSocket from 'ws';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';
import { moveCandidates } from '../../src/lib/server/board/move';
import { readConfig } from '../../src/lib/server/config';
import { openDatabase } from '../../src/lib/server/db';
import { candidate, finding, user } from '../../src/lib/server/db/schema';
import { startRuntime } from '../../src/lib/server/runtime';
import { DEMO_PASSWORD, seedDemo } from '../../src/lib/server/seed';
import { createUpgradeHandler } from '../../server/websocket';
import { adminQuery, withDatabase } from '../helpers/global-setup';
import { result, type BenchResult } from './measure';

const RENDER_RUNS = 60;
const FANOUT_SOCKETS = 50;
const FANOUT_MOVES = 60;

async function waitFor(url: string): Promise<void> {
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} did not come up`);
}

/** Signs in through the real form and returns the session cookie. */
async function signIn(base: string): Promise<string> {
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: 'secretary', password: DEMO_PASSWORD })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith(SESSION_COOKIE));
	if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
	return cookie.split(';')[0]!;
}

async function renderBench(
	label: string,
	env: NodeJS.ProcessEnv,
	budget: number | null = 150
): Promise<BenchResult> {
	const port = 4300 + Math.floor(Math.random() * 500);
	const base = `http://localhost:${port}`;
	const server: ChildProcess = spawn(process.execPath, ['build/server.js'], {
		env: { ...process.env, ...env, PORT: String(port), ORIGIN: base },
		stdio: 'ignore'
	});
	try {
		await waitFor(`${base}/login`);
		const cookie = await signIn(base);
		const [campaignPath] = /\/c\/\d+\/board/.exec(
			(await fetch(`${base}/`, { headers: { cookie }, redirect: 'manual' })).headers.get(
				'location'
			) ?? ''
		) ?? ['/c/1/board'];
		const durations: number[] = [];
		for (let i = 0; i < RENDER_RUNS + 5; i++) {
			const start = performance.now();
			const response = await fetch(`${base}${campaignPath}`, { headers: { cookie } });
			const html = await response.text();
			if (!response.ok || !html.includes('data-candidate-id'))
				throw new Error('board did not render');
			if (i >= 5) durations.push(performance.now() - start); // the first requests warm up
		}
		return result(`board page server render (${label})`, durations, budget, 'p50');
	} finally {
		server.kill('SIGTERM');
	}
}

async function fanOutBench(label: string, databaseUrl?: string): Promise<BenchResult> {
	const runtime = await startRuntime({
		...readConfig({}),
		databaseUrl,
		dataDir: '',
		seedDemo: false,
		origin: 'http://bench.test'
	});
	try {
		const { db } = runtime;
		const { campaignId } = await seedDemo(db);
		const [secretary] = await db.select().from(user).where(eq(user.username, 'secretary'));
		const token = generateSessionToken();
		await createSession(db, token, secretary!.id);
		const upgrade = createUpgradeHandler(async () => runtime);
		const server = http.createServer((_req, res) => res.end());
		server.on('upgrade', upgrade);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		/** When the last of the sockets got each event, and who waits for that. */
		const completedAt = new Map<number, number>();
		const waiting = new Map<number, () => void>();
		const received = new Map<number, number>();
		const sockets = await Promise.all(
			Array.from(
				{ length: FANOUT_SOCKETS },
				() =>
					new Promise<WebSocket>((resolve, reject) => {
						const socket = new WebSocket(`ws://127.0.0.1:${port}/live/${campaignId}`, {
							headers: { Origin: 'http://bench.test', Cookie: `${SESSION_COOKIE}=${token}` }
						});
						socket.on('message', (data) => {
							const message = JSON.parse(String(data)) as { type: string; seq: number };
							if (message.type === 'hello') return resolve(socket);
							const count = (received.get(message.seq) ?? 0) + 1;
							received.set(message.seq, count);
							if (count === FANOUT_SOCKETS) {
								completedAt.set(message.seq, performance.now());
								waiting.get(message.seq)?.();
							}
						});
						socket.on('error', reject);
					})
			)
		);
		const clean = await db
			.select({ id: candidate.id })
			.from(candidate)
			.where(
				and(
					eq(candidate.stage, 'submitted'),
					sql`${candidate.id} not in (select candidate_id from ${finding} where severity = 'error' and candidate_id is not null)`
				)
			)
			.limit(FANOUT_MOVES);
		const durations: number[] = [];
		for (const { id } of clean) {
			const start = performance.now();
			const moved = await moveCandidates(db, {
				campaignId,
				candidateIds: [id],
				to: 'preliminary',
				actor: { id: secretary!.id, name: 'secretary' }
			});
			const seq = moved.seq!;
			if (!completedAt.has(seq)) await new Promise<void>((resolve) => waiting.set(seq, resolve));
			durations.push(completedAt.get(seq)! - start);
		}
		for (const socket of sockets) socket.close();
		await upgrade.close();
		server.close();
		return result(
			`move → event on ${FANOUT_SOCKETS} sockets, ${durations.length} moves (${label})`,
			durations,
			50,
			'p99'
		);
	} finally {
		await runtime.feed.stop();
		await runtime.database.close();
	}
}

/** The demo campaign ten times over in an embedded database (`seed-demo --scale 10`). */
async function seedTenfold(dataDir: string): Promise<number> {
	const database = await openDatabase({ dataDir, migrationsFolder: path.resolve('drizzle') });
	try {
		return (await seedDemo(database.db, { scale: 10 })).candidates;
	} finally {
		await database.close();
	}
}

export async function run(): Promise<BenchResult[]> {
	if (!existsSync('build/server.js')) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
	const results: BenchResult[] = [];
	const dataDir = mkdtempSync(path.join(tmpdir(), 'shortlist-bench-'));
	try {
		results.push(
			await renderBench('555 candidates, embedded', { DATA_DIR: dataDir, DATABASE_URL: '' })
		);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
	const largeDir = mkdtempSync(path.join(tmpdir(), 'shortlist-bench-10x-'));
	try {
		const count = await seedTenfold(largeDir);
		// "Usable with ten times that": reported, with no budget of its own.
		results.push(
			await renderBench(
				`${count} candidates, embedded`,
				{ DATA_DIR: largeDir, DATABASE_URL: '' },
				null
			)
		);
	} finally {
		rmSync(largeDir, { recursive: true, force: true });
	}
	const baseUrl = process.env.DATABASE_URL;
	if (baseUrl) {
		const name = `shortlist_bench_${randomBytes(4).toString('hex')}`;
		await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
		try {
			const url = withDatabase(baseUrl, name);
			const database = await openDatabase({ url, migrationsFolder: path.resolve('drizzle') });
			await seedDemo(database.db);
			await database.close();
			results.push(await renderBench('555 candidates, PostgreSQL', { DATABASE_URL: url }));
			// A fresh database again: the render bench signed in and read, the fan-out bench moves.
			await adminQuery(baseUrl, `DROP DATABASE ${name} WITH (FORCE)`);
			await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
			results.push(await fanOutBench('PostgreSQL, LISTEN/NOTIFY', url));
		} finally {
			await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		}
	}
	results.push(await fanOutBench('embedded'));
	return results;
}
