/**
 * Chinese names of the fields findings concern, for people: 奖励第1条 rather than
 * `person.awards[0]`. Derived from the approval forms' description (approval-forms.ts) so a
 * field is named the way its form prints it; the machine path stays in the JSON output.
 */
import { approvalForms, type FormField } from './approval-forms';
import { capLabels, trackLabels, type CapKey, type Track } from './campaign';

/** Short names of the list fields, used with “第N条”. */
const listNames: Partial<Record<FormField['kind'], string>> = {
	assessments: '考核情况',
	resume: '个人简历',
	awards: '奖励',
	punishments: '处分'
};

/** Fields outside the three forms' sections. */
const commonLabels: Record<string, string> = {
	ref: '推荐编号',
	track: '推荐项目',
	unit: '推荐单位',
	'unit.name': '推荐单位',
	'unit.kind': '推荐单位类型',
	submittedAt: '报送日期',
	unitNotice: '本单位公示起止日期',
	'unitNotice.start': '本单位公示开始日期',
	'unitNotice.end': '本单位公示结束日期',
	consultations: '征求意见',
	nominations: '推荐名额'
};

const consultationParts: Record<string, string> = {
	dept: '部门',
	result: '结果',
	date: '日期',
	note: '备注'
};

const sections = new Map<string, Map<string, FormField>>(
	Object.values(approvalForms).map((form) => [
		form.section,
		new Map<string, FormField>(form.fields.map((field) => [field.key, field]))
	])
);

/**
 * The Chinese name of a finding's field path: `person.birth` → 出生年月, `person.awards[0]` →
 * 奖励第1条, `person.assessments[2].result` → 考核情况第3条, `consultations[1].date` →
 * 征求意见第2条（日期）, `unitNotice` → 本单位公示起止日期, a list finding's track or cap key →
 * its name. An unknown path is returned as it is.
 */
export function fieldLabel(path: string): string {
	const common = commonLabels[path];
	if (common) return common;
	if (path in trackLabels) return trackLabels[path as Track];
	if (path in capLabels) return capLabels[path as CapKey];
	const consultation = /^consultations\[(\d+)\](?:\.(\w+))?$/.exec(path);
	if (consultation) {
		const part = consultation[2] ? consultationParts[consultation[2]] : undefined;
		return `征求意见第${Number(consultation[1]) + 1}条${part ? `（${part}）` : ''}`;
	}
	const match = /^(person|collective|suggestion)\.(\w+)(?:\[(\d+)\])?(?:\.\w+)?$/.exec(path);
	const field = match ? sections.get(match[1] ?? '')?.get(match[2] ?? '') : undefined;
	if (!match || !field) return path;
	const name = listNames[field.kind] ?? field.label;
	return match[3] === undefined ? name : `${name}第${Number(match[3]) + 1}条`;
}
