import { collectiveDeeds } from './collective-deeds';
import { placeName, type District } from './districts';
import { personName, ROADS } from './names';
import type { OrganUnit } from './organs';
import type { Rng } from './prng';
import type { CollectiveRecord } from './types';

function leaderName(rng: Rng): string {
	return personName(rng, rng.chance(0.7) ? '男' : '女');
}

function street(rng: Rng): string {
	return `${rng.pick(ROADS)}${rng.int(1, 288)}号`;
}

/** The liaison group itself (category 联系组, no level: 联系组没有级别). */
export function liaisonGroupCollective(
	rng: Rng,
	district: District,
	name: string
): CollectiveRecord {
	return {
		name,
		category: '联系组',
		level: '',
		memberCount: rng.int(14, 42),
		leader: leaderName(rng),
		leaderPosition: '组长',
		address: `重庆市${district.name}${street(rng)}`,
		postcode: district.postcode,
		municipalOrganBody: false,
		awards: [],
		punishments: [],
		deeds: collectiveDeeds(rng, name, '联系组')
	};
}

/** A deputy home (…街道人大代表之家) or station (…镇人大代表联络站) at `place`. */
export function stationCollective(rng: Rng, district: District, place: string): CollectiveRecord {
	const full = placeName(place);
	const kind = full.endsWith('街道') || rng.chance(0.4) ? '人大代表之家' : '人大代表联络站';
	const name = `${district.name}${full}${kind}`;
	return {
		name,
		category: '代表家站',
		level: '',
		memberCount: rng.int(8, 36),
		leader: leaderName(rng),
		leaderPosition: kind === '人大代表之家' ? '负责人' : '站长',
		address: `重庆市${district.name}${full}${street(rng)}`,
		postcode: district.postcode,
		municipalOrganBody: false,
		awards: [],
		punishments: [],
		deeds: collectiveDeeds(rng, name, '代表家站')
	};
}

/** Collective category by unit kind: the group itself, or its 处室. */
const ORGAN_CATEGORY = {
	professional_group: '专业组',
	work_department: '工作部门相关处室',
	municipal_department: '建议办理单位相关处室'
} as const;

/** The collective of a municipal-level unit; a 处室 is a 县处级 市级机关内设机构. */
export function organCollective(rng: Rng, organ: OrganUnit): CollectiveRecord {
	const category = ORGAN_CATEGORY[organ.kind];
	const isGroup = category === '专业组';
	return {
		name: organ.collectiveName,
		category,
		level: isGroup ? '' : '县处级',
		memberCount: isGroup ? rng.int(18, 60) : rng.int(5, 14),
		leader: leaderName(rng),
		leaderPosition: isGroup ? '组长' : organ.collectiveName.endsWith('办公室') ? '主任' : '处长',
		address: `重庆市${organ.officeDistrict}${street(rng)}`,
		postcode: organ.officeDistrict === '渝中区' ? '400010' : '401147',
		municipalOrganBody: !isGroup,
		awards: [],
		punishments: [],
		deeds: collectiveDeeds(rng, organ.collectiveName, category)
	};
}
