import { DISTRICTS, type District } from './districts';
import { buildIdNumber } from './id-number';
import { personName } from './names';
import type { Rng } from './prng';

/** Uniqueness bookkeeping shared by the whole demo, so no person or number repeats by accident. */
export interface Registry {
	idNumbers: Set<string>;
	phones: Set<string>;
	/** `name|birth`: the spec's fallback identity for duplicates. */
	nameBirths: Set<string>;
	suggestionNumbers: Set<string>;
}

/** An empty registry. */
export function createRegistry(): Registry {
	return {
		idNumbers: new Set(),
		phones: new Set(),
		nameBirths: new Set(),
		suggestionNumbers: new Set()
	};
}

/** The personal particulars of one nominee (the top block of attachment 2). */
export interface Identity {
	name: string;
	gender: '男' | '女';
	ethnicity: string;
	/** `YYYY.MM`. */
	birth: string;
	birthYear: number;
	birthMonth: number;
	nativePlace: string;
	politicalStatus: string;
	party?: string;
	education: string;
	phone: string;
	idNumber: string;
}

/** Democratic parties: how a member's political status is written, and the party's name. */
const DEMOCRATIC_PARTIES: readonly [string, string][] = [
	['民革党员', '中国国民党革命委员会'],
	['民盟盟员', '中国民主同盟'],
	['民建会员', '中国民主建国会'],
	['民进会员', '中国民主促进会'],
	['农工党党员', '中国农工民主党'],
	['九三学社社员', '九三学社']
];

/** Places of origin outside Chongqing, already in the `XX省XX市` form. */
const OTHER_PROVINCES = [
	'四川省南充市',
	'四川省达州市',
	'四川省广安市',
	'贵州省遵义市',
	'湖北省利川市'
];

const EDUCATIONS = [
	'研究生 硕士',
	'大学本科 学士',
	'大学本科 学士',
	'大学本科',
	'大专',
	'中专',
	'高中'
];

/** Options for drawing an identity: the district of residence and the birth-year range. */
export interface IdentityOptions {
	district: District;
	birthYears: [number, number];
	/** Chance of belonging to a democratic party. */
	democraticShare: number;
	/** Staff are civil servants with at least a college degree. */
	collegeOnly?: boolean;
}

/** Draw a fresh, registry-unique identity with a GB 11643-valid ID number matching the birth. */
export function drawIdentity(rng: Rng, registry: Registry, options: IdentityOptions): Identity {
	const { district } = options;
	const gender = rng.chance(0.62) ? '男' : '女';
	let ethnicity = '汉族';
	if (district.minorityArea && rng.chance(0.45)) ethnicity = rng.chance(0.65) ? '土家族' : '苗族';
	const birthYear = rng.int(options.birthYears[0], options.birthYears[1]);
	const birthMonth = rng.int(1, 12);
	const birth = `${birthYear}.${String(birthMonth).padStart(2, '0')}`;
	let name = personName(rng, gender);
	while (registry.nameBirths.has(`${name}|${birth}`)) name = personName(rng, gender);
	registry.nameBirths.add(`${name}|${birth}`);

	const birthDate = `${birthYear}${String(birthMonth).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
	const areaCode = rng.chance(0.85) ? district.areaCode : rng.pick(DISTRICTS).areaCode;
	let idNumber = buildIdNumber(areaCode, birthDate, rng.int(0, 999), gender);
	while (registry.idNumbers.has(idNumber)) {
		idNumber = buildIdNumber(areaCode, birthDate, rng.int(0, 999), gender);
	}
	registry.idNumbers.add(idNumber);

	let phone = `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
	while (registry.phones.has(phone))
		phone = `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
	registry.phones.add(phone);

	const origin = rng.chance(0.75) ? district : rng.pick(DISTRICTS);
	const nativePlace = rng.chance(0.06) ? rng.pick(OTHER_PROVINCES) : `重庆市${origin.name}`;

	const identity: Identity = {
		name,
		gender,
		ethnicity,
		birth,
		birthYear,
		birthMonth,
		nativePlace,
		politicalStatus: '中共党员',
		education: options.collegeOnly ? rng.pick(EDUCATIONS.slice(0, 5)) : rng.pick(EDUCATIONS),
		phone,
		idNumber
	};
	if (rng.chance(options.democraticShare)) {
		const [status, party] = rng.pick(DEMOCRATIC_PARTIES);
		identity.politicalStatus = status;
		identity.party = party;
	} else if (rng.chance(0.2)) {
		identity.politicalStatus = '群众';
	}
	return identity;
}
