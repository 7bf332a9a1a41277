/**
 * Nothing from a file acts on the operator's terminal (issue 7 finding 9c): the CLI's report,
 * its JSON and its error messages show control characters and ANSI escapes as visible text.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { validateDocument } from '../../src/lib/domain/rules/validate';
import { formatFindingsReport } from '../../server/cli/findings-table';
import { terminalJson, terminalLines, terminalText } from '../../server/cli/terminal-text';
import { sample } from '../helpers/documents';

/** Anything a terminal acts on: C0 but the line feed, DEL, C1, separators and bidi controls. */
const ACTS_ON_TERMINAL =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const EVIL_NAME = '张三\x1b[31m\r伪造：全部通过';
const EVIL_REF = 'EX-1\x1b]0;pwned\x07';
const EVIL_UNIT = '北碚区\x9b2J人大代表联系组\u202e';

/** The shared sample with a name, a ref and a unit name that try to act on the terminal. */
function evilDocument() {
	const document = sample();
	const first = document.nominations.find((n) => n.ref === 'EX-1');
	if (first?.track !== 'individual') throw new Error('sample EX-1 is not an individual');
	first.person.name = EVIL_NAME;
	// A second nomination of the same person, so a DUPLICATE-NOMINEE message quotes the ref.
	const copy = structuredClone(first);
	copy.ref = EVIL_REF;
	copy.unit = { ...copy.unit, name: EVIL_UNIT };
	document.nominations.push(copy);
	return document;
}

describe('terminalText', () => {
	test.each([
		['colour', 'a\x1b[31mb', 'a\\x1b[31mb'],
		['carriage return', '张三\r李四', '张三\\r李四'],
		['line feed', 'a\nb', 'a\\nb'],
		['tab', 'a\tb', 'a\\tb'],
		['bell', 'a\x07', 'a\\x07'],
		['NUL', 'a\x00', 'a\\x00'],
		['DEL', 'a\x7f', 'a\\x7f'],
		['one-byte CSI (C1)', 'a\x9b31m', 'a\\x9b31m'],
		['right-to-left override', 'a\u202eb', 'a\\u202eb'],
		['line separator', 'a\u2028b', 'a\\u2028b'],
		['Chinese and full-width text stay', '重庆市（北碚区）', '重庆市（北碚区）'],
		['a backslash stays', 'a\\b', 'a\\b']
	])('%s', (_case, value, shown) => {
		expect(terminalText(value)).toBe(shown);
	});

	test('terminalLines keeps line feeds only', () => {
		expect(terminalLines('第一行\n\x1b[2J第二行\r')).toBe('第一行\n\\x1b[2J第二行\\r');
	});

	test('terminalJson parses back to the same value', () => {
		const value = { name: EVIL_UNIT, deeds: 'a\u2028b\x7f' };
		const shown = terminalJson(JSON.stringify(value, null, 2));
		expect(shown).not.toMatch(ACTS_ON_TERMINAL);
		expect(JSON.parse(shown)).toEqual(value);
	});
});

describe('formatFindingsReport', () => {
	test('a name with \\x1b[31m and \\r, an evil ref and unit name: printed visibly', () => {
		const document = evilDocument();
		const report = formatFindingsReport(document, validateDocument(document));
		expect(report).not.toMatch(ACTS_ON_TERMINAL);
		expect(report).toContain('EX-1\\x1b]0;pwned\\x07');
		expect(report).toContain('北碚区\\x9b2J人大代表联系组\\u202e');
		expect(report).toContain('DUPLICATE-NOMINEE');
		// No line of the report starts with text the file forged after a carriage return.
		expect(report.split('\n').some((line) => line.startsWith('伪造'))).toBe(false);
	});
});

describe('the CLI process', { timeout: 120_000 }, () => {
	const scratch = mkdtempSync(path.join(tmpdir(), 'shortlist-terminal-'));
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));

	function cli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
		return new Promise((resolve) => {
			execFile(
				path.resolve('node_modules/.bin/tsx'),
				['server/cli.ts', ...args],
				{ env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(scratch, 'data') } },
				(_error, stdout, stderr) => resolve({ stdout, stderr })
			);
		});
	}

	test('validate, as a report and as JSON, prints nothing that acts on the terminal', async () => {
		const file = path.join(scratch, 'evil.json');
		writeFileSync(file, JSON.stringify(evilDocument()));
		const report = await cli('validate', file);
		expect(report.stdout).toContain('\\x1b[31m');
		expect(report.stdout + report.stderr).not.toMatch(ACTS_ON_TERMINAL);
		const json = await cli('validate', file, '--json');
		expect(json.stdout + json.stderr).not.toMatch(ACTS_ON_TERMINAL);
		expect(JSON.parse(json.stdout)).toHaveProperty('findings');
	});

	test('an import refusal quoting the file’s refs and unit name shows them visibly', async () => {
		const file = path.join(scratch, 'twice.json');
		const document = evilDocument();
		// The same person twice from one unit: refused before the database is opened.
		for (const nomination of document.nominations) {
			if (nomination.ref === 'EX-1') nomination.unit = { ...nomination.unit, name: EVIL_UNIT };
		}
		writeFileSync(file, JSON.stringify(document));
		const result = await cli('import', file);
		expect(result.stderr).toContain('ref EX-1\\x1b]0;pwned\\x07');
		expect(result.stderr).toContain('北碚区\\x9b2J人大代表联系组\\u202e');
		expect(result.stdout + result.stderr).not.toMatch(ACTS_ON_TERMINAL);
	});
});
