/**
 * The approval forms of the notice (附件1–3), described once: each form's fields in the order the
 * paper form prints them, with the Chinese label, whether the form requires it, and who may read
 * it (SPEC §7). The form view, the required-field rule, the privacy filter, and the Word writer
 * and importer all read this description; no field list is written anywhere else.
 */
import type { NominationTrack } from './campaign';
import type { CollectiveForm, PersonForm, SuggestionForm } from './interchange';
import { collectiveCategories, genders, personCategories, ranks, unitNatures } from './vocabulary';

/**
 * Who may read a field: `open` — everyone who sees the candidate; `panel` — not the shared
 * screen (出生年月, SPEC §7); `personal` — only secretaries and the submitting unit (ID number,
 * phone, address, postcode).
 */
export const fieldPrivacies = ['open', 'panel', 'personal'] as const;
export type FieldPrivacy = (typeof fieldPrivacies)[number];

/** How a field's value is shaped, for display and for writing it into a document. */
export const fieldKinds = [
	'text',
	'longtext',
	'flag',
	'number',
	'assessments',
	'resume',
	'awards',
	'punishments',
	'photo'
] as const;
export type FieldKind = (typeof fieldKinds)[number];

/** One field of an approval form. */
export interface FormField<K extends string = string> {
	/** Key in the form's section of a nomination (SPEC §10). */
	key: K;
	/** The label as the approval form prints it. */
	label: string;
	/** Empty is REQUIRED-MISSING (only text fields; lists and conditional ones are rules of their own). */
	required: boolean;
	privacy: FieldPrivacy;
	kind: FieldKind;
	/** False for facts the rules need that the paper form does not print (认定事项). */
	printed: boolean;
	/** The closed list a value is chosen from (vocabulary.ts), for drop-down lists; none when free text. */
	choices?: readonly string[];
}

/** One approval form: which attachment, its title and its section of a nomination. */
export interface ApprovalForm<
	Section extends 'person' | 'collective' | 'suggestion',
	K extends string
> {
	track: NominationTrack;
	attachment: string;
	/** The form's title, as in 「先进个人推荐审批表」. */
	title: string;
	section: Section;
	fields: readonly FormField<K>[];
}

type Spec = [
	label: string,
	kind?: FieldKind,
	options?: Partial<Omit<FormField, 'key' | 'label' | 'kind'>>
];

function describe<K extends string>(specs: [K, ...Spec][]): FormField<K>[] {
	return specs.map(([key, label, kind = 'text', options = {}]) => ({
		key,
		label,
		kind,
		required: options.required ?? false,
		privacy: options.privacy ?? 'open',
		printed: options.printed ?? true,
		...(options.choices ? { choices: options.choices } : {})
	}));
}

const required = { required: true } as const;
const personal = { required: true, privacy: 'personal' } as const;
const fact = { printed: false } as const;

/** 先进个人推荐审批表 (附件2). */
export const individualForm: ApprovalForm<'person', keyof PersonForm & string> = {
	track: 'individual',
	attachment: '附件2',
	title: '先进个人推荐审批表',
	section: 'person',
	fields: describe<keyof PersonForm & string>([
		['name', '姓名', 'text', required],
		['gender', '性别', 'text', { required: true, choices: genders }],
		['photo', '照片', 'photo'],
		['ethnicity', '民族', 'text', required],
		['birth', '出生年月', 'text', { required: true, privacy: 'panel' }],
		['nativePlace', '籍贯', 'text', required],
		['politicalStatus', '政治面貌', 'text', required],
		['party', '党派'],
		['education', '学历学位', 'text', required],
		['phone', '联系电话', 'text', personal],
		['idType', '证件类型', 'text', required],
		['idNumber', '证件号码', 'text', personal],
		['employer', '工作单位', 'text', required],
		['employerAddress', '所在单位地址', 'text', { privacy: 'personal' }],
		['employerPostcode', '所在单位邮编', 'text', { privacy: 'personal' }],
		['position', '职务'],
		['rank', '职级', 'text', { choices: ranks }],
		['unitNature', '单位性质', 'text', { required: true, choices: unitNatures }],
		['category', '推荐类别', 'text', { required: true, choices: personCategories }],
		['assessments', '近五年考核情况', 'assessments'],
		['liaisonYears', '直接从事市人大代表工作年限（年）', 'number'],
		['resume', '个人简历', 'resume'],
		['awards', '何时何地受过何种奖励', 'awards'],
		['punishments', '何时何地受过何种处分', 'punishments'],
		['deeds', '主要事迹', 'longtext', required],
		['inPost', '在职在岗', 'flag', fact],
		['municipalCadre', '市管干部', 'flag', fact],
		['enterpriseHead', '企业负责人', 'flag', fact],
		['stateOwned', '国有企业', 'flag', fact],
		['municipalOrganStaff', '市级机关工作人员', 'flag', fact],
		['grassrootsFrontline', '基层一线', 'flag', fact]
	])
};

/** 先进集体推荐审批表 (附件1). */
export const collectiveForm: ApprovalForm<'collective', keyof CollectiveForm & string> = {
	track: 'collective',
	attachment: '附件1',
	title: '先进集体推荐审批表',
	section: 'collective',
	fields: describe<keyof CollectiveForm & string>([
		['name', '集体名称', 'text', required],
		['category', '推荐类别', 'text', { required: true, choices: collectiveCategories }],
		['level', '集体级别'],
		['memberCount', '集体人员数（人）', 'number'],
		['leader', '集体负责人姓名', 'text', required],
		['leaderPosition', '集体负责人职务', 'text', required],
		['address', '单位地址', 'text', personal],
		['postcode', '邮编', 'text', personal],
		['awards', '何时受过何种奖励', 'awards'],
		['punishments', '何时受过何种处分', 'punishments'],
		['deeds', '主要事迹', 'longtext', required],
		['municipalOrganBody', '市级机关内设机构', 'flag', fact]
	])
};

/** 优秀建议推荐审批表 (附件3). */
export const suggestionForm: ApprovalForm<'suggestion', keyof SuggestionForm & string> = {
	track: 'suggestion',
	attachment: '附件3',
	title: '优秀建议推荐审批表',
	section: 'suggestion',
	fields: describe<keyof SuggestionForm & string>([
		['leadDeputy', '代表（领衔代表）姓名', 'text', required],
		['liaisonGroup', '所在联系组', 'text', required],
		['number', '建议编号', 'text', required],
		['title', '建议题目', 'text', required],
		['summary', '建议内容摘要', 'longtext', required],
		['reason', '推荐理由', 'longtext', required],
		['delegation', '全团建议', 'flag', fact],
		['commendedBefore', '本届获得过市人大常委会通报表扬', 'flag', fact]
	])
};

/** The approval form of each nomination track. */
export const approvalForms = {
	individual: individualForm,
	collective: collectiveForm,
	suggestion: suggestionForm
} as const;

/** The approval form of a track. */
export function approvalFormOf(track: NominationTrack) {
	return approvalForms[track] as ApprovalForm<'person' | 'collective' | 'suggestion', string>;
}
