import { describe, expect, test } from 'vitest';
import { consultationStatus, requiredConsultations } from '$lib/domain/consultations';
import { parseInterchange } from '$lib/domain/interchange';
import { validateDocument } from '$lib/domain/rules/validate';
import { generateDemo } from '$lib/server/demo';

/**
 * The demo against the app's own intake: it must import, and the domain validator must find
 * exactly the planted §4 problems — CONSULT-MISSING and CONSULT-OBJECTION included, checked at
 * intake — and the nominations the §3 consultation gate holds back are exactly those two plants.
 */
describe.each([2022, 3, 7, 19, 123456])('seed %i against the domain rules', (seed) => {
	const demo = generateDemo(seed);
	const parsed = parseInterchange(demo.document);

	test('parses as shortlist/v1', () => {
		expect(parsed.ok ? [] : parsed.errors.slice(0, 5)).toEqual([]);
	});

	test('validateDocument finds exactly the planted SPEC §4 problems', () => {
		if (!parsed.ok) throw new Error('document did not parse');
		const found = validateDocument(parsed.document).map((f) => `${f.ref} ${f.code}`);
		const planted = demo.planted.map((p) => `${p.ref} ${p.code}`);
		expect([...new Set(found)].sort()).toEqual(planted.sort());
	});

	test('only the planted CONSULT-MISSING and CONSULT-OBJECTION nominations are held at the gate', () => {
		if (!parsed.ok) throw new Error('document did not parse');
		const outstanding = parsed.document.nominations
			.filter((n) => !consultationStatus(requiredConsultations(n), n.consultations).allClear)
			.map((n) => n.ref);
		const planted = demo.planted
			.filter((p) => p.code === 'CONSULT-MISSING' || p.code === 'CONSULT-OBJECTION')
			.map((p) => p.ref);
		expect(outstanding.sort()).toEqual(planted.sort());
	});
});
