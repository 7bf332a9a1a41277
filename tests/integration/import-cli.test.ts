/**
 * `import` and `export` through the real CLI process, on this file's PostgreSQL database when
 * DATABASE_URL is set, else on an embedded database in a scratch folder.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db';
import {
	audit,
	campaign,
	candidate,
	consultation,
	finding,
	unit
} from '../../src/lib/server/db/schema';
import { freshDatabase, type TestDatabase } from '../helpers/db';

const scratch = mkdtempSync(path.join(tmpdir(), 'shortlist-import-cli-'));
const dataDir = path.join(scratch, 'data');
const samplePath = path.resolve('../shared/examples/sample.json');
let postgres: TestDatabase | null = null;

beforeAll(async () => {
	if (process.env.DATABASE_URL) postgres = await freshDatabase();
});
afterAll(async () => {
	await postgres?.destroy();
	rmSync(scratch, { recursive: true, force: true });
});

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	const env = { ...process.env, DATABASE_URL: postgres?.url ?? '', DATA_DIR: dataDir };
	return new Promise((resolve) => {
		execFile(
			path.resolve('node_modules/.bin/tsx'),
			['server/cli.ts', ...args],
			{ env, maxBuffer: 1 << 26 },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
		);
	});
}

/** Row counts, read while the CLI is not running (the embedded database is one process's). */
async function counts() {
	const database: Database =
		postgres ?? (await openDatabase({ dataDir, migrationsFolder: path.resolve('drizzle') }));
	try {
		const tables = { campaign, unit, candidate, consultation, finding, audit };
		const out: Record<string, number> = {};
		for (const [name, table] of Object.entries(tables)) {
			const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
			out[name] = row?.n ?? 0;
		}
		return out;
	} finally {
		if (!postgres) await database.close();
	}
}

function writeScratch(name: string, value: unknown): string {
	const file = path.join(scratch, name);
	writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
	return file;
}

describe('npm run cli -- import', () => {
	test('into an empty database: creates the campaign from the document and says so', async () => {
		const result = await cli('import', samplePath);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(
			/新建评选活动 #\d+：重庆市人大代表履职贡献奖（2022）（导入自 sample\.json）/
		);
		expect(result.stdout).toMatch(/新增 5 项，更新 0 项/);
		expect(result.stdout).toMatch(/2 个错误，1 个提醒/);
		expect(await counts()).toMatchObject({ campaign: 1, unit: 1, candidate: 5 });
	});

	test('again: updates the same five, writes no duplicate', async () => {
		const before = await counts();
		const result = await cli('import', samplePath);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/新增 0 项，更新 5 项/);
		expect(await counts()).toEqual({ ...before, audit: before.audit! + 1 });
	});

	const refused = [
		{
			name: 'not shortlist/v1',
			code: 2,
			file: () => writeScratch('v0.json', { format: 'v0' }),
			reason: /format：应为/
		},
		{
			name: 'not JSON',
			code: 2,
			file: () => writeScratch('cut.json', '{"format":"shortlist/v1",'),
			reason: /合法的 JSON/
		},
		{
			name: 'the same nomination twice',
			code: 1,
			file: () => {
				const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as { nominations: unknown[] };
				sample.nominations.push(sample.nominations[0]);
				return writeScratch('twice.json', sample);
			},
			reason: /nominations\[0\][\s\S]*nominations\[5\][\s\S]*是同一推荐对象/
		}
	];
	for (const { name, code, file, reason } of refused) {
		test(`refuses a file that is ${name}: exit ${code}, nothing written`, async () => {
			const before = await counts();
			const result = await cli('import', file());
			expect(result.code).toBe(code);
			expect(result.stderr).toMatch(reason);
			expect(result.stderr).not.toMatch(/\n\s+at /);
			expect(await counts()).toEqual(before);
		});
	}
});

describe('npm run cli -- export', () => {
	test('writes the campaign as shortlist/v1 to stdout, and only that', async () => {
		const result = await cli('export', '--format', 'json');
		expect(result.code).toBe(0);
		const document = JSON.parse(result.stdout) as {
			format: string;
			nominations: { ref: string }[];
		};
		expect(document.format).toBe('shortlist/v1');
		expect(document.nominations.map((n) => n.ref)).toEqual([
			'EX-1',
			'EX-2',
			'EX-3',
			'EX-4',
			'EX-5'
		]);
	});

	test('--out writes the file and warns about personal data', async () => {
		const out = path.join(scratch, 'backup.json');
		const result = await cli('export', '--campaign', '1', '--format', 'json', '--out', out);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain('个人信息');
		expect((JSON.parse(readFileSync(out, 'utf8')) as { format: string }).format).toBe(
			'shortlist/v1'
		);
	});

	test('refuses an unknown format with exit 2', async () => {
		const result = await cli('export', '--format', 'xlsx');
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('未知导出格式');
	});
});
