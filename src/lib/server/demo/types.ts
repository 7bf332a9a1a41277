/** Kind of a recommending unit, as in the `shortlist/v1` interchange format (SPEC §10). */
export type UnitKind =
	'liaison_group' | 'professional_group' | 'work_department' | 'municipal_department';

/** A recommending unit of the demo, with the ASCII slug used for its account (`unit-<slug>`). */
export interface DemoUnit {
	name: string;
	kind: UnitKind;
	/** The district or county a liaison group belongs to; null for municipal-level units. */
	district: string | null;
	slug: string;
}

/** One consultation record (征求意见): department, result and `YYYY-MM-DD` date (SPEC §5). */
export interface Consultation {
	dept: string;
	result: '无异议' | '有异议';
	date: string;
}

/** An award or punishment; `date` is `YYYY.MM` as on the approval forms. */
export interface RecordEntry {
	date: string;
	text: string;
	level?: string;
}

/** One line of a 个人简历: `from`/`to` are `YYYY.MM`, the last `to` is `至今`. */
export interface ResumeEntry {
	from: string;
	to: string;
	text: string;
}

/** The `person` block of an individual nomination (attachment 2, SPEC §10). */
export interface PersonRecord {
	name: string;
	gender: '男' | '女';
	ethnicity: string;
	birth: string;
	nativePlace: string;
	politicalStatus: string;
	party?: string;
	education: string;
	phone: string;
	idType: '居民身份证';
	idNumber: string;
	employer: string;
	position: string;
	rank: string;
	municipalCadre: boolean;
	unitNature: '机关' | '参公单位' | '事业单位' | '企业' | '军队' | '其他';
	enterpriseHead: boolean;
	stateOwned: boolean;
	municipalOrganStaff: boolean;
	grassrootsFrontline: boolean;
	category: '市人大代表' | '区县人大代表' | '乡镇人大代表' | '代表联络工作人员';
	assessments: { year: number; result: string }[];
	liaisonYears: number;
	inPost: boolean;
	resume: ResumeEntry[];
	awards: RecordEntry[];
	punishments: RecordEntry[];
	deeds: string;
	photo?: string;
}

/** The `collective` block of a collective nomination (attachment 1, SPEC §10). */
export interface CollectiveRecord {
	name: string;
	category: '联系组' | '专业组' | '工作部门相关处室' | '建议办理单位相关处室' | '代表家站';
	level: string;
	memberCount: number;
	leader: string;
	leaderPosition: string;
	address: string;
	postcode: string;
	municipalOrganBody: boolean;
	awards: RecordEntry[];
	punishments: RecordEntry[];
	deeds: string;
}

/** The `suggestion` block of a suggestion nomination (attachment 3, SPEC §10). */
export interface SuggestionRecord {
	leadDeputy: string;
	liaisonGroup: string;
	number: string;
	title: string;
	summary: string;
	reason: string;
	delegation: boolean;
}

/** Fields every nomination shares; all nominations of one unit share notice and submission. */
interface NominationBase {
	ref: string;
	unit: { name: string; kind: UnitKind };
	submittedAt: string;
	unitNotice: { start: string; end: string };
	consultations: Consultation[];
}

/** One nomination of the `shortlist/v1` format: exactly one of person/collective/suggestion. */
export type DemoNomination =
	| (NominationBase & { track: 'individual'; person: PersonRecord })
	| (NominationBase & { track: 'collective'; collective: CollectiveRecord })
	| (NominationBase & { track: 'suggestion'; suggestion: SuggestionRecord });

/** A deliberate rule problem: the nomination ref (or unit name, for unit-level codes) and code. */
export interface PlantedProblem {
	ref: string;
	code: string;
	note: string;
}

/** Everything `generateDemo` returns: the importable document, the units and the planted list. */
export interface DemoData {
	document: {
		format: 'shortlist/v1';
		campaign: { preset: 'chongqing-2022' };
		nominations: DemoNomination[];
	};
	units: DemoUnit[];
	planted: PlantedProblem[];
}
