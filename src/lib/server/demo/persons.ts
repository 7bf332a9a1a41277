import { deputyDeeds, staffDeeds } from './deeds';
import type { District } from './districts';
import { drawIdentity, type Identity, type Registry } from './identity';
import type { Rng } from './prng';
import { buildCareer, monthIndex, yearsSince } from './resume';
import type { Role } from './roles';
import type { PersonRecord, RecordEntry } from './types';

/** A 1×1 PNG standing in for the 2-inch photo (the same tiny data URL as the sample). */
export const PHOTO =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Years whose annual assessment the preset checks (2018–2021). */
export const ASSESSMENT_YEARS = [2018, 2019, 2020, 2021];

/** Assessments 2018–2021: 合格 for 事业单位, 称职 elsewhere, sometimes 优秀; none for enterprises. */
function assessments(
	rng: Rng,
	unitNature: PersonRecord['unitNature']
): PersonRecord['assessments'] {
	if (unitNature === '企业') return [];
	const pass = unitNature === '事业单位' ? '合格' : '称职';
	return ASSESSMENT_YEARS.map((year) => ({ year, result: rng.chance(0.25) ? '优秀' : pass }));
}

/** Now and then an honour since 2018 (区县级 or 市级), never one from a 人大常委会. */
function awards(rng: Rng, identity: Identity, district: District): RecordEntry[] {
	if (!rng.chance(0.15)) return [];
	const options: [string, string][] = [
		[`${district.name}脱贫攻坚先进个人`, '区县级'],
		[`${district.name}抗击新冠肺炎疫情先进个人`, '区县级'],
		['重庆市劳动模范', '市级']
	];
	if (identity.politicalStatus === '中共党员')
		options.push([`${district.name}优秀共产党员`, '区县级']);
	if (identity.gender === '女') options.push(['重庆市三八红旗手', '市级']);
	const [text, level] = rng.pick(options);
	return [
		{ date: `${rng.int(2018, 2022)}.${String(rng.int(1, 9)).padStart(2, '0')}`, text, level }
	];
}

function person(
	identity: Identity,
	fields: Omit<PersonRecord, keyof Identity | 'idType'>
): PersonRecord {
	const { name, gender, ethnicity, birth, nativePlace, politicalStatus, party, education } =
		identity;
	const head = { name, gender, ethnicity, birth, nativePlace, politicalStatus };
	return {
		...head,
		...(party ? { party } : {}),
		education,
		phone: identity.phone,
		idType: '居民身份证',
		idNumber: identity.idNumber,
		...fields
	};
}

/** A deputy nominee living in `district` in the given role. */
export function buildDeputy(
	rng: Rng,
	registry: Registry,
	district: District,
	role: Role
): PersonRecord {
	const identity = drawIdentity(rng, registry, {
		district,
		birthYears: [1964, 1990],
		democraticShare: role.enterpriseHead ? 0.2 : 0.06
	});
	if (role.position.includes('党')) {
		// a party secretary is a member of the CPC, whatever the draw said
		identity.politicalStatus = '中共党员';
		delete identity.party;
	}
	const career = buildCareer(rng, {
		birthYear: identity.birthYear,
		education: identity.education,
		earlier: role.earlier,
		current: `${role.employer}${role.position}`,
		currentStartsBy: monthIndex(2021, 6)
	});
	const title = role.category === '区县人大代表' ? `${district.name}人大代表` : role.category;
	return person(identity, {
		employer: role.employer,
		position: role.position,
		rank: role.rank,
		municipalCadre: false,
		unitNature: role.unitNature,
		enterpriseHead: role.enterpriseHead,
		stateOwned: role.stateOwned,
		municipalOrganStaff: false,
		grassrootsFrontline: role.grassrootsFrontline,
		category: role.category,
		assessments: assessments(rng, role.unitNature),
		liaisonYears: 0,
		inPost: true,
		resume: career.resume,
		awards: awards(rng, identity, district),
		punishments: [],
		deeds: deputyDeeds(rng, identity.name, title, role.theme),
		photo: PHOTO
	});
}

/** Where a liaison staff member works and what they did before. */
export interface StaffPost {
	employer: string;
	/** Post title and the rank it carries. */
	post: [string, string];
	earlier: string[];
	municipalOrganStaff: boolean;
}

/** A full-time liaison staff member, in post since at least April 2019 (≥ 3.5 years). */
export function buildStaff(
	rng: Rng,
	registry: Registry,
	district: District,
	post: StaffPost
): PersonRecord {
	const identity = drawIdentity(rng, registry, {
		district,
		birthYears: [1970, 1992],
		democraticShare: 0.03,
		collegeOnly: true
	});
	const [position, rank] = post.post;
	const career = buildCareer(rng, {
		birthYear: identity.birthYear,
		education: identity.education,
		earlier: post.earlier,
		current: `${post.employer}${position}`,
		currentStartsBy: monthIndex(2019, 4)
	});
	const liaisonYears = yearsSince(career.currentFrom);
	return person(identity, {
		employer: post.employer,
		position,
		rank,
		municipalCadre: false,
		unitNature: '机关',
		enterpriseHead: false,
		stateOwned: false,
		municipalOrganStaff: post.municipalOrganStaff,
		grassrootsFrontline: false,
		category: '代表联络工作人员',
		assessments: assessments(rng, '机关'),
		liaisonYears,
		inPost: true,
		resume: career.resume,
		awards: awards(rng, identity, district),
		punishments: [],
		deeds: staffDeeds(rng, identity.name, liaisonYears),
		photo: PHOTO
	});
}
