/**
 * The comment rooms' budgets (ARCHITECTURE.md, "Budgets"), in one run against the reference
 * y-websocket server (@y/websocket-server 0.1.1: no auth, no persistence) and against ours (a
 * child process with sessions, Origin checks and the update log), with the same harness as
 * ../shared/bench/yjs-latency.mjs: the stock y-websocket client, one writer and 49 readers on one
 * document, a timestamp written into a Y.Map every 20 ms, reach-all = when the last reader saw it.
 * Rounds alternate reference / ours so machine load falls on both alike. Ours must not be slower
 * (ratio ≤ 1.0 at p50 and p99). Also: our server's RSS with 50 clients on 20 documents, and the
 * time to compact 10,000 one-keystroke updates into one row (embedded, and PostgreSQL when
 * DATABASE_URL is set).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openDatabase, type Database } from '../../src/lib/server/db';
import { CommentStore } from '../../src/lib/server/comments/store';
import { membership, ydocUpdate } from '../../src/lib/server/db/schema';
import { importNominations } from '../../src/lib/server/import/nominations';
import { createCampaign } from '../../src/lib/server/seed';
import { sample } from '../helpers/documents';
import { adminQuery, withDatabase } from '../helpers/global-setup';
import {
	asPolyfill,
	forkCommentServer,
	ORIGIN,
	seedComments,
	socketWithHeaders,
	type ChildServer,
	type CommentFixture
} from '../helpers/yjs';
import { result, type BenchResult } from './measure';

const CLIENTS = 50;
const PROBES = 100;
const INTERVAL_MS = 20;
/** Rounds of PROBES, alternating reference / ours, so drifting machine load falls on both. */
const ROUNDS = 6;
const RSS_DOCS = 20;
const COMPACT_UPDATES = 10_000;
const COMPACT_RUNS = 3;

interface Target {
	/** The y-websocket client's server URL (without the room). */
	url: string;
	room: string;
	headers: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One writer, CLIENTS − 1 readers; returns the reach-all latency of each probe (ms). */
async function reachAll(target: Target): Promise<number[]> {
	const Socket = asPolyfill(socketWithHeaders(target.headers));
	const open = () => {
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(target.url, target.room, doc, {
			WebSocketPolyfill: Socket,
			disableBc: true
		});
		return { doc, provider };
	};
	const writer = open();
	const readers = Array.from({ length: CLIENTS - 1 }, open);
	const all = [writer, ...readers];
	const seen = new Map<string, { sent: number; count: number; last: number }>();
	for (const reader of readers) {
		const map = reader.doc.getMap<number>('bench');
		map.observe((event) => {
			const now = performance.now();
			for (const key of event.keysChanged) {
				const probe = seen.get(key);
				if (!probe) continue;
				probe.count++;
				probe.last = Math.max(probe.last, now - probe.sent);
			}
		});
	}
	try {
		await Promise.all(
			all.map(
				({ provider }) =>
					new Promise<void>((resolve, reject) => {
						if (provider.synced) return resolve();
						const timer = setTimeout(() => reject(new Error('bench clients did not sync')), 30_000);
						provider.on('sync', (synced: boolean) => {
							if (!synced) return;
							clearTimeout(timer);
							resolve();
						});
					})
			)
		);
		const map = writer.doc.getMap<number>('bench');
		const prefix = randomBytes(3).toString('hex');
		for (let i = 0; i < PROBES; i++) {
			const key = `${prefix}${i}`;
			const sent = performance.now();
			seen.set(key, { sent, count: 0, last: 0 });
			map.set(key, sent);
			await sleep(INTERVAL_MS);
		}
		await sleep(1500);
		const complete = [...seen.values()].filter((probe) => probe.count === CLIENTS - 1);
		if (complete.length < PROBES * 0.99)
			throw new Error(`only ${complete.length} of ${PROBES} probes reached every reader`);
		return complete.map((probe) => probe.last);
	} finally {
		for (const { provider, doc } of all) {
			provider.destroy();
			doc.destroy();
		}
	}
}

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** The reference server, as its README starts it. */
async function startReference(): Promise<{ child: ChildProcess; port: number }> {
	const port = await freePort();
	// Without YPERSISTENCE (even empty) it keeps documents in memory only, as its README runs it.
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
	delete env.YPERSISTENCE;
	const child = spawn(process.execPath, ['node_modules/@y/websocket-server/src/server.js'], {
		env,
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', (data: Buffer) => String(data).includes('running') && resolve());
		child.once('exit', (code) => reject(new Error(`reference server exited (${code})`)));
	});
	return { child, port };
}

function rssMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
	return kb / 1024;
}

