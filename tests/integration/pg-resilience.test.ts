import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { moveCandidates } from '../../src/lib/server/board/move';
import { isConnectionLost } from '../../src/lib/server/db/errors';
import { candidate, finding, user } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/seed';
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

/**
 * Issue 7, finding 2: a failover or an idle-connection killer mid-meeting costs at most the
 * requests in flight. The moves wait inside their transactions (the campaign row is held), their
 * backends are terminated, and the process must not die of the 'error' a checked-out client emits.
 */
describe.runIf(process.env.DATABASE_URL)('moves while the app’s backends are terminated', () => {
	let database: TestDatabase;
	let campaignId: number;
	let actor: { id: number; name: string };
	const escaped: unknown[] = [];
	const onEscaped = (error: unknown) => escaped.push(error);

	beforeAll(async () => {
		process.on('uncaughtException', onEscaped);
		process.on('unhandledRejection', onEscaped);
		database = await freshDatabase();
		({ campaignId } = await seedDemo(database.db));
		const [secretary] = await database.db.select().from(user).where(eq(user.username, 'secretary'));
		actor = { id: secretary!.id, name: 'secretary' };
	});
	afterAll(async () => {
		await database.destroy();
		process.off('uncaughtException', onEscaped);
		process.off('unhandledRejection', onEscaped);
	});

	test('30 moves in flight: the process lives, the cut-off moves say so, the next ones succeed', async () => {
		const clean = await database.db
			.select({ id: candidate.id })
			.from(candidate)
			.where(
				and(
					eq(candidate.campaignId, campaignId),
					eq(candidate.stage, 'submitted'),
					sql`${candidate.id} not in (select candidate_id from ${finding} where severity = 'error' and candidate_id is not null)`
				)
			)
			.limit(33);
		expect(clean).toHaveLength(33);
		const move = (id: number) =>
			moveCandidates(database.db, { campaignId, candidateIds: [id], to: 'preliminary', actor });

		// Another session holds the campaign row: every move waits inside its transaction.
		const admin = new pg.Client({ connectionString: database.url });
		admin.on('error', () => {});
		await admin.connect();
		try {
			await admin.query('begin');
			await admin.query('select id from campaign where id = $1 for update', [campaignId]);
			const moves = clean.slice(0, 30).map(({ id }) =>
				move(id).then(
					() => null,
					(error: unknown) => error
				)
			);
			let waiting = 0;
			for (let i = 0; i < 200 && waiting < 10; i++) {
				await new Promise((resolve) => setTimeout(resolve, 25));
				// Inside a transaction the activity view is a snapshot: take a fresh one.
				await admin.query('select pg_stat_clear_snapshot()');
				const { rows } = await admin.query<{ n: string }>(
					`select count(*) as n from pg_stat_activity
					 where datname = current_database() and wait_event_type = 'Lock'`
				);
				waiting = Number(rows[0]!.n);
			}
			expect(waiting).toBe(10); // the whole pool is in flight
			await admin.query('select pg_stat_clear_snapshot()');
			const { rows: ended } = await admin.query(
				`select pg_terminate_backend(pid) from pg_stat_activity
				 where datname = current_database() and pid <> pg_backend_pid()
				   and backend_type = 'client backend'`
			);
			expect(ended.length).toBeGreaterThanOrEqual(10);
			await admin.query('rollback');

			const failures = (await Promise.all(moves)).filter((error) => error !== null);
			expect(failures.length).toBeGreaterThanOrEqual(10);
			for (const error of failures) expect(isConnectionLost(error)).toBe(true);
		} finally {
			await admin.end();
		}

		// The pool replaced its connections: the next moves go through.
		for (const { id } of clean.slice(30)) {
			const result = await move(id);
			expect(result.outcomes).toEqual([expect.objectContaining({ candidateId: id, ok: true })]);
		}
		expect(escaped).toEqual([]);
	});
});
