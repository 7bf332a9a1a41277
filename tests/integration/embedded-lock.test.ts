import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/lib/server/db';

const migrationsFolder = path.resolve('drizzle');
let dataDir: string;

afterEach(() => {
	rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database folder lock', () => {
	test('refuses a folder another live process holds, saying which', async () => {
		dataDir = mkdtempSync(path.join(tmpdir(), 'shortlist-lock-'));
		writeFileSync(path.join(dataDir, 'shortlist.lock'), String(process.ppid));
		await expect(openDatabase({ dataDir, migrationsFolder })).rejects.toThrow(
			new RegExp(`正被进程 ${process.ppid} 使用`)
		);
	});

	test('takes over the lock of a process that is gone, and releases it on close', async () => {
		dataDir = mkdtempSync(path.join(tmpdir(), 'shortlist-lock-'));
		const lockFile = path.join(dataDir, 'shortlist.lock');
		writeFileSync(lockFile, '2147483646');
		const database = await openDatabase({ dataDir, migrationsFolder });
		expect(existsSync(lockFile)).toBe(true);
		await database.close();
		expect(existsSync(lockFile)).toBe(false);
	});
});
