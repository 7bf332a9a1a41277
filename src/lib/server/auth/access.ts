/**
 * "This user's access may have changed": a NOTIFY that every instance's WebSocket router hears
 * (server/upgrade.ts), so it re-checks that user's open sockets — session still valid, role still
 * allowed — and closes the ones that fail with 4401 or 4403. Sent by sign-out, password changes
 * and role changes; send it too from any change that narrows what a user may see (a recusal).
 * PostgreSQL and PGlite deliver it after the transaction commits, to every listener.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db';

/** The NOTIFY channel; its payload is the user's id. */
export const ACCESS_CHANNEL = 'shortlist_access';

/** Tells every instance to re-check the open sockets of `userId` (inside a transaction: at commit). */
export async function notifyAccessChanged(db: Db, userId: number): Promise<void> {
	await db.execute(sql`select pg_notify(${ACCESS_CHANNEL}, ${String(userId)})`);
}
