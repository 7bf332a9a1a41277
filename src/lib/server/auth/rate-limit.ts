/**
 * Failed sign-in limits kept in the database, so they hold across several server instances:
 * a fixed window per username and per client address.
 */
import { and, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rateLimit } from '../db/schema';

export interface RateLimitPolicy {
	/** Failures allowed per username within the window. */
	perUsername: number;
	/** Failures allowed per client address within the window (an office shares one address). */
	perAddress: number;
	windowMs: number;
}

export const signInPolicy: RateLimitPolicy = {
	perUsername: 5,
	perAddress: 50,
	windowMs: 15 * 60 * 1000
};

export const usernameKey = (username: string) => `user:${username.toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

/** When sign-in is blocked for either key, the time it opens again; else null. */
export async function blockedUntil(
	db: Db,
	username: string,
	address: string,
	policy: RateLimitPolicy = signInPolicy
): Promise<Date | null> {
	const rows = await db
		.select()
		.from(rateLimit)
		.where(
			and(
				inArray(rateLimit.key, [usernameKey(username), addressKey(address)]),
				gt(rateLimit.resetAt, new Date())
			)
		);
	let until: Date | null = null;
	for (const row of rows) {
		const max = row.key.startsWith('user:') ? policy.perUsername : policy.perAddress;
		if (row.count >= max && (!until || row.resetAt > until)) until = row.resetAt;
	}
	return until;
}

/**
 * Counts one failed attempt against both keys, atomically (one upsert per key), and sweeps
 * counters whose window ended long ago so the table stays small.
 */
export async function recordFailure(
	db: Db,
	username: string,
	address: string,
	policy: RateLimitPolicy = signInPolicy
): Promise<void> {
	await db.delete(rateLimit).where(lt(rateLimit.resetAt, new Date(Date.now() - policy.windowMs)));
	const resetAt = new Date(Date.now() + policy.windowMs);
	for (const key of [usernameKey(username), addressKey(address)]) {
		await db
			.insert(rateLimit)
			.values({ key, count: 1, resetAt })
			.onConflictDoUpdate({
				target: rateLimit.key,
				set: {
					count: sql`CASE WHEN ${rateLimit.resetAt} <= now() THEN 1 ELSE ${rateLimit.count} + 1 END`,
					resetAt: sql`CASE WHEN ${rateLimit.resetAt} <= now() THEN excluded.reset_at ELSE ${rateLimit.resetAt} END`
				}
			});
	}
}

/** A successful sign-in clears the username's counter (not the address's). */
export async function clearFailures(db: Db, username: string): Promise<void> {
	await db.delete(rateLimit).where(inArray(rateLimit.key, [usernameKey(username)]));
}
