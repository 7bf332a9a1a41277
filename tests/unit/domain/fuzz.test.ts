/**
 * Fuzz: thousands of random, mutated and truncated inputs (seeded, so every run is the same)
 * through parseInterchange and validateDocument. Neither may throw; each input yields either
 * structural errors or a list of well-formed findings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	fieldLabel,
	findingCodes,
	findingSeverities,
	parseInterchange,
	parseInterchangeJson,
	validateDocument,
	type ParseResult
} from '$lib/domain';

const sampleText = readFileSync(
	new URL('../../../../shared/examples/sample.json', import.meta.url),
	'utf8'
);

/** mulberry32: a small deterministic PRNG returning [0, 1). */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const KEYS = [
	'format',
	'campaign',
	'preset',
	'nominations',
	'ref',
	'track',
	'unit',
	'name',
	'kind',
	'person',
	'collective',
	'suggestion',
	'birth',
	'idNumber',
	'resume',
	'from',
	'to',
	'assessments',
	'year',
	'result',
	'unitNotice',
	'start',
	'end',
	'submittedAt',
	'employerAddress',
	'employerPostcode',
	'commendedBefore',
	'issuedOn',
	'sessionsHeld',
	'consultations',
	'dept',
	'date',
	'awards',
	'level'
];
const STRINGS = [
	'',
	' ',
	'shortlist/v1',
	'individual',
	'collective',
	'suggestion',
	'liaison_group',
	'chongqing-2022',
	'2022-10-17',
	'2022-02-30',
	'1972.08',
	'至今',
	'代表家站',
	'代表联络工作人员',
	'县处级正职',
	'市五届人大三次会议0418号',
	'11010519491231002X',
	'𠀀'.repeat(3),
	'\u0000',
	'__proto__'
];

function randomValue(random: () => number, depth: number): unknown {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
	const roll = random();
	if (depth <= 0 || roll < 0.3) {
		return pick<unknown>([
			null,
			true,
			false,
			0,
			-1,
			2.5,
			1e21,
			Number.MAX_SAFE_INTEGER,
			pick(STRINGS),
			pick(STRINGS)
		]);
	}
	if (roll < 0.55)
		return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth - 1));
	const value: Record<string, unknown> = {};
	const size = Math.floor(random() * 5);
	for (let i = 0; i < size; i++) value[pick(KEYS)] = randomValue(random, depth - 1);
	return value;
}

/**
 * The sample with the fields added in v1 filled in (issue 12): campaign issuedOn and
 * sessionsHeld, person.employerAddress/employerPostcode, suggestion.commendedBefore.
 */
const enrichedText = (() => {
	const doc = JSON.parse(sampleText) as {
		campaign: Record<string, unknown>;
		nominations: Record<string, Record<string, unknown>>[];
	};
	doc.campaign.issuedOn = '2022-10-17';
	doc.campaign.sessionsHeld = 5;
	for (const n of doc.nominations) {
		if (n.person)
			Object.assign(n.person, { employerAddress: '北碚区天生路2号', employerPostcode: '400700' });
		if (n.suggestion) n.suggestion.commendedBefore = true;
	}
	return JSON.stringify(doc);
})();

/** Replaces, deletes or truncates something at a random place in a copy of the sample. */
function mutate(random: () => number, source = sampleText): unknown {
	const doc: unknown = JSON.parse(source);
	const steps = 1 + Math.floor(random() * 4);
	for (let step = 0; step < steps; step++) {
		let node: unknown = doc;
		for (let depth = 0; depth < 6; depth++) {
			if (typeof node !== 'object' || node === null) break;
			const container = node as Record<string, unknown>;
			const keys = Object.keys(container);
			if (keys.length === 0) break;
			const key = keys[Math.floor(random() * keys.length)] as string;
			const child = container[key];
			const stop = random() < 0.3 || typeof child !== 'object' || child === null;
			if (!stop) {
				node = child;
				continue;
			}
			const action = random();
			if (action < 0.25) delete container[key];
			else if (action < 0.5) container[key] = randomValue(random, 2);
			else if (typeof child === 'string')
				container[key] = child.slice(0, Math.floor(random() * child.length));
			else if (Array.isArray(child)) child.length = Math.floor(random() * (child.length + 1));
			else container[key] = STRINGS[Math.floor(random() * STRINGS.length)];
			break;
		}
	}
	return doc;
}

function assertWellFormed(result: ParseResult) {
	if (!result.ok) {
		expect(result.errors.length).toBeGreaterThan(0);
		for (const error of result.errors) {
			expect(typeof error.path).toBe('string');
			expect(error.expected).toMatch(/[\u4e00-\u9fa5]/);
		}
		return 'structural';
	}
	const findings = validateDocument(result.document);
	expect(Array.isArray(findings)).toBe(true);
	for (const finding of findings) {
		expect(findingCodes).toContain(finding.code);
		expect(finding.severity).toBe(findingSeverities[finding.code]);
		expect(typeof finding.ref).toBe('string');
		expect(finding.message.length).toBeGreaterThan(0);
		expect(fieldLabel(finding.field).length).toBeGreaterThan(0);
	}
	return 'validated';
}

describe('fuzz: parseInterchange + validateDocument never throw', () => {
	test('3000 random JSON values', () => {
		const random = prng(20221017);
		for (let i = 0; i < 3000; i++) {
			const value = randomValue(random, 5);
			const wrapped = random() < 0.5 ? value : { format: 'shortlist/v1', nominations: [value] };
			expect(() => assertWellFormed(parseInterchange(wrapped))).not.toThrow();
		}
	});

	test('3000 mutations of the sample, some of which stay valid', () => {
		const random = prng(406);
		const outcomes = { structural: 0, validated: 0 };
		for (let i = 0; i < 3000; i++) outcomes[assertWellFormed(parseInterchange(mutate(random)))]++;
		expect(outcomes.structural).toBeGreaterThan(100);
		expect(outcomes.validated).toBeGreaterThan(100);
	});

	test('3000 mutations of the sample with the v1 additions filled in', () => {
		const random = prng(12);
		const outcomes = { structural: 0, validated: 0 };
		for (let i = 0; i < 3000; i++)
			outcomes[assertWellFormed(parseInterchange(mutate(random, enrichedText)))]++;
		expect(outcomes.structural).toBeGreaterThan(100);
		expect(outcomes.validated).toBeGreaterThan(100);
	});

	test('every truncation of the sample text', () => {
		const step = 7;
		let structural = 0;
		for (let end = 0; end < sampleText.length; end += step) {
			const result = parseInterchangeJson(sampleText.slice(0, end));
			assertWellFormed(result);
			if (!result.ok) structural++;
		}
		expect(structural).toBe(Math.ceil(sampleText.length / step));
	});
});
