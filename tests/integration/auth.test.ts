import { eq, sql } from 'drizzle-orm';
import { presets } from '../../src/lib/domain/campaign';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn } from '../../src/lib/server/auth/sign-in';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { signInPolicy } from '../../src/lib/server/auth/rate-limit';
import { audit, campaign, rateLimit, session } from '../../src/lib/server/db/schema';
import { createUser, setMembership, setPassword } from '../../src/lib/server/users';
import { freshDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database.destroy();
});

async function auditActions(name: string): Promise<string[]> {
	const rows = await database.db
		.select({ action: audit.action })
		.from(audit)
		.where(eq(audit.actorName, name))
		.orderBy(audit.id);
	return rows.map((row) => row.action);
}

describe('signIn', () => {
	test('the right password signs in and is audited', async () => {
		const { id } = await createUser(database.db, {
			username: 'alice',
			displayName: '爱丽丝',
			password: PASSWORD
		});
		const result = await signIn(database.db, 'alice', PASSWORD, '10.0.0.1');
		expect(result).toEqual({ ok: true, userId: id });
		expect(await auditActions('alice')).toEqual(['auth.sign-in']);
	});

	test.each([
		['a wrong password', 'bob', 'wrong password!'],
		['an unknown username', 'nobody', PASSWORD]
	])('%s is refused and audited', async (_case, username, password) => {
		await createUser(database.db, {
			username: 'bob',
			displayName: '鲍勃',
			password: PASSWORD
		}).catch(() => {});
		const result = await signIn(database.db, username, password, '10.0.0.2');
		expect(result).toEqual({ ok: false, reason: 'invalid' });
		expect(await auditActions(username)).toContain('auth.sign-in-failed');
	});

	test('the failure just under the username limit still allows the right password', async () => {
		await createUser(database.db, { username: 'carol', displayName: '卡罗尔', password: PASSWORD });
		for (let i = 0; i < signInPolicy.perUsername - 1; i++) {
			await signIn(database.db, 'carol', 'nope', '10.0.1.1');
		}
		expect((await signIn(database.db, 'carol', PASSWORD, '10.0.1.1')).ok).toBe(true);
	});

	test('reaching the username limit blocks even the right password, from any address', async () => {
		await createUser(database.db, { username: 'dave', displayName: '戴夫', password: PASSWORD });
		for (let i = 0; i < signInPolicy.perUsername; i++) {
			await signIn(database.db, 'dave', 'nope', `10.0.2.${i}`);
		}
		const result = await signIn(database.db, 'dave', PASSWORD, '10.9.9.9');
		expect(result.ok).toBe(false);
		expect(result.ok === false && result.reason).toBe('limited');
		expect(await auditActions('dave')).toContain('auth.sign-in-blocked');
	});

	test('reaching the address limit blocks other usernames from that address only', async () => {
		await createUser(database.db, { username: 'erin', displayName: '艾琳', password: PASSWORD });
		for (let i = 0; i < signInPolicy.perAddress; i++) {
			await signIn(database.db, `guess${i}`, 'nope', '10.0.3.3');
		}
		const blocked = await signIn(database.db, 'erin', PASSWORD, '10.0.3.3');
		expect(blocked.ok === false && blocked.reason).toBe('limited');
		expect((await signIn(database.db, 'erin', PASSWORD, '10.0.3.4')).ok).toBe(true);
	});
});

describe('housekeeping', () => {
	test('counters of windows long over are swept on the next failure', async () => {
		await database.db.insert(rateLimit).values({
			key: 'user:long-gone',
			count: 3,
			resetAt: new Date(Date.now() - 2 * signInPolicy.windowMs)
		});
		await signIn(database.db, 'someone', 'nope', '10.7.7.7');
		expect(
			await database.db.select().from(rateLimit).where(eq(rateLimit.key, 'user:long-gone'))
		).toEqual([]);
	});

	test('a new session drops the user’s expired ones, not the live ones', async () => {
		const { id } = await createUser(database.db, {
			username: 'kim',
			displayName: '金',
			password: PASSWORD
		});
		const [expired, live] = [generateSessionToken(), generateSessionToken()];
		const old = await createSession(database.db, expired, id);
		await database.db
			.update(session)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(session.id, old.id));
		await createSession(database.db, live, id);
		await createSession(database.db, generateSessionToken(), id);
		const rows = await database.db.select().from(session).where(eq(session.userId, id));
		expect(rows).toHaveLength(2);
		expect(rows.map((row) => row.id)).not.toContain(old.id);
	});
});

