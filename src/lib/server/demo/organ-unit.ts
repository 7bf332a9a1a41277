import { organCollective } from './collectives';
import type { District } from './districts';
import type { Registry } from './identity';
import { UnitNominations } from './nominations';
import type { OrganUnit } from './organs';
import { buildStaff } from './persons';
import type { Rng } from './prng';
import type { UnitSchedule } from './schedule';
import type { DemoNomination, DemoUnit } from './types';

/** The demo unit of a municipal-level organ (no district). */
export function organDemoUnit(organ: OrganUnit): DemoUnit {
	return { name: organ.name, kind: organ.kind, district: null, slug: organ.slug };
}

/** Civil-service posts (职级) of a municipal organ's liaison staff and the rank they carry. */
const ORGAN_POSTS: [string, string][] = [
	['一级主任科员', '乡科级正职'],
	['二级主任科员', '乡科级正职'],
	['三级主任科员', '乡科级副职'],
	['四级主任科员', '乡科级副职']
];

/**
 * One collective (the 专业组 itself or the 处室) and one liaison staff member, both of the
 * 市级机关 except the 专业组 (whose members are deputies, not an organ).
 */
export function organNominations(
	rng: Rng,
	registry: Registry,
	organ: OrganUnit,
	home: District,
	schedule: UnitSchedule
): DemoNomination[] {
	const out = new UnitNominations(organDemoUnit(organ), schedule);
	out.addCollective(organCollective(rng, organ));
	out.addPerson(
		buildStaff(rng, registry, home, {
			employer: organ.staffEmployer,
			post: rng.pick(ORGAN_POSTS),
			earlier: [
				`${home.name}${rng.pick(['人民政府办公室', '发展改革委', '财政局'])}科员`,
				`${organ.name}${rng.pick(['综合处', '办公室'])}科员`
			],
			municipalOrganStaff: true
		})
	);
	return out.items;
}