/** Our server's RSS with CLIENTS clients spread over RSS_DOCS documents, each having typed. */
async function rssWithClients(server: ChildServer, target: (docIndex: number) => Target) {
	const clients = Array.from({ length: CLIENTS }, (_, i) => {
		const t = target(i % RSS_DOCS);
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(t.url, t.room, doc, {
			WebSocketPolyfill: asPolyfill(socketWithHeaders(t.headers)),
			disableBc: true
		});
		return { doc, provider };
	});
	try {
		await Promise.all(
			clients.map(
				({ provider }) =>
					new Promise<void>((resolve) => {
						if (provider.synced) resolve();
						provider.on('sync', (synced: boolean) => synced && resolve());
					})
			)
		);
		for (let round = 0; round < 20; round++) {
			for (const { doc } of clients) doc.getText('t').insert(0, '评审意见');
			await sleep(50);
		}
		await sleep(1000);
		return rssMegabytes(server.child.pid!);
	} finally {
		for (const { provider, doc } of clients) {
			provider.destroy();
			doc.destroy();
		}
	}
}

/** RSS_DOCS candidates the fixture's secretary and panelist may write in (more campaigns). */
async function moreDocuments(database: Database, fixture: CommentFixture) {
	const documents = fixture.candidateIds.map((candidateId) => ({
		campaignId: fixture.campaignId,
		candidateId
	}));
	while (documents.length < RSS_DOCS) {
		const campaignId = await createCampaign(database.db, `RSS ${documents.length}`);
		await importNominations(database.db, campaignId, sample(), { id: null, name: 'bench' });
		await database.db.insert(membership).values([
			{ userId: fixture.userIds.secretary, campaignId, role: 'secretary' },
			{ userId: fixture.userIds.panelist, campaignId, role: 'panelist' }
		]);
		const rows = await database.db.query.candidate.findMany({
			where: (candidate, { eq }) => eq(candidate.campaignId, campaignId),
			columns: { id: true }
		});
		documents.push(...rows.map((row) => ({ campaignId, candidateId: row.id })));
	}
	return documents.slice(0, RSS_DOCS);
}

/** Compacting COMPACT_UPDATES one-keystroke rows into one, COMPACT_RUNS times (ms each). */
async function compactionTimes(database: Database): Promise<number[]> {
	const store = new CommentStore(database.db);
	const times: number[] = [];
	for (let run = 0; run < COMPACT_RUNS; run++) {
		const doc = `bench/compaction/${run}/${randomBytes(3).toString('hex')}`;
		const source = new Y.Doc();
		const updates: Uint8Array[] = [];
		source.on('update', (update: Uint8Array) => updates.push(update));
		const text = source.getText('t');
		for (let i = 0; i < COMPACT_UPDATES; i++) {
			if (i % 5 === 4) text.delete(Math.floor(text.length / 2), 1);
			else text.insert(Math.floor((i * 7919) % (text.length + 1)), '评');
		}
		for (let i = 0; i < updates.length; i += 1000)
			await database.db
				.insert(ydocUpdate)
				.values(updates.slice(i, i + 1000).map((data) => ({ doc, data })));
		const start = performance.now();
		const compacted = await store.compact(doc);
		times.push(performance.now() - start);
		if (compacted.rowsRead !== COMPACT_UPDATES) throw new Error('compaction read the wrong rows');
	}
	return times;
}

