/**
 * Builders of clean nominations for the domain tests: each passes every rule on its own, and
 * a test changes only what it is about.
 */
import {
	idCheckCharacter,
	presets,
	type CollectiveForm,
	type CollectiveNomination,
	type IndividualNomination,
	type Nomination,
	type PersonForm,
	type SuggestionForm,
	type SuggestionNomination,
	type UnitKind
} from '$lib/domain';

/** The preset all tests run against unless they say otherwise. */
export const params = presets['chongqing-2022'];

/** A valid 居民身份证 number for a birth date 'YYYYMMDD' and a 3-digit sequence. */
export function idNumber(birth: string, sequence = '031'): string {
	const first17 = `500109${birth}${sequence}`;
	return first17 + idCheckCharacter(first17);
}

/**
 * A valid ID number born in 1972-08 (matching the builders' 出生年月), unique per `n` up to
 * 2,800, whose 17th digit agrees with the gender (odd 男, even 女).
 */
export function uniqueIdNumber(n: number, gender: string): string {
	const day = String(1 + (Math.floor(n / 100) % 28)).padStart(2, '0');
	const sequence = `${String(n % 100).padStart(2, '0')}${gender === '女' ? 2 : 1}`;
	return idNumber(`197208${day}`, sequence);
}

type Common = Partial<Omit<Nomination, 'track' | 'person' | 'collective' | 'suggestion'>>;

const common = (ref: string, unitName: string, kind: UnitKind) => ({
	ref,
	unit: { name: unitName, kind },
	submittedAt: '2022-10-26',
	unitNotice: { start: '2022-10-17', end: '2022-10-21' },
	consultations: [
		{ dept: '组织人事', result: '无异议', date: '2022-10-24', note: '' },
		{ dept: '纪检监察', result: '无异议', date: '2022-10-24', note: '' },
		{ dept: '公安', result: '无异议', date: '2022-10-24', note: '' }
	]
});

let counter = 0;

/** A clean grassroots district deputy, unique per call (own ID number). */
export function individual(
	person: Partial<PersonForm> = {},
	rest: Common = {}
): IndividualNomination {
	counter++;
	const base: PersonForm = {
		name: `代表${counter}`,
		gender: '男',
		ethnicity: '汉族',
		birth: '1972.08',
		nativePlace: '重庆市北碚区',
		politicalStatus: '中共党员',
		party: '',
		education: '大学本科 学士',
		phone: '13900001111',
		idType: '居民身份证',
		idNumber: '',
		employer: '北碚区天生街道社区卫生服务中心',
		employerAddress: '',
		employerPostcode: '',
		position: '主任',
		rank: '无',
		municipalCadre: false,
		unitNature: '事业单位',
		enterpriseHead: false,
		stateOwned: false,
		municipalOrganStaff: false,
		grassrootsFrontline: true,
		category: '区县人大代表',
		assessments: [2018, 2019, 2020, 2021].map((year) => ({ year, result: '称职' })),
		liaisonYears: undefined,
		inPost: true,
		resume: [
			{ from: '1994.07', to: '2009.12', text: '北碚区人民医院医生' },
			{ from: '2010.01', to: '至今', text: '社区卫生服务中心主任' }
		],
		awards: [],
		punishments: [],
		deeds: '扎根基层卫生服务二十余年。',
		photo: 'data:image/png;base64,iVBORw0KGgo='
	};
	const merged = { ...base, ...person };
	if (person.idNumber === undefined) merged.idNumber = uniqueIdNumber(counter, merged.gender);
	return {
		...common(`P-${counter}`, '北碚区人大代表联系组', 'liaison_group'),
		...rest,
		track: 'individual',
		person: merged
	};
}

/** A clean liaison staff member with 5 years of deputy work. */
export function staff(person: Partial<PersonForm> = {}, rest: Common = {}): IndividualNomination {
	return individual(
		{
			category: '代表联络工作人员',
			unitNature: '机关',
			liaisonYears: 5,
			grassrootsFrontline: false,
			...person
		},
		rest
	);
}

/** A clean collective (a 代表家站 unless the category is overridden), unique name per call. */
export function collective(
	form: Partial<CollectiveForm> = {},
	rest: Common = {}
): CollectiveNomination {
	counter++;
	const base: CollectiveForm = {
		name: `北碚区第${counter}人大代表之家`,
		category: '代表家站',
		level: '',
		memberCount: 15,
		leader: '王建',
		leaderPosition: '站长',
		address: '重庆市北碚区天生路2号',
		postcode: '400700',
		municipalOrganBody: false,
		awards: [],
		punishments: [],
		deeds: '定期开展代表接待群众活动。'
	};
	return {
		...common(`C-${counter}`, '北碚区人大代表联系组', 'liaison_group'),
		...rest,
		track: 'collective',
		collective: { ...base, ...form }
	};
}

/** A clean suggestion, unique number per call. */
export function suggestion(
	form: Partial<SuggestionForm> = {},
	rest: Common = {}
): SuggestionNomination {
	counter++;
	const base: SuggestionForm = {
		leadDeputy: '陈立新',
		liaisonGroup: '北碚区人大代表联系组',
		number: `市五届人大三次会议${String(counter).padStart(4, '0')}号`,
		title: '关于加强基层医疗卫生人才队伍建设的建议',
		summary: '建议完善基层医疗卫生人才招聘、培养和激励机制。',
		reason: '该建议问题明确、对策可行。',
		delegation: false,
		commendedBefore: undefined
	};
	return {
		...common(`S-${counter}`, '北碚区人大代表联系组', 'liaison_group'),
		...rest,
		track: 'suggestion',
		consultations: [],
		suggestion: { ...base, ...form }
	};
}

/** `n` copies made by a builder. */
export function times<T>(n: number, make: () => T): T[] {
	return Array.from({ length: n }, make);
}

/** A string of `n` Chinese characters. */
export function chars(n: number, char = '字'): string {
	return char.repeat(n);
}

/** A complete, within-limits 联系组 slate: 1 联系组, 3 stations, 1 deputy, 1 staff, 4 suggestions. */
export function fullSlate(
	unitName = '北碚区人大代表联系组',
	kind: UnitKind = 'liaison_group'
): Nomination[] {
	const rest = { unit: { name: unitName, kind } };
	return [
		collective({ category: '联系组' }, rest),
		...times(3, () => collective({}, rest)),
		individual({}, rest),
		staff({}, rest),
		...times(4, () => suggestion({}, rest))
	];
}
