/**
 * A fresh, migrated database for one test file: in-memory PGlite, or — when DATABASE_URL is set —
 * a PostgreSQL database cloned from the migrated template and dropped afterwards.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db';
import { adminQuery, withDatabase } from './global-setup';

export interface TestDatabase extends Database {
	/** Connection string of this file's PostgreSQL database, or undefined on PGlite. */
	url: string | undefined;
	/** Closes and, on PostgreSQL, drops the database. */
	destroy(): Promise<void>;
}

const migrationsFolder = path.resolve('drizzle');

export async function freshDatabase(): Promise<TestDatabase> {
	const baseUrl = process.env.DATABASE_URL;
	const template = inject('templateDatabase');
	if (!baseUrl || !template) {
		const database = await openDatabase({ migrationsFolder });
		return { ...database, url: undefined, destroy: () => database.close() };
	}
	const name = `shortlist_test_${randomBytes(6).toString('hex')}`;
	await createFromTemplate(baseUrl, name, template);
	const url = withDatabase(baseUrl, name);
	const database = await openDatabase({ url, migrationsFolder });
	return {
		...database,
		url,
		async destroy() {
			await database.close();
			await dropDatabase(baseUrl, name);
		}
	};
}

/** Two files cloning the template at the same instant can collide; try again briefly. */
async function createFromTemplate(baseUrl: string, name: string, template: string) {
	for (let attempt = 1; ; attempt++) {
		try {
			await adminQuery(baseUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
			return;
		} catch (error) {
			if (attempt >= 20) throw error;
			await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
		}
	}
}

/**
 * Drops a test database once its connections have gone; forcing it at once would kill
 * connections that are still closing, and their pool would report that as an error.
 */
async function dropDatabase(baseUrl: string, name: string) {
	for (let attempt = 1; attempt <= 20; attempt++) {
		try {
			await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name}`);
			return;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
		}
	}
	await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
