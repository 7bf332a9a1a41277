/**
 * Makes the database client: node-postgres when a URL is given, otherwise embedded PGlite in a
 * data folder (or in memory). Both run the same drizzle/ migrations before first use.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { PgListener } from './listener';
import * as schema from './schema';

/** The drizzle client type shared by both drivers; services take it as an argument. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle, usable wherever a `Db` is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DatabaseOptions {
	/** PostgreSQL connection string; when absent, embedded PGlite is used. */
	url?: string | undefined;
	/** PGlite data folder; `undefined` keeps the database in memory (tests). */
	dataDir?: string | undefined;
	/** Folder with the generated SQL migrations. */
	migrationsFolder: string;
	/** Pool size for PostgreSQL. */
	poolSize?: number;
}

export interface Database {
	db: Db;
	kind: 'postgres' | 'pglite';
	/**
	 * LISTEN on a channel; returns an unsubscribe function. `onResume` runs when a lost LISTEN
	 * connection is back (PostgreSQL only): notifications may have been missed meanwhile.
	 */
	listen(
		channel: string,
		onPayload: (payload: string) => void,
		onResume?: () => void
	): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

/** Arbitrary key for the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK_KEY = 727_2022;

/** Opens the database and applies pending migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	return options.url ? openPostgres(options.url, options) : openPglite(options);
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
	await migrateWithLock(url, options.migrationsFolder);
	const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
	// An idle connection that the server drops is replaced on next use; without a listener the
	// pool's 'error' event would end the process.
	pool.on('error', (error) => console.error('database connection lost:', error.message));
	// A connection dropped while checked out (a failover, pg_terminate_backend mid-transaction)
	// emits 'error' on its Client, where the pool listens only while it is idle: without this the
	// process would end. The query in flight fails on its own and the pool discards the client.
	pool.on('connect', (client) => {
		client.on('error', (error) => console.error('database connection lost:', error.message));
	});
	const db = drizzlePg({ client: pool, schema });
	const listener = new PgListener(url);
	return {
		db,
		kind: 'postgres',
		listen: (channel, onPayload, onResume) => listener.listen(channel, onPayload, onResume),
		async close() {
			await listener.close();
			await pool.end();
		}
	};
}

/** Several instances may start at once: only one migrates at a time. */
async function migrateWithLock(url: string, migrationsFolder: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
		await migratePg(drizzlePg({ client }), { migrationsFolder });
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
		await client.end();
	}
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
	const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
	const client = new PGlite({
		dataDir: options.dataDir,
		startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS.flatMap((s) => ['-c', s])],
		parsers: DRIZZLE_PARSERS
	});
	const db = drizzlePglite({ client: withoutQueryParsers(client), schema });
	try {
		await migratePglite(db, { migrationsFolder: options.migrationsFolder });
	} catch (error) {
		await client.close();
		release();
		throw error;
	}
	return {
		db,
		kind: 'pglite',
		async listen(channel, onPayload) {
			const unsubscribe = await client.listen(channel, onPayload);
			return unsubscribe;
		},
		async close() {
			await client.close();
			release();
		}
	};
}

/**
 * Settings of the embedded server. PGlite starts with PostgreSQL's 128 MB of shared buffers, which
 * it touches at start-up: most of the process's memory, for a database of a few megabytes whose
 * files the operating system caches anyway. 16 MB holds the working set of a campaign many times.
 */
const EMBEDDED_SETTINGS = ['shared_buffers=16MB'];

/**
 * What drizzle asks PGlite for on each query: dates, times and intervals as the strings PostgreSQL
 * sent (drizzle's own parsers, in drizzle-orm/pglite/session.js). PGlite merges a query's parsers
 * into its table of ~300 per-type parsers on every query — a third of a simple query's CPU time —
 * so they are set once on the client instead and stripped from each query (withoutQueryParsers).
 */
const keep = (value: string) => value;
const DRIZZLE_PARSERS = Object.fromEntries(
	[
		types.TIMESTAMP,
		types.TIMESTAMPTZ,
		types.INTERVAL,
		types.DATE,
		1231, // numeric[]
		1115, // timestamp[]
		1185, // timestamptz[]
		1187, // interval[]
		1182 // date[]
	].map((oid) => [oid, keep])
);

/** `query` of `target` with the per-query parsers dropped (they are the client's already). */
function dropParsers<T extends Pick<PGlite, 'query'>>(target: T): T {
	const query = target.query.bind(target);
	const plain: PGlite['query'] = (sql, params, options) => {
		if (!options?.parsers) return query(sql, params, options);
		const { parsers: _, ...rest } = options;
		return query(sql, params, rest);
	};
	return proxyWith(target, { query: plain });
}

/** `target` with `own` in place of some members; its other methods still run on `target`. */
function proxyWith<T extends object>(target: T, own: Record<string, unknown>): T {
	return new Proxy(target, {
		get(object, key) {
			if (typeof key === 'string' && key in own) return own[key];
			const value: unknown = Reflect.get(object, key, object);
			return typeof value === 'function' ? value.bind(object) : value;
		}
	});
}

/**
 * The client as drizzle sees it: queries and transactions without per-query parsers. The array
 * parsers PGlite builds at start-up for every type would override ours for the array types, so
 * ours are put back once it is ready.
 */
function withoutQueryParsers(client: PGlite): PGlite {
	// A failed start is reported by the first query (the migration); nothing to add here.
	client.waitReady.then(
		() => Object.assign(client.parsers, DRIZZLE_PARSERS),
		() => {}
	);
	const transaction = client.transaction.bind(client);
	const plain: PGlite['transaction'] = (callback) => transaction((tx) => callback(dropParsers(tx)));
	return proxyWith(dropParsers(client), { transaction: plain });
}

/**
 * The embedded database is one process's: a second one (the CLI while the server runs) would
 * corrupt it. A lock file with the owner's pid refuses that; a stale lock of a dead process is
 * taken over.
 */
function lockDataDir(dataDir: string): () => void {
	mkdirSync(dataDir, { recursive: true });
	const lockFile = path.join(dataDir, 'shortlist.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
			return () => rmSync(lockFile, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = Number(readFileSync(lockFile, 'utf8'));
			if (owner && owner !== process.pid && isAlive(owner)) {
				throw new Error(
					`嵌入式数据库 ${dataDir} 正被进程 ${owner} 使用（例如正在运行的服务器）。请先停止它，或改用 PostgreSQL（DATABASE_URL）。`
				);
			}
			rmSync(lockFile, { force: true });
		}
	}
	throw new Error(`无法锁定嵌入式数据库 ${dataDir}`);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
