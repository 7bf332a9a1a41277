/**
 * `validate` through the real CLI process: the SPEC §10 output for the shared sample (expected
 * findings read from sample.expected.md's table), the Chinese report, and the exit codes.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const samplePath = path.resolve('../shared/examples/sample.json');
const expectedPath = path.resolve('../shared/examples/sample.expected.md');
const scratch = mkdtempSync(path.join(tmpdir(), 'shortlist-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs `tsx server/cli.ts …` with a data folder that must stay untouched (validate has no db). */
function cli(...args: string[]): Promise<CliResult> {
	return new Promise((resolve) => {
		execFile(
			path.resolve('node_modules/.bin/tsx'),
			['server/cli.ts', ...args],
			{ env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(scratch, 'data') } },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
		);
	});
}

/** Rows of the expected-findings table: ref, code (null for "—") and severity. */
function expectedRows(): { ref: string; code: string | null; severity: string | null }[] {
	return readFileSync(expectedPath, 'utf8')
		.split('\n')
		.filter((line) => line.startsWith('|') && !/^\|\s*(ref|-)/.test(line))
		.map((line) => {
			const [ref = '', code = '', severity = ''] = line
				.split('|')
				.slice(1)
				.map((c) => c.trim());
			const none = (value: string) => (value === '—' ? null : value.replace(/`/g, ''));
			return { ref, code: none(code), severity: none(severity) };
		});
}

function writeScratch(name: string, content: string): string {
	const file = path.join(scratch, name);
	writeFileSync(file, content);
	return file;
}

describe('validate --json on the shared sample', () => {
	test('reports exactly the errors and warnings of sample.expected.md, and exits 1', async () => {
		const rows = expectedRows();
		expect(rows.length).toBeGreaterThanOrEqual(6);
		const result = await cli('validate', samplePath, '--json');
		expect(result.code).toBe(1);
		const output = JSON.parse(result.stdout) as { findings: Record<string, unknown>[] };
		expect(Object.keys(output)).toEqual(['findings']);
		for (const item of output.findings) {
			expect(Object.keys(item).sort()).toEqual(['code', 'field', 'message', 'ref', 'severity']);
			expect(String(item.message)).toMatch(/[\u4e00-\u9fff]/);
		}
		// The table lists what must be reported; "no error, no warning" leaves room for info.
		const reported = output.findings
			.filter((f) => f.severity !== 'info')
			.map((f) => `${String(f.ref)} ${String(f.code)} ${String(f.severity)}`)
			.sort();
		const expected = rows
			.filter((row) => row.code !== null)
			.map((row) => `${row.ref} ${row.code} ${row.severity}`)
			.sort();
		expect(reported).toEqual(expected);
		expect(existsSync(path.join(scratch, 'data'))).toBe(false);
	});
});

describe('validate without --json', () => {
	test('prints a Chinese report grouped by unit with a summary line', async () => {
		const result = await cli('validate', samplePath);
		expect(result.code).toBe(1);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines[0]).toBe('北碚区人大代表联系组（联系组，5 项推荐）');
		expect(lines[1]).toMatch(/^ {2}［本单位］\s+提醒\s+UNIT-LIMIT-SHORT/);
		expect(result.stdout).toMatch(/EX-2 \S+\s+错误\s+STAFF-TENURE/);
		// Fields are named in Chinese, from the form description; the JSON keeps the paths.
		expect(result.stdout).toMatch(/STAFF-TENURE\s+直接从事市人大代表工作年限（年）/);
		expect(result.stdout).toMatch(/SUGGESTION-NUMBER-FORMAT\s+建议编号/);
		expect(result.stdout).toMatch(/PRIORITY-HONOUR\s+奖励第1条/);
		expect(result.stdout).not.toMatch(/person\.|suggestion\.|nominations$/m);
		expect(lines.at(-1)).toMatch(/^共 5 项推荐、1 个推荐单位：2 个错误，1 个提醒，\d+ 个提示。/);
	});

	test('exits 0 when the only findings are warnings and infos', async () => {
		const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as {
			nominations: { ref: string }[];
		};
		sample.nominations = sample.nominations.filter((n) => !['EX-2', 'EX-5'].includes(n.ref));
		const result = await cli('validate', writeScratch('clean.json', JSON.stringify(sample)));
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('0 个错误');
	});
});

describe('validate on files it cannot use: exit 2, the reason on stderr, nothing on stdout', () => {
	const cases = [
		{ name: 'missing file', file: () => path.join(scratch, 'nope.json'), reason: /文件不存在/ },
		{ name: 'not JSON', file: () => writeScratch('bad.json', '{"format":'), reason: /合法的 JSON/ },
		{
			name: 'not shortlist/v1',
			file: () => writeScratch('v0.json', '{"format":"shortlist/v0","nominations":[{"track":1}]}'),
			reason: /format：应为 "shortlist\/v1"[\s\S]*nominations\[0\]\.track：/
		}
	];
	for (const { name, file, reason } of cases) {
		test(name, async () => {
			const result = await cli('validate', file(), '--json');
			expect(result.code).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(reason);
			expect(result.stderr).not.toMatch(/\n\s+at /);
		});
	}

	test('bad usage exits 2 with the usage text', async () => {
		const result = await cli('validate');
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('用法');
	});
});
