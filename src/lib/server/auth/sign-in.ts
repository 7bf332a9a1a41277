/**
 * The sign-in decision: the attempt is counted first (atomically, see rate-limit.ts), the
 * password is checked only when that count is within the limits; every outcome is audited.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { user } from '../db/schema';
import { recordAudit } from '../audit/record';
import { hashPassword, verifyPasswordHash } from './password';
import { countAttempt, releaseRefused, settleSuccess, sweepExpired } from './rate-limit';

/** A signed-in user, a wrong username or password, or a refusal by the limit until `retryAt`. */
export type SignInResult =
	| { ok: true; userId: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'limited'; retryAt: Date };

/** Verified against when the username is unknown, so both paths cost the same time. */
let decoyHash: Promise<string> | null = null;

/** Signs `username` in with `password` from `address`, or says why not. */
export async function signIn(
	db: Db,
	username: string,
	password: string,
	address: string
): Promise<SignInResult> {
	const attempt = await countAttempt(db, username, address);
	if (attempt.limitedUntil) {
		const retryAt = attempt.limitedUntil;
		await releaseRefused(db, attempt);
		await recordAudit(db, {
			action: 'auth.sign-in-blocked',
			actorName: username,
			ip: address,
			after: { retryAt: retryAt.toISOString() }
		});
		return { ok: false, reason: 'limited', retryAt };
	}
	const [found] = await db.select().from(user).where(eq(user.username, username));
	const valid = found
		? await verifyPasswordHash(found.passwordHash, password)
		: await rejectAfterDecoyCheck(password);
	if (!found || !valid) {
		await sweepExpired(db);
		await recordAudit(db, {
			action: 'auth.sign-in-failed',
			actorId: found?.id ?? null,
			actorName: username,
			ip: address
		});
		return { ok: false, reason: 'invalid' };
	}
	await settleSuccess(db, attempt);
	await recordAudit(db, {
		action: 'auth.sign-in',
		actorId: found.id,
		actorName: found.username,
		ip: address
	});
	return { ok: true, userId: found.id };
}

/** Spends the same argon2 work as a real check, then refuses: hides which usernames exist. */
async function rejectAfterDecoyCheck(password: string): Promise<false> {
	decoyHash ??= hashPassword('decoy-password-never-used');
	await verifyPasswordHash(await decoyHash, password);
	return false;
}
