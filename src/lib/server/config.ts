/**
 * Settings read from the environment once, in one place. Plain Node (no $env), so the
 * production entry, the CLI and SvelteKit all share it.
 */
import path from 'node:path';

export interface Config {
	/** PostgreSQL URL; unset means embedded PGlite in `dataDir`. */
	databaseUrl: string | undefined;
	dataDir: string;
	migrationsFolder: string;
	/** Public origin (`ORIGIN`, as adapter-node reads it); sockets from other origins are refused. */
	origin: string | undefined;
	/** Seed the demo campaign into an empty embedded database at start. */
	seedDemo: boolean;
	/** Cookies carry `Secure` when the public origin is https. */
	secureCookies: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const origin = env.ORIGIN?.trim() || undefined;
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: path.resolve(env.DATA_DIR || 'data'),
		migrationsFolder: path.resolve(env.MIGRATIONS_DIR || 'drizzle'),
		origin,
		seedDemo: !/^(0|false|no|off)$/i.test(env.SHORTLIST_DEMO ?? '1'),
		secureCookies: origin?.startsWith('https:') ?? false
	};
}
