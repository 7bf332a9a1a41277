import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseInterchange, validateDocument } from '$lib/domain';

const shared = new URL('../../../../shared/examples/', import.meta.url);
const sample: unknown = JSON.parse(readFileSync(new URL('sample.json', shared), 'utf8'));
const expectedTable = readFileSync(new URL('sample.expected.md', shared), 'utf8');

/** The rows of sample.expected.md's table: ref, code (null for —), severity. */
function expectedRows(markdown: string) {
	return markdown
		.split('\n')
		.filter((line) => line.startsWith('|'))
		.map((line) =>
			line
				.split('|')
				.slice(1, -1)
				.map((cell) => cell.trim())
		)
		.filter((cells) => cells[0] !== 'ref' && !/^-+$/.test(cells[0] ?? ''))
		.map(([ref = '', code = '', severity = '']) => ({
			ref,
			code: code === '—' ? null : code.replace(/`/g, ''),
			severity: severity === '—' ? null : severity
		}));
}

describe('validateDocument on shared/examples/sample.json', () => {
	const parsed = parseInterchange(sample);
	const rows = expectedRows(expectedTable);

	test('the sample is structurally valid', () => {
		expect(parsed.ok).toBe(true);
	});

	test('errors and warnings are exactly those of sample.expected.md', () => {
		if (!parsed.ok) throw new Error('sample did not parse');
		const actual = validateDocument(parsed.document)
			.filter((f) => f.severity !== 'info')
			.map((f) => `${f.ref} ${f.code} ${f.severity}`);
		const expected = rows
			.filter((row) => row.code !== null)
			.map((row) => `${row.ref} ${row.code} ${row.severity}`);
		expect(rows.length).toBeGreaterThan(0);
		expect(actual).toEqual(expected);
	});

	test('refs the table marks clean have no error or warning', () => {
		if (!parsed.ok) throw new Error('sample did not parse');
		const findings = validateDocument(parsed.document);
		const clean = rows.filter((row) => row.code === null).map((row) => row.ref);
		expect(clean.length).toBeGreaterThan(0);
		for (const ref of clean) {
			expect(findings.filter((f) => f.ref === ref && f.severity !== 'info')).toEqual([]);
		}
	});
});
