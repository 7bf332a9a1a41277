/**
 * The sign-in limit holds under concurrency (issue 7 finding 8): each attempt is counted in one
 * atomic upsert before its password is checked, so a burst cannot slip past the limit.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { signIn, type SignInResult } from '../../src/lib/server/auth/sign-in';
import { addressKey, signInPolicy, usernameKey } from '../../src/lib/server/auth/rate-limit';
import { audit, rateLimit } from '../../src/lib/server/db/schema';
import { createUser } from '../../src/lib/server/users';
import { freshDatabase, type TestDatabase } from '../helpers/db';

/** Every argon2 verification signIn makes (the real one runs; this only counts it). */
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/lib/server/auth/password', async (importOriginal) => {
	const original = await importOriginal<typeof import('../../src/lib/server/auth/password')>();
	return {
		...original,
		verifyPasswordHash: (hash: string, password: string) => {
			verifications.count++;
			return original.verifyPasswordHash(hash, password);
		}
	};
});

let database: TestDatabase;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database.destroy();
});
beforeEach(() => {
	verifications.count = 0;
});

async function auditCount(name: string, action: string): Promise<number> {
	const [row] = await database.db
		.select({ n: sql<number>`count(*)::int` })
		.from(audit)
		.where(and(eq(audit.actorName, name), eq(audit.action, action)));
	return row?.n ?? 0;
}

async function counter(key: string): Promise<number> {
	const [row] = await database.db.select().from(rateLimit).where(eq(rateLimit.key, key));
	return row?.count ?? 0;
}

function burst(username: string, passwords: string[], address: (i: number) => string) {
	return Promise.all(
		passwords.map((password, i) => signIn(database.db, username, password, address(i)))
	);
}

const refusedAsLimited = (result: SignInResult) => !result.ok && result.reason === 'limited';

describe('signIn under concurrency', () => {
	test('200 parallel wrong passwords for one account: at most the limit are checked', async () => {
		await createUser(database.db, { username: 'target', displayName: '靶子', password: PASSWORD });
		const results = await burst(
			'target',
			Array.from({ length: 200 }, (_, i) => `wrong ${i}`),
			(i) => `10.20.${i % 200}.1`
		);
		expect(verifications.count).toBe(signInPolicy.perUsername);
		expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(
			signInPolicy.perUsername
		);
		expect(results.filter(refusedAsLimited)).toHaveLength(200 - signInPolicy.perUsername);
		expect(await auditCount('target', 'auth.sign-in-failed')).toBe(signInPolicy.perUsername);
		expect(await auditCount('target', 'auth.sign-in-blocked')).toBe(200 - signInPolicy.perUsername);
	});

	test('once the limit is reached, a burst of 25 wrong plus the right password never signs in', async () => {
		await createUser(database.db, {
			username: 'victim',
			displayName: '受害者',
			password: PASSWORD
		});
		await burst(
			'victim',
			Array.from({ length: signInPolicy.perUsername }, () => 'nope'),
			() => '10.30.0.1'
		);
		verifications.count = 0;
		const passwords = [...Array.from({ length: 25 }, (_, i) => `wrong ${i}`), PASSWORD];
		const results = await burst('victim', passwords, (i) => `10.31.0.${i}`);
		expect(results.every(refusedAsLimited)).toBe(true);
		expect(verifications.count).toBe(0);
		expect(await auditCount('victim', 'auth.sign-in')).toBe(0);
	});

	test('a burst of 25 wrong plus the right password checks at most the limit of the wrong ones', async () => {
		await createUser(database.db, {
			username: 'walter',
			displayName: '沃尔特',
			password: PASSWORD
		});
		const passwords = [...Array.from({ length: 25 }, (_, i) => `wrong ${i}`), PASSWORD];
		const results = await burst('walter', passwords, (i) => `10.32.0.${i}`);
		const wrongChecked = results.filter((result) => !result.ok && result.reason === 'invalid');
		// The right password either came within the limit (and forgave only what was counted
		// before it) or was refused; either way the wrong ones checked stay within two limits.
		expect(wrongChecked.length).toBeLessThanOrEqual(2 * signInPolicy.perUsername);
		expect(results.filter((result) => result.ok).length).toBeLessThanOrEqual(1);
	});

	test('an address’s limit holds under a burst across many usernames', async () => {
		const results = await Promise.all(
			Array.from({ length: 120 }, (_, i) => signIn(database.db, `guess${i}`, 'nope', '10.41.0.1'))
		);
		expect(verifications.count).toBe(signInPolicy.perAddress);
		expect(results.filter(refusedAsLimited)).toHaveLength(120 - signInPolicy.perAddress);
	});
});

describe('what counts against the limit', () => {
	test('refused attempts give their count back: a locked-out user retrying does not lock the office', async () => {
		await createUser(database.db, { username: 'xena', displayName: '齐娜', password: PASSWORD });
		await createUser(database.db, { username: 'yuri', displayName: '尤里', password: PASSWORD });
		for (let i = 0; i < signInPolicy.perUsername; i++) {
			await signIn(database.db, 'xena', 'nope', '10.50.0.1');
		}
		for (let i = 0; i < signInPolicy.perAddress; i++) {
			expect(refusedAsLimited(await signIn(database.db, 'xena', PASSWORD, '10.50.0.1'))).toBe(true);
		}
		expect(await counter(addressKey('10.50.0.1'))).toBe(signInPolicy.perUsername);
		expect((await signIn(database.db, 'yuri', PASSWORD, '10.50.0.1')).ok).toBe(true);
	});

	test('successful sign-ins give their count back: a room signing in shares one address', async () => {
		const address = '10.60.0.1';
		await createUser(database.db, { username: 'screen1', displayName: '大屏', password: PASSWORD });
		for (let i = 0; i < signInPolicy.perAddress + 10; i++) {
			expect((await signIn(database.db, 'screen1', PASSWORD, address)).ok).toBe(true);
		}
		expect(await counter(addressKey(address))).toBe(0);
	});

	test('a success forgives the failures before it; the next failures count afresh', async () => {
		await createUser(database.db, { username: 'zoe', displayName: '佐伊', password: PASSWORD });
		for (let round = 0; round < 3; round++) {
			for (let i = 0; i < signInPolicy.perUsername - 1; i++) {
				await signIn(database.db, 'zoe', 'nope', '10.70.0.1');
			}
			expect((await signIn(database.db, 'zoe', PASSWORD, '10.70.0.1')).ok).toBe(true);
			expect(await counter(usernameKey('zoe'))).toBe(0);
		}
	});

	test('failures stay counted for the address after a success with another username', async () => {
		await createUser(database.db, { username: 'amy', displayName: '艾米', password: PASSWORD });
		for (let i = 0; i < 3; i++) await signIn(database.db, `nobody${i}`, 'nope', '10.80.0.1');
		expect((await signIn(database.db, 'amy', PASSWORD, '10.80.0.1')).ok).toBe(true);
		expect(await counter(addressKey('10.80.0.1'))).toBe(3);
	});
});
