/**
 * Starts the built server for the e2e suite on a throwaway database: a fresh PostgreSQL database
 * seeded with the demo when DATABASE_URL is set, else an empty PGlite folder (which seeds itself).
 * Cleans up when Playwright stops it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/seed';
import { adminQuery, withDatabase } from '../helpers/global-setup';

const port = process.env.E2E_PORT || '4173';
const baseUrl = process.env.DATABASE_URL;
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, ORIGIN: `http://localhost:${port}` };
let cleanup: () => Promise<void>;

if (baseUrl) {
	const name = `shortlist_e2e_${randomBytes(5).toString('hex')}`;
	await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
	env.DATABASE_URL = withDatabase(baseUrl, name);
	const database = await openDatabase({
		url: env.DATABASE_URL,
		migrationsFolder: path.resolve('drizzle')
	});
	await seedDemo(database.db);
	await database.close();
	cleanup = () => adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
} else {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'shortlist-e2e-'));
	env.DATA_DIR = dataDir;
	cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
}

const server = spawn(process.execPath, ['build/server.js'], { env, stdio: 'inherit' });
let stopping = false;
const stop = () => {
	if (stopping) return;
	stopping = true;
	server.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
	cleanup().then(
		() => process.exit(stopping ? 0 : (code ?? 1)),
		() => process.exit(1)
	);
});
