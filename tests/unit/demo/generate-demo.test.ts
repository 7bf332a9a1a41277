import { describe, expect, test } from 'vitest';
import { generateDemo, type DemoData, type DemoNomination } from '$lib/server/demo';

const demo = generateDemo();
const nominations = demo.document.nominations;
const plantedRefs = (code?: string): Set<string> =>
	new Set(demo.planted.filter((p) => code === undefined || p.code === code).map((p) => p.ref));

/** GB 11643-1999: weights of the first 17 digits, check characters by sum mod 11. */
function gb11643Valid(id: string): boolean {
	if (!/^\d{17}[\dX]$/.test(id)) return false;
	const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const sum = weights.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
	return '10X98765432'[sum % 11] === id[17];
}

const SUGGESTION_NUMBER = /^市五届人大([一二三四五六七八九十]+|\d+)次会议(闭会)?\d+号$/;

function unitOf(nomination: DemoNomination): string {
	return nomination.unit.name;
}

describe('generateDemo', () => {
	test('is deterministic for a seed and differs between seeds', () => {
		const again = JSON.stringify(generateDemo());
		expect(again).toBe(JSON.stringify(demo));
		expect(JSON.stringify(generateDemo(2022))).toBe(again);
		expect(JSON.stringify(generateDemo(7))).not.toBe(again);
	});

	test('has the shortlist/v1 envelope and the chongqing-2022 preset', () => {
		expect(demo.document.format).toBe('shortlist/v1');
		expect(demo.document.campaign).toEqual({ preset: 'chongqing-2022' });
	});

	test('every seed can be generated, even one that drew no state-owned head or party member', () => {
		const seeds = Array.from({ length: 60 }, (_, i) => i + 1);
		const failed = seeds.filter((seed) => {
			try {
				generateDemo(seed);
				return false;
			} catch {
				return true;
			}
		});
		expect(failed).toEqual([]);
	});

	test.each([2022, 1, 7, 99, 123456])('seed %i yields 520–580 nominations', (seed) => {
		const count = generateDemo(seed).document.nominations.length;
		expect(count).toBeGreaterThanOrEqual(520);
		expect(count).toBeLessThanOrEqual(580);
	});

	test('has 38 liaison groups, 10 professional groups and the department units', () => {
		const kinds = demo.units.map((unit) => unit.kind);
		expect(kinds.filter((kind) => kind === 'liaison_group')).toHaveLength(38);
		expect(kinds.filter((kind) => kind === 'professional_group')).toHaveLength(10);
		expect(kinds.filter((kind) => kind === 'work_department').length).toBeGreaterThan(2);
		expect(kinds.filter((kind) => kind === 'municipal_department').length).toBeGreaterThan(10);
		expect(new Set(demo.units.map((unit) => unit.slug)).size).toBe(demo.units.length);
		for (const unit of demo.units) expect(unit.slug).toMatch(/^[a-z][a-z0-9-]*$/);
	});

	test('every nomination belongs to a listed unit of the same kind, with a unique ref', () => {
		const units = new Map(demo.units.map((unit) => [unit.name, unit.kind]));
		for (const nomination of nominations)
			expect(units.get(unitOf(nomination))).toBe(nomination.unit.kind);
		expect(new Set(nominations.map((n) => n.ref)).size).toBe(nominations.length);
	});

	test('every nomination carries exactly the block its track names', () => {
		const blocks = { individual: 'person', collective: 'collective', suggestion: 'suggestion' };
		for (const nomination of nominations) {
			const present = ['person', 'collective', 'suggestion'].filter((key) => key in nomination);
			expect(present).toEqual([blocks[nomination.track]]);
		}
	});
});

describe('per-unit counts', () => {
	const exempt = plantedRefs();
	function countsOf(data: DemoData, unitName: string) {
		const own = data.document.nominations.filter((n) => n.unit.name === unitName);
		const category = (c: string) =>
			own.filter((n) => n.track === 'collective' && n.collective.category === c).length;
		const people = own.flatMap((n) => (n.track === 'individual' ? [n.person] : []));
		return {
			groups: category('联系组'),
			stations: category('代表家站'),
			others:
				own.filter((n) => n.track === 'collective').length -
				category('联系组') -
				category('代表家站'),
			deputies: people.filter((p) => p.category !== '代表联络工作人员').length,
			division: people.filter((p) => p.rank.startsWith('县处级')).length,
			staff: people.filter((p) => p.category === '代表联络工作人员').length,
			suggestions: own.filter((n) => n.track === 'suggestion').length
		};
	}

	test('liaison groups stay within 1 + 3–5 / 1–2 (+D) + 1 / 4–6 unless planted', () => {
		for (const unit of demo.units.filter((u) => u.kind === 'liaison_group')) {
			if (exempt.has(unit.name)) continue;
			const counts = countsOf(demo, unit.name);
			expect(counts.groups, unit.name).toBe(1);
			expect(counts.stations, unit.name).toBeGreaterThanOrEqual(3);
			expect(counts.stations, unit.name).toBeLessThanOrEqual(5);
			expect(counts.others, unit.name).toBe(0);
			expect(counts.deputies - counts.division, unit.name).toBeGreaterThanOrEqual(1);
			expect(counts.deputies, unit.name).toBeLessThanOrEqual(2 + counts.division);
			expect(counts.staff, unit.name).toBe(1);
			expect(counts.suggestions, unit.name).toBeGreaterThanOrEqual(4);
			expect(counts.suggestions, unit.name).toBeLessThanOrEqual(6);
		}
	});

	test('municipal-level units nominate one collective and one liaison staff member', () => {
		for (const unit of demo.units.filter((u) => u.kind !== 'liaison_group')) {
			const counts = countsOf(demo, unit.name);
			expect([counts.others, counts.staff, counts.deputies, counts.suggestions], unit.name).toEqual(
				[1, 1, 0, 0]
			);
		}
	});
});

