/**
 * Sessions as the Lucia guide teaches: the browser holds a random token, the database holds its
 * SHA-256, so a leaked session table cannot be replayed. Sliding expiry.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { session as sessionTable, user as userTable, type Session, type User } from '../db/schema';
import { notifyAccessChanged } from './access';

/** Name of the cookie that carries the session token. */
export const SESSION_COOKIE = 'shortlist_session';

/** A session lives 12 hours and is renewed when less than half of that is left. */
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** The user fields every request may see; never the password hash. */
export type SessionUser = Pick<User, 'id' | 'username' | 'displayName' | 'isDemo'>;

export type SessionValidationResult =
	{ session: Session; user: SessionUser } | { session: null; user: null };

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Stores a new session for the user (and drops that user's expired ones). */
export async function createSession(db: Db, token: string, userId: number): Promise<Session> {
	await db
		.delete(sessionTable)
		.where(and(eq(sessionTable.userId, userId), lt(sessionTable.expiresAt, new Date())));
	const [created] = await db
		.insert(sessionTable)
		.values({ id: sessionIdOf(token), userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) })
		.returning();
	if (!created) throw new Error('session insert returned no row');
	return created;
}

export async function validateSessionToken(
	db: Db,
	token: string
): Promise<SessionValidationResult> {
	const sessionId = sessionIdOf(token);
	const [row] = await db
		.select({
			session: sessionTable,
			user: {
				id: userTable.id,
				username: userTable.username,
				displayName: userTable.displayName,
				isDemo: userTable.isDemo
			}
		})
		.from(sessionTable)
		.innerJoin(userTable, eq(sessionTable.userId, userTable.id))
		.where(eq(sessionTable.id, sessionId));
	if (!row) return { session: null, user: null };
	const { session, user } = row;
	const now = Date.now();
	if (now >= session.expiresAt.getTime()) {
		await db.delete(sessionTable).where(eq(sessionTable.id, sessionId));
		return { session: null, user: null };
	}
	if (now >= session.expiresAt.getTime() - SESSION_TTL_MS / 2) {
		session.expiresAt = new Date(now + SESSION_TTL_MS);
		await db
			.update(sessionTable)
			.set({ expiresAt: session.expiresAt })
			.where(eq(sessionTable.id, sessionId));
	}
	return { session, user };
}

/** Ends one session (sign-out); its open sockets are closed on every instance. */
export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const ended = await tx
			.delete(sessionTable)
			.where(eq(sessionTable.id, sessionId))
			.returning({ userId: sessionTable.userId });
		for (const { userId } of ended) await notifyAccessChanged(tx, userId);
	});
}

/**
 * Ends every session of a user: after a password or role change. Their open sockets are closed
 * on every instance.
 */
export async function invalidateUserSessions(db: Db, userId: number): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.delete(sessionTable).where(eq(sessionTable.userId, userId));
		await notifyAccessChanged(tx, userId);
	});
}

/**
 * Which of these sessions still exist and have not expired (the sockets' re-check; it does not
 * extend them — pages do).
 */
export async function activeSessionIds(db: Db, sessionIds: string[]): Promise<Set<string>> {
	if (sessionIds.length === 0) return new Set();
	const rows = await db
		.select({ id: sessionTable.id })
		.from(sessionTable)
		.where(and(inArray(sessionTable.id, sessionIds), gt(sessionTable.expiresAt, new Date())));
	return new Set(rows.map((row) => row.id));
}

/** The subset of SvelteKit's `Cookies` the helpers need (kept structural for plain Node use). */
interface CookieJar {
	set(name: string, value: string, options: CookieOptions): void;
	delete(name: string, options: CookieOptions): void;
}
interface CookieOptions {
	path: string;
	httpOnly?: boolean;
	sameSite?: 'lax';
	secure?: boolean;
	expires?: Date;
	maxAge?: number;
}

export function setSessionTokenCookie(
	cookies: CookieJar,
	token: string,
	expiresAt: Date,
	secure: boolean
): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionTokenCookie(cookies: CookieJar, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/** Reads the session token out of a raw `Cookie` header (WebSocket upgrades). */
export function sessionTokenFromCookieHeader(header: string | undefined): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const [name, ...rest] = part.trim().split('=');
		if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
	}
	return null;
}
