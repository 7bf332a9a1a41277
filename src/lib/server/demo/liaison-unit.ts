import { liaisonGroupCollective, stationCollective } from './collectives';
import { placeName, shortName, type District } from './districts';
import { personName } from './names';
import type { Registry } from './identity';
import { UnitNominations } from './nominations';
import { buildDeputy, buildStaff } from './persons';
import type { Rng } from './prng';
import { drawDeputyRole, drawDivisionRole, type Role } from './roles';
import type { UnitSchedule } from './schedule';
import { SUGGESTION_TOPICS } from './suggestion-topics';
import { buildSuggestion, drawSuggestionNumber } from './suggestions';
import type { DemoNomination, DemoUnit } from './types';

/** How many of each a liaison group nominates (limits: 3–5 stations, 1–2 deputies, 4–6 suggestions). */
export interface LiaisonShape {
	stations: number;
	/** Ordinary deputies; with `divisionDeputies` 处级干部 they may number 2 + D. */
	deputies: number;
	divisionDeputies: number;
	suggestions: number;
	/** Planted: the ordinary deputies are not 基层一线, so the 处级 ones lack a companion. */
	noFrontlineCompanion?: boolean;
}

/** A random shape within the notice's limits, with `divisionDeputies` 处级干部 on top. */
export function drawLiaisonShape(rng: Rng, divisionDeputies: number): LiaisonShape {
	return {
		stations: rng.int(3, 5),
		deputies: rng.int(1, 2),
		divisionDeputies,
		suggestions: rng.int(4, 6)
	};
}

/** In a unit with 处级干部 the ordinary deputies are 基层一线 (四(二)); a plant may invert that. */
function ordinaryRole(rng: Rng, district: District, shape: LiaisonShape): Role {
	for (;;) {
		const role = drawDeputyRole(rng, district);
		if (shape.noFrontlineCompanion) {
			if (!role.grassrootsFrontline) return role;
		} else if (shape.divisionDeputies === 0 || role.grassrootsFrontline) {
			return role;
		}
	}
}

/** The liaison group unit of a district: `XX区人大代表联系组`. */
export function liaisonUnit(district: District): DemoUnit {
	return {
		name: `${district.name}人大代表联系组`,
		kind: 'liaison_group',
		district: district.name,
		slug: district.slug
	};
}

/** Every nomination of one district's liaison group, in ref order per track. */
export function liaisonNominations(
	rng: Rng,
	registry: Registry,
	district: District,
	shape: LiaisonShape,
	schedule: UnitSchedule
): DemoNomination[] {
	const unit = liaisonUnit(district);
	const out = new UnitNominations(unit, schedule);
	out.addCollective(liaisonGroupCollective(rng, district, unit.name));
	for (const place of rng.shuffle(district.places).slice(0, shape.stations)) {
		out.addCollective(stationCollective(rng, district, place));
	}

	const deputies = [];
	for (let i = 0; i < shape.divisionDeputies; i++) {
		deputies.push(buildDeputy(rng, registry, district, drawDivisionRole(rng, district)));
	}
	for (let i = 0; i < shape.deputies; i++) {
		deputies.push(buildDeputy(rng, registry, district, ordinaryRole(rng, district, shape)));
	}
	for (const deputy of deputies) out.addPerson(deputy);
	out.addPerson(
		buildStaff(rng, registry, district, {
			employer: `${district.name}人大常委会`,
			post: rng.pick([
				['代表联络科科长', '乡科级正职'],
				['代表联络科副科长', '乡科级副职'],
				['代表联络科一级科员', '无']
			]),
			earlier: [
				`${district.name}${placeName(rng.pick(district.places))}干部`,
				`${district.name}人大常委会办公室科员`
			],
			municipalOrganStaff: false
		})
	);

	const topics = rng.shuffle(SUGGESTION_TOPICS).slice(0, shape.suggestions);
	for (const topic of topics) {
		const delegation = rng.chance(0.05);
		const cityDeputy = deputies.find((deputy) => deputy.category === '市人大代表');
		let lead = personName(rng, rng.chance(0.65) ? '男' : '女');
		if (delegation) lead = `${district.name}代表团`;
		else if (cityDeputy && rng.chance(0.3)) lead = cityDeputy.name;
		out.addSuggestion(
			buildSuggestion(rng, {
				topic,
				districtShort: shortName(district),
				liaisonGroup: unit.name,
				leadDeputy: lead,
				delegation,
				number: drawSuggestionNumber(rng, registry)
			})
		);
	}
	return out.items;
}
