/** Fresh databases for the benches that write: an in-memory PGlite, or a PostgreSQL database. */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/lib/server/db';
import { createCampaign } from '../../src/lib/server/seed';
import { adminQuery, withDatabase } from '../helpers/global-setup';

const migrationsFolder = path.resolve('drizzle');

/** A fresh migrated database with an empty campaign; `drop` removes it again. */
export interface Target {
	database: Database;
	campaignId: number;
	drop: () => Promise<void>;
}

/** A fresh in-memory PGlite with an empty campaign. */
export async function freshPglite(): Promise<Target> {
	const database = await openDatabase({ migrationsFolder });
	const campaignId = await createCampaign(database.db, 'bench', 'chongqing-2022');
	return { database, campaignId, drop: () => database.close() };
}

/** A fresh PostgreSQL database (created beside `baseUrl`'s) with an empty campaign. */
export async function freshPostgres(baseUrl: string): Promise<Target> {
	const name = `shortlist_bench_${randomBytes(5).toString('hex')}`;
	await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
	const database = await openDatabase({ url: withDatabase(baseUrl, name), migrationsFolder });
	const campaignId = await createCampaign(database.db, 'bench', 'chongqing-2022');
	return {
		database,
		campaignId,
		drop: async () => {
			await database.close();
			await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		}
	};
}

/** The fresh targets to bench on: PGlite, and PostgreSQL when DATABASE_URL is set. */
export function benchTargets(): [string, () => Promise<Target>][] {
	const targets: [string, () => Promise<Target>][] = [['PGlite', freshPglite]];
	const baseUrl = process.env.DATABASE_URL;
	if (baseUrl) targets.push(['PostgreSQL', () => freshPostgres(baseUrl)]);
	return targets;
}
