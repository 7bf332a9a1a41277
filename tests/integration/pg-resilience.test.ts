import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/db';

/**
 * A PostgreSQL restart or a dropped connection must not take the server down: the pool replaces
 * idle connections, and the LISTEN connection comes back by itself and listens again.
 */
/** The rows of a raw query's result (node-postgres shape; the shared Db type leaves it open). */
function rowsOf<T>(result: unknown): T[] {
	return (result as { rows: T[] }).rows;
}

describe.runIf(process.env.DATABASE_URL)('losing PostgreSQL connections', () => {
	let database: TestDatabase;

	beforeAll(async () => {
		database = await freshDatabase();
	});
	afterAll(async () => {
		await database.destroy();
	});

	/** Ends other backends of this test's database whose last query matches `pattern`. */
	async function terminate(pattern: string): Promise<number> {
		const result = await database.db.execute(sql`
			select pg_terminate_backend(pid) as ended from pg_stat_activity
			where datname = current_database() and pid <> pg_backend_pid() and query like ${pattern}`);
		return rowsOf<{ ended: boolean }>(result).length;
	}

	test('the LISTEN connection reconnects and hears notifications again', async () => {
		const heard: string[] = [];
		let wake: () => void = () => {};
		await database.listen('resilience_test', (payload) => {
			heard.push(payload);
			wake();
		});
		expect(await terminate('LISTEN%')).toBe(1);
		// Notify until the listener is back (it retries after about a second).
		const back = new Promise<void>((resolve) => (wake = resolve));
		const notifying = setInterval(() => {
			// drizzle queries are lazy: they run when awaited or `then`-ed.
			database.db.execute(sql`select pg_notify('resilience_test', 'again')`).catch(() => {});
		}, 200);
		await back;
		clearInterval(notifying);
		expect(heard).toContain('again');
	});

	test('idle pool connections ended by the server are replaced on the next query', async () => {
		await Promise.all([1, 2, 3].map(() => database.db.execute(sql`select pg_sleep(0.05)`)));
		expect(await terminate('select pg_sleep%')).toBeGreaterThan(0);
		const [row] = rowsOf<{ ok: number }>(await database.db.execute(sql`select 1 as ok`));
		expect(row?.ok).toBe(1);
	});
});
