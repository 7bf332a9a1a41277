/**
 * Campaign parameters (SPEC §2): tracks, quotas, dates, composition caps. Parameters are data;
 * the `chongqing-2022` preset reproduces notice 渝人社〔2022〕406号.
 */

/**
 * A track of the proposed list: 先进集体, 先进个人, 优秀建议, and 通报表扬代表家站 (`station`).
 * A 代表家站 is nominated as a collective and proposed into `collective` or `station` (通知一(一)).
 */
export const tracks = ['collective', 'individual', 'suggestion', 'station'] as const;
export type Track = (typeof tracks)[number];

/** The tracks a nomination is submitted on (attachments 1–3); stations come in as `collective`. */
export const nominationTracks = ['collective', 'individual', 'suggestion'] as const;
export type NominationTrack = (typeof nominationTracks)[number];

/** Where a 代表家站 can be proposed: 先进集体 or 通报表扬 (通知一(一)). */
export const stationTargetTracks = ['collective', 'station'] as const satisfies readonly Track[];

/** Chinese names of the tracks. */
export const trackLabels: Record<Track, string> = {
	collective: '先进集体',
	individual: '先进个人',
	suggestion: '优秀建议',
	station: '通报表扬代表家站'
};

/** The three composition caps of 通知四(二): 处级干部, 市级机关内设机构及工作人员, 企业负责人. */
export const capKeys = ['division', 'municipalOrgan', 'enterpriseHead'] as const;
export type CapKey = (typeof capKeys)[number];

/** Chinese names of the composition caps. */
export const capLabels: Record<CapKey, string> = {
	division: '处级干部',
	municipalOrgan: '市级机关内设机构及工作人员',
	enterpriseHead: '企业负责人'
};

/** Everything about one selection that is data rather than code. Dates are 'YYYY-MM-DD'. */
export interface CampaignParameters {
	/** Places per track (通知一(一)). */
	quotas: Record<Track, number>;
	/** Last day on which units may submit (通知四(四): 10月28日前报送); later is UNIT-LATE. */
	submissionDeadline: string;
	/** The date tenure is measured at (通知二(二)2②: 截至2022年10月). */
	asOfDate: string;
	/** First day of the record window for awards, punishments, assessments (市五届人大以来). */
	recordWindowStart: string;
	/** Minimum length of each unit's own public notice in working days (通知三(一)). */
	unitNoticeWorkingDays: number;
	/** Length of the final public notice in working days (通知三(四)). */
	finalNoticeWorkingDays: number;
	/** Composition caps as fractions of the cap base (通知四(二), 原则上: soft). */
	caps: Record<CapKey, number>;
	/** Tracks whose quotas add up to the cap base (表彰总数). */
	capBaseTracks: Track[];
	/** How joint review decides: approvals by more than half of the panel's voting members. */
	passRule: 'majority-of-panel';
	/** Minimum full-time deputy-work years for liaison staff (通知二(二)2②: 满3年以上). */
	staffMinYears: number;
	/** Maximum length in characters of the forms' long texts (attachments 1–3). */
	textLimits: { deeds: number; summary: number; reason: number };
	/**
	 * Issue date of the notice (落款 2022年10月17日): nothing of a unit's own procedure — its
	 * public notice, its consultations — can come before it. Absent = unknown (older campaigns).
	 */
	issuedOn?: string;
	/**
	 * Sessions of the congress held by the as-of date (市五届人大一次 … 五次会议): a suggestion
	 * numbered with a later session cannot exist yet. Absent = unknown (older campaigns).
	 */
	sessionsHeld?: number;
	/** The organisers' contacts printed in the notice (通知六), shown on unit pages and in UNIT-LATE. */
	organisers?: Organiser[];
}

/** One organiser's contact block as the notice prints it (通知六(一)、(二)). */
export interface Organiser {
	/** The office, e.g. 重庆市人大常委会人代工委. */
	name: string;
	/** Contact people. */
	people: string[];
	/** Office phone numbers (published in the notice: not personal data). */
	phones: string[];
	address: string;
}

/** The two organisers' contacts of notice 渝人社〔2022〕406号 (通知六). */
export const chongqingOrganisers: Organiser[] = [
	{
		name: '重庆市人大常委会人代工委',
		people: ['郑家明', '尹宏胜'],
		phones: ['67678767', '67678280'],
		address: '渝北区红锦大道60号525A室'
	},
	{
		name: '重庆市人力资源和社会保障局',
		people: ['闫文举', '贯德玉'],
		phones: ['88979859', '88979849'],
		address: '渝北区春华大道99号北区1号楼1301室'
	}
];

/** One line naming an organiser's contacts: “重庆市人大常委会人代工委（郑家明、尹宏胜，67678767、67678280）”. */
export function organiserContactText(organiser: Organiser): string {
	return `${organiser.name}（${organiser.people.join('、')}，${organiser.phones.join('、')}）`;
}

/** Named parameter sets; `chongqing-2022` is notice 渝人社〔2022〕406号 (SPEC §2). */
export const presets: Record<'chongqing-2022', CampaignParameters> = {
	'chongqing-2022': {
		quotas: { collective: 40, individual: 50, suggestion: 100, station: 115 },
		submissionDeadline: '2022-10-28',
		asOfDate: '2022-10-31',
		recordWindowStart: '2018-01-01',
		unitNoticeWorkingDays: 5,
		finalNoticeWorkingDays: 5,
		caps: { division: 0.2, municipalOrgan: 0.15, enterpriseHead: 0.15 },
		capBaseTracks: ['collective', 'individual'],
		passRule: 'majority-of-panel',
		staffMinYears: 3,
		textLimits: { deeds: 2000, summary: 200, reason: 500 },
		issuedOn: '2022-10-17',
		sessionsHeld: 5,
		organisers: chongqingOrganisers
	}
};

/** Name of a preset. */
export type PresetName = keyof typeof presets;

/** The preset used when a document names none. */
export const defaultPreset: PresetName = 'chongqing-2022';

/** The cap base (表彰总数): the sum of the quotas of `capBaseTracks` — 40 + 50 = 90 for the preset. */
export function capBase(params: CampaignParameters): number {
	return params.capBaseTracks.reduce((sum, track) => sum + params.quotas[track], 0);
}

/** Allowed count under each composition cap: floor(cap base × fraction) — 18 / 13 / 13 for the preset. */
export function capLimits(params: CampaignParameters): Record<CapKey, number> {
	const base = capBase(params);
	// The epsilon keeps 90 × 0.2 at 18 despite binary fractions.
	const limit = (fraction: number) => Math.floor(base * fraction + 1e-9);
	return {
		division: limit(params.caps.division),
		municipalOrgan: limit(params.caps.municipalOrgan),
		enterpriseHead: limit(params.caps.enterpriseHead)
	};
}
