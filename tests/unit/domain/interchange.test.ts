import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatPath, parseInterchange, parseInterchangeJson, validateDocument } from '$lib/domain';

const sampleText = readFileSync(
	new URL('../../../../shared/examples/sample.json', import.meta.url),
	'utf8'
);
const sample = () =>
	JSON.parse(sampleText) as { nominations: Record<string, unknown>[]; [key: string]: unknown };
const person = (doc: ReturnType<typeof sample>, i: number) =>
	doc.nominations[i]?.person as Record<string, unknown>;

describe('formatPath', () => {
	test.each([
		[[], ''],
		[['format'], 'format'],
		[['nominations', 3, 'person', 'birth'], 'nominations[3].person.birth'],
		[['nominations', 0, 'person', 'resume', 1, 'from'], 'nominations[0].person.resume[1].from']
	] as [PropertyKey[], string][])('%j → %s', (path, expected) => {
		expect(formatPath(path)).toBe(expected);
	});
});

describe('parseInterchange: structural errors', () => {
	const cases: [string, (doc: ReturnType<typeof sample>) => unknown, string, RegExp][] = [
		['not an object', () => 42, '', /JSON 对象/],
		['wrong format', (d) => ({ ...d, format: 'shortlist/v2' }), 'format', /shortlist\/v1/],
		['missing nominations', (d) => ({ format: d.format }), 'nominations', /缺少此项/],
		[
			'birth of the wrong type',
			(d) => ((person(d, 0).birth = 197208), d),
			'nominations[0].person.birth',
			/字符串/
		],
		[
			'unknown track',
			(d) => ((d.nominations[3]!.track = 'group'), d),
			'nominations[3].track',
			/collective、individual、suggestion/
		],
		[
			'form missing for its track',
			(d) => (delete d.nominations[4]!.suggestion, d),
			'nominations[4].suggestion',
			/缺少此项/
		],
		[
			'two forms',
			(d) => ((d.nominations[0]!.collective = {}), d),
			'nominations[0].collective',
			/不应出现/
		],
		[
			'unit kind outside the list',
			(d) => (((d.nominations[1]!.unit as Record<string, unknown>).kind = '区县'), d),
			'nominations[1].unit.kind',
			/liaison_group/
		],
		[
			'impossible date',
			(d) => ((d.nominations[2]!.submittedAt = '2022-02-30'), d),
			'nominations[2].submittedAt',
			/YYYY-MM-DD/
		],
		[
			'flag as a string',
			(d) => ((person(d, 0).enterpriseHead = 'false'), d),
			'nominations[0].person.enterpriseHead',
			/布尔值/
		],
		[
			'assessment year as text',
			(d) => ((person(d, 1).assessments = [{ year: '2018', result: '称职' }]), d),
			'nominations[1].person.assessments[0].year',
			/年份/
		],
		[
			'unknown preset',
			(d) => ({ ...d, campaign: { preset: 'beijing-2023' } }),
			'campaign.preset',
			/chongqing-2022/
		],
		[
			'nomination not an object',
			(d) => ((d.nominations[0] = 'EX-1' as never), d),
			'nominations[0]',
			/推荐对象/
		]
	];
	test.each(cases)('%s', (_name, mutate, path, expected) => {
		const result = parseInterchange(mutate(sample()));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const error = result.errors.find((e) => e.path === path);
		expect(error, JSON.stringify(result.errors)).toBeDefined();
		expect(error?.expected).toMatch(expected);
	});
});

describe('parseInterchange: leniency (findings, not structure)', () => {
	test('values the rules judge pass the structure check and become findings', () => {
		const doc = sample();
		Object.assign(person(doc, 0), {
			birth: '1972年8月',
			gender: '男性',
			name: '',
			party: null,
			photo: undefined
		});
		delete person(doc, 0).awards;
		const result = parseInterchange(doc);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const codes = validateDocument(result.document)
			.filter((f) => f.ref === 'EX-1')
			.map((f) => f.code);
		expect(codes).toEqual(
			expect.arrayContaining(['BIRTH-FORMAT', 'ENUM-INVALID', 'REQUIRED-MISSING', 'PHOTO-MISSING'])
		);
	});

	test('missing text reads as empty, missing lists as empty', () => {
		const doc = sample();
		delete person(doc, 0).deeds;
		delete person(doc, 0).punishments;
		const result = parseInterchange(doc);
		expect(
			result.ok &&
				result.document.nominations[0]?.track === 'individual' &&
				result.document.nominations[0].person
		).toMatchObject({
			deeds: '',
			punishments: []
		});
	});

	test('campaign parameters are optional and merged over the preset', () => {
		const result = parseInterchange({ ...sample(), campaign: { quotas: { station: 100 } } });
		expect(result.ok).toBe(true);
	});
});

describe('parseInterchangeJson', () => {
	test('reports a syntax error at the root', () => {
		const result = parseInterchangeJson(sampleText.slice(0, 100));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]).toMatchObject({ path: '' });
	});
	test('parses the sample', () => {
		expect(parseInterchangeJson(sampleText).ok).toBe(true);
	});
});
