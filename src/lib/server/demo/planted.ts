import { idCheckCharacter } from '../../domain/id-number';
import { corruptCheckChar } from './id-number';
import { formatMonth } from './resume';
import type { DemoNomination, PersonRecord, PlantedProblem } from './types';

/** An individual nomination of the demo. */
export type Individual = Extract<DemoNomination, { track: 'individual' }>;
/** A collective nomination of the demo. */
export type Collective = Extract<DemoNomination, { track: 'collective' }>;
/** A suggestion nomination of the demo. */
export type Suggestion = Extract<DemoNomination, { track: 'suggestion' }>;

/** Shift a `YYYY.MM` month by `delta` months. */
function shiftMonth(month: string, delta: number): string {
	const [year, mm] = month.split('.').map(Number) as [number, number];
	return formatMonth(year * 12 + mm - 1 + delta);
}

/** Finds plant targets among the generated nominations, never planting twice on one ref. */
export class PlantSite {
	readonly planted: PlantedProblem[] = [];
	#used = new Set<string>();

	constructor(readonly nominations: DemoNomination[]) {}

	#free<T extends DemoNomination>(items: T[], what: string): T {
		const item = items.find((nomination) => !this.#used.has(nomination.ref));
		if (!item) throw new Error(`no free ${what} to plant on`);
		return item;
	}

	/** The unit's first unplanted individual matching `where` (a deputy by default). */
	person(
		slug: string,
		where: (p: PersonRecord) => boolean = (p) => p.category !== '代表联络工作人员'
	): Individual {
		const all = this.nominations.filter(
			(n): n is Individual => n.track === 'individual' && n.ref.startsWith(`${slug}-ind-`)
		);
		return this.#free(
			all.filter((n) => where(n.person)),
			`person in ${slug}`
		);
	}

	/** The unit's liaison staff member. */
	staff(slug: string): Individual {
		return this.person(slug, (p) => p.category === '代表联络工作人员');
	}

	/**
	 * The first unplanted individual anywhere matching `where`. A seed may have drawn none: then
	 * the first unplanted deputy is made to match by `make`, so every seed plants the same problems.
	 */
	anyPerson(where: (p: PersonRecord) => boolean, make: (n: Individual) => void): Individual {
		const all = this.nominations.filter((n): n is Individual => n.track === 'individual');
		const matching = all.filter((n) => where(n.person) && !this.#used.has(n.ref));
		if (matching[0]) return matching[0];
		const stand = this.#free(
			all.filter((n) => n.person.category !== '代表联络工作人员'),
			'deputy'
		);
		make(stand);
		return stand;
	}

	/** A collective or suggestion by its ref. */
	byRef<T extends Collective | Suggestion>(ref: string): T {
		const found = this.nominations.find((n) => n.ref === ref);
		if (!found || found.track === 'individual') throw new Error(`no ${ref} to plant on`);
		return found as T;
	}

	/** Records a plant on `nomination` (or a unit name for unit-level codes). */
	record(ref: string, code: string, note: string): void {
		this.#used.add(ref);
		this.planted.push({ ref, code, note });
	}
}

/** The person's ID number rebuilt for a new birth month, keeping day and sequence. */
export function reissueId(idNumber: string, year: string, month: string): string {
	const first17 = `${idNumber.slice(0, 6)}${year}${month}${idNumber.slice(12, 17)}`;
	return first17 + idCheckCharacter(first17);
}

/** Identity-card and birth-date problems: ID-INVALID twice, BIRTH-FORMAT once. */
export function plantIdentity(site: PlantSite): void {
	const wrongCheck = site.person('yuzhong');
	wrongCheck.person.idNumber = corruptCheckChar(wrongCheck.person.idNumber);
	site.record(wrongCheck.ref, 'ID-INVALID', 'ID number with a wrong GB 11643 check character');

	const mismatch = site.staff('dazu');
	mismatch.person.birth = shiftMonth(mismatch.person.birth, 2);
	site.record(
		mismatch.ref,
		'ID-INVALID',
		'valid ID number, but its birth date is two months off 出生年月'
	);

	const dashed = site.person('shapingba');
	dashed.person.birth = '1975-03';
	dashed.person.idNumber = reissueId(dashed.person.idNumber, '1975', '03');
	site.record(dashed.ref, 'BIRTH-FORMAT', '出生年月 written 1975-03 instead of 1975.03');

	const native = site.person('dadukou');
	native.person.nativePlace = '重庆';
	site.record(native.ref, 'NATIVE-PLACE-FORMAT', '籍贯 is just 重庆, without 市 and district');
}

/** Resume problems: a three-month gap (RESUME-GAP) and a three-month overlap (RESUME-OVERLAP). */
export function plantResumes(site: PlantSite): void {
	const gap = site.person(
		'jiulongpo',
		(p) => p.category !== '代表联络工作人员' && p.resume.length >= 2
	);
	const second = gap.person.resume[1];
	if (second) second.from = shiftMonth(second.from, 3);
	site.record(gap.ref, 'RESUME-GAP', 'three months missing between the first two resume entries');

	const overlap = site.person(
		'tongliang',
		(p) => p.category !== '代表联络工作人员' && p.resume.length >= 2
	);
	const [first, next] = overlap.person.resume;
	if (first && next) first.to = shiftMonth(next.from, 2);
	site.record(
		overlap.ref,
		'RESUME-OVERLAP',
		'first resume entry overlaps the next by three months (a warning, not a gap)'
	);
}

/** Moves the start of a staff member's current post to 2020.04 (2.5 years by 2022.10). */
function shortenTenure(person: PersonRecord): void {
	const current = person.resume[person.resume.length - 1];
	if (!current) return;
	const previous = person.resume[person.resume.length - 2];
	if (previous) previous.to = '2020.03';
	else person.resume.unshift({ from: current.from, to: '2020.03', text: `${person.employer}科员` });
	current.from = '2020.04';
	person.liaisonYears = 2.5;
}

/** Liaison staff problems: tenure, in post, assessments (STAFF-*, ASSESSMENT-*). */
export function plantStaff(site: PlantSite): void {
	for (const slug of ['nanan', 'prof-2']) {
		const short = site.staff(slug);
		shortenTenure(short.person);
		site.record(short.ref, 'STAFF-TENURE', 'liaisonYears 2.5: in the post only since 2020.04');
	}
	const away = site.staff('xiushan');
	away.person.inPost = false;
	site.record(away.ref, 'STAFF-NOT-IN-POST', 'liaison staff member no longer in post');

	for (const [slug, year] of [
		['beibei', 2020],
		['dept-3', 2019]
	] as const) {
		const below = site.staff(slug);
		const entry = below.person.assessments.find((a) => a.year === year);
		if (entry) entry.result = '基本称职';
		site.record(below.ref, 'ASSESSMENT-BELOW', `${year} annual assessment 基本称职`);
	}
	for (const [slug, year] of [
		['yubei', 2019],
		['work-2', 2021]
	] as const) {
		const missing = site.staff(slug);
		missing.person.assessments = missing.person.assessments.filter((a) => a.year !== year);
		site.record(missing.ref, 'ASSESSMENT-MISSING', `no ${year} annual assessment recorded`);
	}
}
