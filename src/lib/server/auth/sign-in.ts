/** The sign-in decision: rate limit first, then the password; every outcome is audited. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { user } from '../db/schema';
import { recordAudit } from '../audit/record';
import { hashPassword, verifyPasswordHash } from './password';
import { blockedUntil, clearFailures, recordFailure } from './rate-limit';

export type SignInResult =
	| { ok: true; userId: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'limited'; retryAt: Date };

/** Verified against when the username is unknown, so both paths cost the same time. */
let decoyHash: Promise<string> | null = null;

export async function signIn(
	db: Db,
	username: string,
	password: string,
	address: string
): Promise<SignInResult> {
	const retryAt = await blockedUntil(db, username, address);
	if (retryAt) {
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
		await recordFailure(db, username, address);
		await recordAudit(db, {
			action: 'auth.sign-in-failed',
			actorId: found?.id ?? null,
			actorName: username,
			ip: address
		});
		return { ok: false, reason: 'invalid' };
	}
	await clearFailures(db, username);
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
