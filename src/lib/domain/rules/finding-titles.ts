/**
 * Each finding code's short Chinese title, shown before the code wherever a user reads a
 * finding (the code itself stays small beside it: imports, the CLI and support quote it).
 */
import type { FindingCode } from './finding';

/** The title of every code of SPEC §4, in SPEC order. */
export const findingTitles = {
	'IND-RANK-EXCLUDED': '个人职级不在推荐范围',
	'COL-RANK-EXCLUDED': '集体级别不在推荐范围',
	'STAFF-TENURE': '联络工作年限不足3年',
	'STAFF-NOT-IN-POST': '联络工作人员不在岗',
	'ASSESSMENT-BELOW': '年度考核低于称职（合格）',
	'ASSESSMENT-MISSING': '缺少年度考核结果',
	'DISCIPLINE-RECORD': '有处分记录',
	'ID-INVALID': '身份证号码有误',
	'BIRTH-FORMAT': '出生年月格式有误',
	'NATIVE-PLACE-FORMAT': '籍贯格式不规范',
	'RESUME-GAP': '个人简历不连续',
	'RESUME-OVERLAP': '个人简历时段重叠',
	'TEXT-TOO-LONG': '文字超过字数限制',
	'SUGGESTION-NUMBER-FORMAT': '建议编号格式有误',
	'RECORD-BEFORE-WINDOW': '列有2018年以前的奖惩',
	'REQUIRED-MISSING': '必填项未填写',
	'ENUM-INVALID': '填写值不在可选范围',
	'DUPLICATE-NOMINEE': '重复推荐',
	'SEX-ID-MISMATCH': '性别与身份证号码不符',
	'AGE-IMPLAUSIBLE': '年龄不合常理',
	'DATE-AFTER-ASOF': '日期晚于截止时间',
	'RECORD-BELOW-LEVEL': '列有区县级以下奖惩',
	'CONSULT-MISSING': '缺少征求意见',
	'CONSULT-OBJECTION': '征求意见有异议',
	'CONSULT-DATE': '征求意见日期异常',
	'PHOTO-MISSING': '缺少照片',
	'PRIORITY-HONOUR': '可优先推荐',
	'UNIT-LIMIT-EXCEEDED': '超出推荐名额',
	'UNIT-LIMIT-SHORT': '推荐数量不足',
	'UNIT-DIVISION-EXTRA': '基层一线人数不足',
	'UNIT-NOTICE-DAYS': '单位公示不足5个工作日',
	'UNIT-LATE': '逾期报送',
	'UNIT-NOTICE-ORDER': '单位公示时间顺序有误',
	'QUOTA-FULL': '拟表彰名额已满',
	'CAP-DIVISION': '处级干部超过比例',
	'CAP-MUNICIPAL-ORGAN': '市级机关超过比例',
	'CAP-ENTERPRISE-HEAD': '企业负责人超过比例'
} as const satisfies Record<FindingCode, string>;

/** A code's Chinese title; an unknown code (from an older file) shows as itself. */
export function findingTitle(code: string): string {
	return (findingTitles as Record<string, string>)[code] ?? code;
}
