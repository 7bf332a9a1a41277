/**
 * The process-wide services: one database handle and one live hub, shared by the SvelteKit
 * handler, the WebSocket server and the dev-server plugin. Kept on `globalThis` because those
 * load this module through different bundles; two PGlite handles on one folder would corrupt it.
 */
import { readConfig, type Config } from './config';
import { openDatabase, type Database, type Db } from './db';
import { BoardFeed } from './live/feed';
import { LiveHub } from './live/hub';

export interface Runtime {
	config: Config;
	database: Database;
	db: Db;
	hub: LiveHub;
	feed: BoardFeed;
}

const RUNTIME_KEY = Symbol.for('shortlist.runtime');
type RuntimeHolder = { [RUNTIME_KEY]?: Promise<Runtime> };

/**
 * Opens the database (migrating it), seeds the demo into an empty embedded one, and starts the
 * board feed. Exported for tests that run two instances in one process; the app uses getRuntime.
 */
export async function startRuntime(config: Config): Promise<Runtime> {
	const database = await openDatabase({
		url: config.databaseUrl,
		dataDir: config.dataDir,
		migrationsFolder: config.migrationsFolder
	});
	if (database.kind === 'pglite' && config.seedDemo) {
		// Loaded only to seed: the demo's generator and the import stay out of a server's memory.
		const { seedDemoIfEmpty } = await import('./seed');
		await seedDemoIfEmpty(database.db);
	}
	const hub = new LiveHub();
	const feed = new BoardFeed(database, hub);
	await feed.start();
	return { config, database, db: database.db, hub, feed };
}

/** The runtime of this process, started on first use. */
export function getRuntime(config: Config = readConfig()): Promise<Runtime> {
	const holder = globalThis as RuntimeHolder;
	holder[RUNTIME_KEY] ??= startRuntime(config);
	return holder[RUNTIME_KEY];
}

/** Closes the database and forgets the runtime (shutdown, tests). */
export async function stopRuntime(): Promise<void> {
	const holder = globalThis as RuntimeHolder;
	const running = holder[RUNTIME_KEY];
	delete holder[RUNTIME_KEY];
	if (!running) return;
	const runtime = await running;
	await runtime.feed.stop();
	await runtime.database.close();
}