/** Latency (alternating with the reference) and RSS of our server on one database. */
async function oursAgainstReference(
	label: string,
	env: Record<string, string>,
	database: Database,
	reference: Target
): Promise<BenchResult[]> {
	const fixture = await seedComments(database.db);
	const documents = await moreDocuments(database, fixture);
	if (env.DATA_DIR) await database.close();
	const ours = await forkCommentServer({
		...env,
		...(process.env.YJS_FLUSH_MS ? { YJS_FLUSH_MS: process.env.YJS_FLUSH_MS } : {})
	});
	try {
		const target: Target = {
			url: `ws://127.0.0.1:${ours.port}/yjs/${fixture.campaignId}`,
			room: String(fixture.candidateIds[0]),
			headers: { Cookie: fixture.cookies.secretary, Origin: ORIGIN }
		};
		const latency = { reference: [] as number[], ours: [] as number[] };
		for (let round = 0; round < ROUNDS; round++) {
			latency.reference.push(...(await reachAll(reference)));
			latency.ours.push(...(await reachAll(target)));
		}
		const ref = result('', latency.reference, null);
		const mine = result('', latency.ours, null);
		const ratio = (a: number, b: number) => (a / b).toFixed(2);
		const idle = rssMegabytes(ours.child.pid!);
		const busy = await rssWithClients(ours, (index) => ({
			url: `ws://127.0.0.1:${ours.port}/yjs/${documents[index]!.campaignId}`,
			room: String(documents[index]!.candidateId),
			headers: { Cookie: fixture.cookies[index % 2 ? 'panelist' : 'secretary'], Origin: ORIGIN }
		}));
		const readers = CLIENTS - 1;
		return [
			result(
				`keystroke → ${readers} readers, reach-all: reference server (${label} run)`,
				latency.reference,
				null
			),
			result(
				`keystroke → ${readers} readers, reach-all: ours, ${label} — p50 ratio ${ratio(mine.p50, ref.p50)} (budget: reference p50)`,
				latency.ours,
				ref.p50,
				'p50'
			),
			result(
				`keystroke → ${readers} readers, reach-all: ours, ${label} — p99 ratio ${ratio(mine.p99, ref.p99)} (budget: reference p99)`,
				latency.ours,
				ref.p99,
				'p99'
			),
			result(
				`our server's RSS, ${CLIENTS} clients on ${RSS_DOCS} documents, ${label} (${idle.toFixed(0)} MB before the clients)`,
				[busy],
				300,
				'p50',
				'MB'
			)
		];
	} finally {
		ours.child.kill('SIGTERM');
		await ours.exited;
	}
}

export async function run(): Promise<BenchResult[]> {
	process.setMaxListeners(500);
	const results: BenchResult[] = [];
	const reference = await startReference();
	const referenceTarget: Target = {
		url: `ws://127.0.0.1:${reference.port}`,
		room: `bench-${randomBytes(3).toString('hex')}`,
		headers: {}
	};
	try {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'shortlist-bench-yjs-'));
		try {
			const embedded = await openDatabase({ dataDir, migrationsFolder: path.resolve('drizzle') });
			results.push(
				...(await oursAgainstReference(
					'embedded database',
					{ DATA_DIR: dataDir, DATABASE_URL: '' },
					embedded,
					referenceTarget
				))
			);
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
		const baseUrl = process.env.DATABASE_URL;
		if (baseUrl) {
			const name = `shortlist_bench_${randomBytes(4).toString('hex')}`;
			await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
			try {
				const url = withDatabase(baseUrl, name);
				const database = await openDatabase({ url, migrationsFolder: path.resolve('drizzle') });
				try {
					results.push(
						...(await oursAgainstReference(
							'PostgreSQL',
							{ DATABASE_URL: url },
							database,
							referenceTarget
						))
					);
					results.push(
						result(
							`compaction of ${COMPACT_UPDATES.toLocaleString('en')} updates into one row (PostgreSQL)`,
							await compactionTimes(database),
							null
						)
					);
				} finally {
					await database.close();
				}
			} finally {
				await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			}
		}
		results.push(
			result(
				`reference server's RSS after its runs`,
				[rssMegabytes(reference.child.pid!)],
				null,
				'p50',
				'MB'
			)
		);
	} finally {
		reference.child.kill('SIGTERM');
	}
	const compactDir = mkdtempSync(path.join(tmpdir(), 'shortlist-bench-compact-'));
	try {
		const embedded = await openDatabase({
			dataDir: compactDir,
			migrationsFolder: path.resolve('drizzle')
		});
		try {
			results.push(
				result(
					`compaction of ${COMPACT_UPDATES.toLocaleString('en')} updates into one row (embedded)`,
					await compactionTimes(embedded),
					null
				)
			);
		} finally {
			await embedded.close();
		}
	} finally {
		rmSync(compactDir, { recursive: true, force: true });
	}
	return results;
}
