/** Accounts and campaign roles. Changing a password or a role ends that user's sessions. */
import { and, eq } from 'drizzle-orm';
import type { Db } from './db';
import { membership, user, type Role } from './db/schema';
import { recordAudit } from './audit/record';
import { hashPassword } from './auth/password';
import { invalidateUserSessions } from './auth/session';

export interface NewUser {
	username: string;
	displayName: string;
	password: string;
	isDemo?: boolean;
}

/** A username: 2–40 of a–z, 0–9, `.`, `_`, `-`, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export async function createUser(db: Db, input: NewUser, actorId: number | null = null) {
	if (!USERNAME_PATTERN.test(input.username)) {
		throw new UserInputError(
			`用户名“${input.username}”不可用：请用 2–40 位小写字母、数字、点、下划线或连字符。`
		);
	}
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: user.id })
			.from(user)
			.where(eq(user.username, input.username));
		if (existing) throw new UserInputError(`用户名“${input.username}”已存在。`);
		const [created] = await tx
			.insert(user)
			.values({
				username: input.username,
				displayName: input.displayName,
				passwordHash,
				isDemo: input.isDemo ?? false
			})
			.returning({ id: user.id, username: user.username });
		if (!created) throw new Error('user insert returned no row');
		await recordAudit(tx, {
			action: 'user.create',
			actorId,
			subjectType: 'user',
			subjectId: created.id,
			after: { username: created.username }
		});
		return created;
	});
}

/** Sets a new password and signs the user out everywhere. */
export async function setPassword(
	db: Db,
	userId: number,
	password: string,
	actorId: number | null
) {
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		await tx.update(user).set({ passwordHash, isDemo: false }).where(eq(user.id, userId));
		await recordAudit(tx, {
			action: 'user.password',
			actorId,
			subjectType: 'user',
			subjectId: userId
		});
	});
	await invalidateUserSessions(db, userId);
}

export interface MembershipChange {
	userId: number;
	campaignId: number;
	role: Role;
	unitId?: number | null;
}

/**
 * Grants or changes a user's role in a campaign; a changed role signs the user out, which closes
 * their open sockets on every instance (4401).
 */
export async function setMembership(db: Db, change: MembershipChange, actorId: number | null) {
	if (change.role === 'unit' && !change.unitId) {
		throw new UserInputError('推荐单位账号必须关联一个推荐单位。');
	}
	const unitId = change.role === 'unit' ? (change.unitId ?? null) : null;
	const changed = await db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(membership)
			.where(
				and(eq(membership.userId, change.userId), eq(membership.campaignId, change.campaignId))
			);
		if (before && before.role === change.role && before.unitId === unitId) return false;
		await tx
			.insert(membership)
			.values({ userId: change.userId, campaignId: change.campaignId, role: change.role, unitId })
			.onConflictDoUpdate({
				target: [membership.userId, membership.campaignId],
				set: { role: change.role, unitId }
			});
		await recordAudit(tx, {
			action: 'membership.role',
			actorId,
			campaignId: change.campaignId,
			subjectType: 'user',
			subjectId: change.userId,
			before: before ? { role: before.role, unitId: before.unitId } : null,
			after: { role: change.role, unitId }
		});
		return Boolean(before);
	});
	if (changed) await invalidateUserSessions(db, change.userId);
}

/** A problem with what the person asked for; its message is safe to show them. */
export class UserInputError extends Error {
	override name = 'UserInputError';
}

/** True while any account still has the published demo password. */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
	const [row] = await db.select({ id: user.id }).from(user).where(eq(user.isDemo, true)).limit(1);
	return Boolean(row);
}