describe('sessions', () => {
	test('a token validates to its user; the database stores only its hash', async () => {
		const { id } = await createUser(database.db, {
			username: 'frank',
			displayName: '弗兰克',
			password: PASSWORD
		});
		const token = generateSessionToken();
		const created = await createSession(database.db, token, id);
		expect(created.id).not.toContain(token);
		const result = await validateSessionToken(database.db, token);
		expect(result.user?.username).toBe('frank');
		expect(await validateSessionToken(database.db, `${token}x`)).toEqual({
			session: null,
			user: null
		});
	});

	test('an expired session is refused and removed', async () => {
		const { id } = await createUser(database.db, {
			username: 'grace',
			displayName: '格蕾丝',
			password: PASSWORD
		});
		const token = generateSessionToken();
		const created = await createSession(database.db, token, id);
		await database.db
			.update(session)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(session.id, created.id));
		expect((await validateSessionToken(database.db, token)).session).toBeNull();
		expect(await database.db.select().from(session).where(eq(session.id, created.id))).toEqual([]);
	});

	test('sign-out invalidates that session only', async () => {
		const { id } = await createUser(database.db, {
			username: 'heidi',
			displayName: '海蒂',
			password: PASSWORD
		});
		const [first, second] = [generateSessionToken(), generateSessionToken()];
		const firstSession = await createSession(database.db, first, id);
		await createSession(database.db, second, id);
		await invalidateSession(database.db, firstSession.id);
		expect((await validateSessionToken(database.db, first)).user).toBeNull();
		expect((await validateSessionToken(database.db, second)).user?.id).toBe(id);
	});

	test('a password change ends every session of the user', async () => {
		const { id } = await createUser(database.db, {
			username: 'ivan',
			displayName: '伊万',
			password: PASSWORD
		});
		const token = generateSessionToken();
		await createSession(database.db, token, id);
		await setPassword(database.db, id, 'another long password', null);
		expect((await validateSessionToken(database.db, token)).user).toBeNull();
		expect((await signIn(database.db, 'ivan', 'another long password', '10.1.1.1')).ok).toBe(true);
	});

	test('a role change ends every session of the user; granting a first role does not', async () => {
		const [{ id: campaignId }] = (await database.db
			.insert(campaign)
			.values({ name: '测试评选', parameters: presets['chongqing-2022'] })
			.returning({ id: campaign.id })) as [{ id: number }];
		const { id } = await createUser(database.db, {
			username: 'judy',
			displayName: '朱迪',
			password: PASSWORD
		});
		const token = generateSessionToken();
		await createSession(database.db, token, id);
		await setMembership(database.db, { userId: id, campaignId, role: 'panelist' }, null);
		expect((await validateSessionToken(database.db, token)).user?.id).toBe(id);
		await setMembership(database.db, { userId: id, campaignId, role: 'observer' }, null);
		expect((await validateSessionToken(database.db, token)).user).toBeNull();
	});
});

describe('audit trail', () => {
	test.each([
		['UPDATE', sql`UPDATE audit SET action = 'forged'`],
		['DELETE', sql`DELETE FROM audit`],
		['TRUNCATE', sql`TRUNCATE audit`]
	])('the database refuses %s', async (_op, statement) => {
		const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(audit);
		expect(before[0]?.n).toBeGreaterThan(0);
		const refusal = await database.db.execute(statement).then(
			() => null,
			(error: Error) => error
		);
		expect(String(refusal?.cause)).toMatch(/append-only/);
		const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(audit);
		expect(after[0]?.n).toBe(before[0]?.n);
	});
});
