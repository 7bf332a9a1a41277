/**
 * `import` and `export` through the real CLI process, on this file's PostgreSQL database when
 * DATABASE_URL is set, else on an embedded database in a scratch folder.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db';
import {
	audit,
	boardEvent,
	campaign,
	candidate,
	consultation,
	finding,
	unit
} from '../../src/lib/server/db/schema';
import { generateDemo } from '../../src/lib/server/demo';
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

/** Reads the database while the CLI is not running (the embedded database is one process's). */
async function reading<T>(read: (database: Database) => Promise<T>): Promise<T> {
	const database: Database =
		postgres ?? (await openDatabase({ dataDir, migrationsFolder: path.resolve('drizzle') }));
	try {
		return await read(database);
	} finally {
		if (!postgres) await database.close();
	}
}

/** Row counts of everything an import writes, board events included. */
async function counts() {
	return reading(async (database) => {
		const tables = { campaign, unit, candidate, consultation, finding, audit, boardEvent };
		const out: Record<string, number> = {};
		for (const [name, table] of Object.entries(tables)) {
			const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
			out[name] = row?.n ?? 0;
		}
		return out;
	});
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
		// One audit row and one board.reloaded event, so open boards reload.
		expect(await counts()).toEqual({
			...before,
			audit: before.audit! + 1,
			boardEvent: before.boardEvent! + 1
		});
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
		},
		{
			name: 'a 50 MB 主要事迹 (over its cap of 20,000 characters)',
			code: 2,
			file: () => {
				const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as {
					nominations: { person: { deeds: string } }[];
				};
				sample.nominations[0]!.person.deeds = 'x'.repeat(50 * 1024 * 1024);
				return writeScratch('huge-deeds.json', sample);
			},
			reason:
				/nominations\[0\]\.person\.deeds：推荐编号 EX-1 的“主要事迹”超过导入上限 20,000 字（现有约 52,428,800 字，通知要求 2000 字以内）/
		},
		{
			name: 'over 100 MB (refused before reading it)',
			code: 2,
			file: () => {
				const file = writeScratch('huge.json', '');
				truncateSync(file, 100 * 1024 * 1024 + 1);
				return file;
			},
			reason: /有 101 MB，超过导入上限 100 MB，未读取/
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

// Each test runs the CLI two or three times (export, import, reads between them).
describe('npm run cli -- import --restore', { timeout: 120_000 }, () => {
	/** The campaign's backup as the CLI exports it, with `stages` laid over its board blocks. */
	async function backupWith(
		name: string,
		stages: Record<string, readonly [string, string | null]>
	) {
		const exported = await cli('export', '--format', 'json');
		expect(exported.code).toBe(0);
		const backup = JSON.parse(exported.stdout) as {
			nominations: { ref: string; board: { stage: string; proposedTrack: string | null } }[];
		};
		for (const nomination of backup.nominations) {
			const [stage, proposedTrack] = stages[nomination.ref] ?? ['submitted', null];
			Object.assign(nomination.board, { stage, proposedTrack });
		}
		return writeScratch(name, backup);
	}

	const places = () =>
		reading((database) =>
			database.db
				.select({ ref: candidate.ref, stage: candidate.stage, track: candidate.proposedTrack })
				.from(candidate)
				.orderBy(asc(candidate.ref))
		);

	const stages = { 'EX-1': ['proposed', 'individual'], 'EX-4': ['joint', null] } as const;

	test('a backup with stages without --restore: refused, names --restore, nothing written', async () => {
		const file = await backupWith('staged.json', { ...stages });
		const before = await counts();
		const result = await cli('import', file);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/带有看板状态（board[\s\S]*import --restore/);
		expect(await counts()).toEqual(before);
	});

	test('with --restore: stages set, audited as a restore by the CLI, one board.reloaded', async () => {
		const file = await backupWith('staged.json', { ...stages });
		const before = await counts();
		const result = await cli('import', file, '--restore');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/已恢复备份到评选活动 #1/);
		expect(result.stdout).toMatch(/已按备份恢复 2 个候选对象的看板阶段/);
		expect(await places()).toEqual([
			{ ref: 'EX-1', stage: 'proposed', track: 'individual' },
			{ ref: 'EX-2', stage: 'submitted', track: null },
			{ ref: 'EX-3', stage: 'submitted', track: null },
			{ ref: 'EX-4', stage: 'joint', track: null },
			{ ref: 'EX-5', stage: 'submitted', track: null }
		]);
		// The restore row, one candidate.restore row per moved candidate, one event.
		expect(await counts()).toEqual({
			...before,
			audit: before.audit! + 3,
			boardEvent: before.boardEvent! + 1
		});
		const [row] = await reading((database) =>
			database.db.select().from(audit).where(eq(audit.action, 'restore'))
		);
		expect(row).toMatchObject({
			actorId: null,
			actorName: 'cli',
			after: { nominations: 5, moved: 2, stages: { proposed: 1, joint: 1, submitted: 3 } }
		});
	});

	test('with --restore over a quota (51 of 50 individuals): refused, nothing written', async () => {
		const demo = generateDemo().document as {
			nominations: { ref: string; track: string; board?: unknown }[];
		};
		let proposed = 0;
		for (const nomination of demo.nominations) {
			const listed = nomination.track === 'individual' && proposed++ < 51;
			nomination.board = listed
				? { stage: 'proposed', proposedTrack: 'individual' }
				: { stage: 'submitted' };
		}
		const file = writeScratch('over-quota.json', demo);
		const before = await counts();
		const placesBefore = await places();
		const result = await cli('import', file, '--restore', '--campaign', '1');
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/“先进个人”.*有 52 项，超过本评选活动的名额 50 项/);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(await counts()).toEqual(before);
		expect(await places()).toEqual(placesBefore);
	});
});