describe('field formats', () => {
	const people = nominations.flatMap((n) =>
		n.track === 'individual' ? [{ ref: n.ref, p: n.person }] : []
	);

	test('ID numbers pass GB 11643 and agree with 出生年月, except planted ones', () => {
		const exempt = new Set([...plantedRefs('ID-INVALID'), ...plantedRefs('BIRTH-FORMAT')]);
		for (const { ref, p } of people) {
			if (exempt.has(ref)) continue;
			expect(gb11643Valid(p.idNumber), ref).toBe(true);
			expect(p.idNumber.slice(6, 12), ref).toBe(p.birth.replace('.', ''));
			expect(p.idNumber.slice(0, 4), ref).toMatch(/^500[12]$/);
			if (!plantedRefs('SEX-ID-MISMATCH').has(ref))
				expect(Number(p.idNumber[16]) % 2 === 1, ref).toBe(p.gender === '男');
		}
		for (const ref of plantedRefs('ID-INVALID')) {
			const planted = people.find((entry) => entry.ref === ref);
			const broken =
				planted &&
				(!gb11643Valid(planted.p.idNumber) ||
					planted.p.idNumber.slice(6, 12) !== planted.p.birth.replace('.', ''));
			expect(broken, ref).toBe(true);
		}
	});

	test('主要事迹 stay within 2000 code points, except planted ones', () => {
		const exempt = plantedRefs('TEXT-TOO-LONG');
		for (const nomination of nominations) {
			if (nomination.track === 'suggestion') continue;
			const deeds =
				nomination.track === 'individual' ? nomination.person.deeds : nomination.collective.deeds;
			const length = Array.from(deeds).length;
			expect(length, nomination.ref).toBeGreaterThan(50);
			if (!exempt.has(nomination.ref)) expect(length, nomination.ref).toBeLessThanOrEqual(2000);
		}
		const verbose = nominations.find((n) => exempt.has(n.ref) && n.track === 'individual');
		expect(verbose?.track === 'individual' && Array.from(verbose.person.deeds).length).toBe(2100);
	});

	test('suggestion numbers follow the official format, except planted ones', () => {
		const exempt = plantedRefs('SUGGESTION-NUMBER-FORMAT');
		for (const nomination of nominations) {
			if (nomination.track !== 'suggestion') continue;
			expect(SUGGESTION_NUMBER.test(nomination.suggestion.number), nomination.ref).toBe(
				!exempt.has(nomination.ref)
			);
			expect(nomination.suggestion.liaisonGroup).toBe(nomination.unit.name);
		}
	});
});

describe('planted', () => {
	test('lists 25–50 problems, each on an existing nomination or unit', () => {
		expect(demo.planted.length).toBeGreaterThanOrEqual(25);
		expect(demo.planted.length).toBeLessThanOrEqual(50);
		const known = new Set([...nominations.map((n) => n.ref), ...demo.units.map((u) => u.name)]);
		for (const problem of demo.planted) expect(known.has(problem.ref), problem.ref).toBe(true);
	});

	test('spreads over many units and covers every code the brief asks for', () => {
		const codes = new Set(demo.planted.map((p) => p.code));
		for (const code of [
			'SEX-ID-MISMATCH',
			'AGE-IMPLAUSIBLE',
			'DATE-AFTER-ASOF',
			'RESUME-OVERLAP',
			'RECORD-BELOW-LEVEL',
			'CONSULT-OBJECTION',
			'CONSULT-DATE',
			'UNIT-NOTICE-ORDER',
			'ID-INVALID',
			'BIRTH-FORMAT',
			'RESUME-GAP',
			'STAFF-TENURE',
			'ASSESSMENT-BELOW',
			'ASSESSMENT-MISSING',
			'DISCIPLINE-RECORD',
			'RECORD-BEFORE-WINDOW',
			'SUGGESTION-NUMBER-FORMAT',
			'TEXT-TOO-LONG',
			'IND-RANK-EXCLUDED',
			'PHOTO-MISSING',
			'UNIT-LIMIT-EXCEEDED',
			'UNIT-LIMIT-SHORT',
			'UNIT-NOTICE-DAYS',
			'UNIT-LATE',
			'DUPLICATE-NOMINEE',
			'UNIT-DIVISION-EXTRA',
			'NATIVE-PLACE-FORMAT',
			'PRIORITY-HONOUR',
			'CONSULT-MISSING'
		]) {
			expect(codes.has(code), code).toBe(true);
		}
		const units = new Set(
			demo.planted.map((p) => nominations.find((n) => n.ref === p.ref)?.unit.name ?? p.ref)
		);
		expect(units.size).toBeGreaterThan(25);
	});
});
