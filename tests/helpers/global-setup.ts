/**
 * With DATABASE_URL set, migrates one template database once; each test file then clones it
 * (CREATE DATABASE … TEMPLATE), which takes milliseconds. Without it, files use in-memory PGlite.
 */
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/db';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Name of the migrated template database, or '' on PGlite. */
		templateDatabase: string;
	}
}

export default async function setup(project: TestProject) {
	const url = process.env.DATABASE_URL;
	if (!url) {
		project.provide('templateDatabase', '');
		return;
	}
	const template = `shortlist_template_${process.pid}`;
	await adminQuery(url, `DROP DATABASE IF EXISTS ${template}`);
	await adminQuery(url, `CREATE DATABASE ${template}`);
	const database = await openDatabase({
		url: withDatabase(url, template),
		migrationsFolder: path.resolve('drizzle')
	});
	await database.close();
	project.provide('templateDatabase', template);
	return async () => {
		await adminQuery(url, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
	};
}

export function withDatabase(url: string, name: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${name}`;
	return parsed.toString();
}

export async function adminQuery(url: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}
