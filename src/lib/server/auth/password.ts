/** Password hashing with argon2id (OWASP's minimum parameters, as the Lucia guide recommends). */
import { hash, verify } from '@node-rs/argon2';

const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

/** Shortest password accepted for a real account. */
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

export function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password);
}

/** A reason in Chinese when the password is too weak to use, else null. */
export function passwordProblem(password: string): string | null {
	if ([...password].length < MIN_PASSWORD_LENGTH) {
		return `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`;
	}
	if (/^(.)\1*$/u.test(password)) return '密码不能由同一个字符重复组成。';
	return null;
}
