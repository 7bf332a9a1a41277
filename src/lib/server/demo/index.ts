import { DISTRICTS } from './districts';
import { createRegistry } from './identity';
import { drawLiaisonShape, liaisonNominations, liaisonUnit } from './liaison-unit';
import { organDemoUnit, organNominations } from './organ-unit';
import { ORGAN_UNITS } from './organs';
import { plantIdentity, plantResumes, plantStaff, PlantSite } from './planted';
import { plantConsistency } from './planted-consistency';
import { plantConsultations, plantForms, plantNumbers, plantRecords } from './planted-records';
import { CLEAN_DIVISION_UNITS, UNIT_PLANTS } from './planted-units';
import { forkRng } from './prng';
import { drawSchedule } from './schedule';
import type { DemoData, DemoNomination } from './types';

/** The demo's types: units, nominations of `shortlist/v1`, planted problems. */
export type * from './types';

/** Liaison groups whose deputies a nomination-level plant rewrites (kept free of 处级 deputies). */
const NO_DIVISION_SLUGS = new Set(['tongnan', ...UNIT_PLANTS.map((plant) => plant.slug)]);

/**
 * The demo campaign for the 2022 Chongqing selection: about 550 nominations from the 38
 * district liaison groups and 33 municipal-level units, in the `shortlist/v1` format, with
 * a few dozen deliberate rule problems listed in `planted`. Pure and deterministic: the same
 * seed gives byte-identical JSON.
 */
export function generateDemo(seed = 2022): DemoData {
	const registry = createRegistry();
	const divisionSlugs = new Set(
		forkRng(seed, 'division')
			.shuffle(DISTRICTS.filter((district) => !NO_DIVISION_SLUGS.has(district.slug)))
			.slice(0, CLEAN_DIVISION_UNITS)
			.map((district) => district.slug)
	);

	const nominations: DemoNomination[] = [];
	for (const district of DISTRICTS) {
		const rng = forkRng(seed, `liaison:${district.slug}`);
		const plant = UNIT_PLANTS.find((unitPlant) => unitPlant.slug === district.slug);
		const baseShape = drawLiaisonShape(rng, divisionSlugs.has(district.slug) ? 1 : 0);
		const baseSchedule = drawSchedule(rng);
		const shape = plant?.shape?.(baseShape) ?? baseShape;
		const schedule = plant?.schedule?.(baseSchedule) ?? baseSchedule;
		nominations.push(...liaisonNominations(rng, registry, district, shape, schedule));
	}
	for (const organ of ORGAN_UNITS) {
		const rng = forkRng(seed, `organ:${organ.slug}`);
		const home = rng.pick(DISTRICTS);
		nominations.push(...organNominations(rng, registry, organ, home, drawSchedule(rng)));
	}

	const site = new PlantSite(nominations);
	for (const plant of UNIT_PLANTS) {
		const unit = DISTRICTS.find((district) => district.slug === plant.slug);
		if (unit) site.record(liaisonUnit(unit).name, plant.code, plant.note);
	}
	plantIdentity(site);
	plantResumes(site);
	plantStaff(site);
	plantRecords(site);
	plantForms(site);
	plantNumbers(site);
	plantConsistency(site);
	plantConsultations(site);

	return {
		document: { format: 'shortlist/v1', campaign: { preset: 'chongqing-2022' }, nominations },
		units: [...DISTRICTS.map(liaisonUnit), ...ORGAN_UNITS.map(organDemoUnit)],
		planted: site.planted
	};
}
