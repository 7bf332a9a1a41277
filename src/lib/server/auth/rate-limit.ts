/**
 * Sign-in limits kept in the database, so they hold across several server instances: a fixed
 * window per username and per client address.
 *
 * What a counter means: the sign-in attempts in its window that are still held against it.
 * Every attempt is counted in one atomic upsert *before* its password is checked, and only an
 * attempt whose new count is within the limit has its password checked at all — so however
 * many arrive at once, at most `perUsername` passwords are tried per username and window, and
 * at most `perAddress` per address (issue 7 finding 8). Afterwards:
 * - a failed check stays counted on both keys;
 * - an attempt refused by the limit gives its own count back (it checked nothing), so a
 *   locked-out user pressing 登录 again does not use up the office's shared address;
 * - a success gives its own count back on the address, and on the username forgives the
 *   attempts counted up to and including its own — attempts counted after it still count.
 * Hence the username limit reads "5 failed passwords per 15 minutes since the last success",
 * and the address limit "50 failed passwords per 15 minutes".
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rateLimit } from '../db/schema';

export interface RateLimitPolicy {
	/** Failures allowed per username within the window. */
	perUsername: number;
	/** Failures allowed per client address within the window (an office shares one address). */
	perAddress: number;
	windowMs: number;
}

/** The notice-independent default: 5 per username and 50 per address per 15 minutes. */
export const signInPolicy: RateLimitPolicy = {
	perUsername: 5,
	perAddress: 50,
	windowMs: 15 * 60 * 1000
};

/** Counter key of a username (case-insensitive). */
export const usernameKey = (username: string) => `user:${username.toLowerCase()}`;
/** Counter key of a client address. */
export const addressKey = (address: string) => `ip:${address}`;

/** One key's count as this attempt left it, and the end of that count's window. */
export interface CountedKey {
	key: string;
	count: number;
	resetAt: Date;
}

/** One attempt as counted: both keys, and whether it may have its password checked. */
export interface CountedAttempt {
	username: CountedKey;
	address: CountedKey;
	/** When either key is over its limit, the time the later of them opens again; else null. */
	limitedUntil: Date | null;
}

/**
 * Counts one sign-in attempt against the username and the address in a single atomic upsert
 * (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), starting a new window where the old one has
 * ended, and says whether the attempt is within both limits.
 */
export async function countAttempt(
	db: Db,
	username: string,
	address: string,
	policy: RateLimitPolicy = signInPolicy
): Promise<CountedAttempt> {
	const resetAt = new Date(Date.now() + policy.windowMs);
	const keys = { username: usernameKey(username), address: addressKey(address) };
	// Always the username row first, then the address row: concurrent upserts lock in one order.
	const rows = await db
		.insert(rateLimit)
		.values([
			{ key: keys.username, count: 1, resetAt },
			{ key: keys.address, count: 1, resetAt }
		])
		.onConflictDoUpdate({
			target: rateLimit.key,
			set: {
				count: sql`CASE WHEN ${rateLimit.resetAt} <= now() THEN 1 ELSE ${rateLimit.count} + 1 END`,
				resetAt: sql`CASE WHEN ${rateLimit.resetAt} <= now() THEN excluded.reset_at ELSE ${rateLimit.resetAt} END`
			}
		})
		.returning();
	const counted = (key: string): CountedKey => {
		const row = rows.find((candidate) => candidate.key === key);
		if (!row) throw new Error(`rate limit row ${key} not returned`);
		return row;
	};
	const attempt = { username: counted(keys.username), address: counted(keys.address) };
	let limitedUntil: Date | null = null;
	for (const [counter, max] of [
		[attempt.username, policy.perUsername],
		[attempt.address, policy.perAddress]
	] as const) {
		if (counter.count > max && (!limitedUntil || counter.resetAt > limitedUntil)) {
			limitedUntil = counter.resetAt;
		}
	}
	return { ...attempt, limitedUntil };
}

/** Takes `amount` back from a counter, if it is still in the window the attempt was counted in. */
async function giveBack(db: Db, counted: CountedKey, amount: number): Promise<void> {
	await db
		.update(rateLimit)
		.set({ count: sql`GREATEST(${rateLimit.count} - ${amount}, 0)` })
		.where(and(eq(rateLimit.key, counted.key), eq(rateLimit.resetAt, counted.resetAt)));
}

/** An attempt refused by the limit checked no password: it gives its count back on both keys. */
export async function releaseRefused(db: Db, attempt: CountedAttempt): Promise<void> {
	await giveBack(db, attempt.username, 1);
	await giveBack(db, attempt.address, 1);
}

/**
 * A successful sign-in gives its own count back on the address, and on the username forgives
 * every attempt counted up to and including its own (attempts counted after it still count).
 */
export async function settleSuccess(db: Db, attempt: CountedAttempt): Promise<void> {
	await giveBack(db, attempt.username, attempt.username.count);
	await giveBack(db, attempt.address, 1);
}

/** Sweeps counters whose window ended long ago, so the table stays small. */
export async function sweepExpired(db: Db, policy: RateLimitPolicy = signInPolicy): Promise<void> {
	await db.delete(rateLimit).where(lt(rateLimit.resetAt, new Date(Date.now() - policy.windowMs)));
}
