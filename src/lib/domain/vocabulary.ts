/**
 * The closed lists of the approval forms (attachments 1–5 of the notice) and the rank groups
 * the rules need. A value outside a list is an ENUM-INVALID finding.
 */

/** 性别 (attachment 2). */
export const genders = ['男', '女'] as const;

/** 工作单位性质 (attachment 2 note 5). */
export const unitNatures = ['机关', '参公单位', '事业单位', '企业', '军队', '其他'] as const;

/** 推荐类别 of an individual (attachment 2 note 5). */
export const personCategories = [
	'市人大代表',
	'区县人大代表',
	'乡镇人大代表',
	'代表联络工作人员'
] as const;

/** 推荐类别 of a collective (attachment 1 note 4). */
export const collectiveCategories = [
	'联系组',
	'专业组',
	'工作部门相关处室',
	'建议办理单位相关处室',
	'代表家站'
] as const;

/** Collective categories that have no level (附件1填表说明四：如联系组、专业组没有级别): 集体级别 stays empty. */
export const levellessCategories = ['联系组', '专业组'] as const;

/** A 集体级别 read as an administrative level: its grade, and whether it is a 副职 (deputy) level. */
export interface CollectiveLevel {
	grade: '省部级' | '厅局级' | '县处级' | '乡科级' | '股级';
	deputy: boolean;
}

const LEVEL =
	/^(?:参照|相当于|参公)?(正|副)?(省部|省|部|厅局|厅|局|县处|处|乡科|科|股)级(?:单位|机构)?$/;
const GRADES: Record<string, CollectiveLevel['grade']> = {
	省部: '省部级',
	省: '省部级',
	部: '省部级',
	厅局: '厅局级',
	厅: '厅局级',
	局: '厅局级',
	县处: '县处级',
	处: '县处级',
	乡科: '乡科级',
	科: '乡科级',
	股: '股级'
};

/**
 * Reads a 集体级别 — “集体行政级别或者参照级别” (附件1填表说明四): 正处级, 副科级, 参照正处级,
 * 相当于副厅局级, 县处级, 股级 … (spaces ignored). Null when the text is not a level at all
 * (e.g. 省级示范, 先进单位): such a value is ENUM-INVALID, never a rank exclusion.
 */
export function parseCollectiveLevel(level: string): CollectiveLevel | null {
	const match = LEVEL.exec(level.replace(/\s/g, ''));
	if (!match) return null;
	const grade = GRADES[match[2] ?? ''];
	return grade ? { grade, deputy: match[1] === '副' } : null;
}

/** True for a 集体级别 of 副厅局级 or above (通知四(二)：不评选副厅局级或者相当于副厅局级以上单位). */
export function isExcludedLevel(level: CollectiveLevel): boolean {
	return level.grade === '省部级' || level.grade === '厅局级';
}

/**
 * Choices as the notice's own forms word them (附件1填表说明四, 附件2填表说明五), for the value a
 * closed list keeps: a unit that types the notice's wording has chosen that value.
 */
export const choiceWordings: Readonly<Record<string, string>> = {
	直接从事市人大代表联络的工作人员: '代表联络工作人员',
	直接从事市人大代表联络工作的工作人员: '代表联络工作人员',
	市人大常委会工作部门相关处室: '工作部门相关处室',
	市人大代表建议办理单位相关处室: '建议办理单位相关处室',
	人大代表家站: '代表家站',
	参照公务员法管理单位: '参公单位',
	参照公务员法管理的事业单位: '参公单位'
};

/** The person category of liaison staff (通知二(二)2). */
export const staffCategory = '代表联络工作人员';

/** The collective category of deputy home/stations (通知一(二)). */
export const stationCategory = '代表家站';

/** 副厅局级 and above (通知四(二): 不评选副厅局级…以上…个人). 一/二级巡视员 are 厅局级 职级. */
export const excludedRanks = [
	'省部级',
	'厅局级正职',
	'厅局级副职',
	'一级巡视员',
	'二级巡视员'
] as const;

/**
 * 处级干部 for the 20 % cap and the extra-nominee rule (通知四(二)): 县处级 leadership posts and
 * the 一级–四级调研员 职级, which the civil-service rank rules place at 县处级.
 */
export const divisionRanks = [
	'县处级正职',
	'县处级副职',
	'一级调研员',
	'二级调研员',
	'三级调研员',
	'四级调研员'
] as const;

/**
 * 职务职级 (SPEC §10). Besides the spec's list we accept the 乡科级 职级 (主任科员, 科员) that the
 * civil-service rules define, since the form asks for ranks "按照国家有关规定". Empty is allowed
 * (没有级别的可以不填).
 */
export const ranks = [
	...excludedRanks,
	...divisionRanks,
	'乡科级正职',
	'乡科级副职',
	'一级主任科员',
	'二级主任科员',
	'三级主任科员',
	'四级主任科员',
	'一级科员',
	'二级科员',
	'其他',
	'无'
] as const;

/** Annual assessment results meeting 称职（合格）及以上 (通知二(二)1③, 2③). */
export const passingAssessments = ['优秀', '称职', '合格', '良好'] as const;

/** Annual assessment results below 称职（合格）. */
export const failingAssessments = ['基本称职', '基本合格', '不称职', '不合格'] as const;

/** 不定等次: no graded result that year (new hire, long leave); treated as a missing year. */
export const ungradedAssessments = ['不定等次', '未定等次'] as const;

/** Every recognised assessment result. */
export const assessmentResults = [
	...passingAssessments,
	...failingAssessments,
	...ungradedAssessments
] as const;

/** Departments consulted (通知三(一), 四(一)2–4, attachments 4–5). */
export const consultationDepartments = [
	'组织人事',
	'纪检监察',
	'公安',
	'统战',
	'生态环境',
	'人力社保',
	'税务',
	'市场监管',
	'应急管理',
	'国资'
] as const;

/** A consulted department. */
export type ConsultationDepartment = (typeof consultationDepartments)[number];

/** Results of a consultation. */
export const consultationResults = ['无异议', '有异议'] as const;
export type ConsultationResult = (typeof consultationResults)[number];

/** Short and full names of the eight democratic parties (通知四(一)4: 民主党派人员). */
export const democraticPartyMarks = [
	'民革',
	'民盟',
	'民建',
	'民进',
	'农工',
	'致公',
	'九三',
	'台盟',
	'国民党革命委员会',
	'民主同盟',
	'民主建国会',
	'民主促进会',
	'台湾民主自治同盟'
] as const;

/** True when `value` is one of `list` (a typed `includes`). */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
	return (list as readonly string[]).includes(value);
}
