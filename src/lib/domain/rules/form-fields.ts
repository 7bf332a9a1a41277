/**
 * Required fields and closed lists of the approval forms (attachments 1–3, 4–5):
 * REQUIRED-MISSING and ENUM-INVALID.
 */
import { collectiveForm, individualForm, suggestionForm, type FormField } from '../approval-forms';
import { isStaff } from '../candidate-facts';
import type { CollectiveForm, Nomination, PersonForm, SuggestionForm } from '../interchange';
import { isBlank, listText } from '../text';
import {
	assessmentResults,
	consultationDepartments,
	consultationResults,
	isOneOf,
	levellessCategories,
	parseCollectiveLevel
} from '../vocabulary';
import { issue, type Issue } from './finding';

type Labels<T> = Partial<Record<keyof T, string>>;

/** The required fields of a form and their labels, from the form's description. */
function requiredLabels<K extends string>(form: {
	fields: readonly FormField<K>[];
}): Labels<Record<K, unknown>> {
	return Object.fromEntries(
		form.fields.filter((field) => field.required).map((field) => [field.key, field.label])
	) as Labels<Record<K, unknown>>;
}

/** Fields of 附件2 that must be filled (职务职级、党派、奖惩 may be empty: 没有的可以不填). */
export const requiredPersonFields: Labels<PersonForm> = requiredLabels(individualForm);

/** Fields of 附件1 that must be filled (集体级别 may be empty: 没有级别的可以不填). */
export const requiredCollectiveFields: Labels<CollectiveForm> = requiredLabels(collectiveForm);

/** Fields of 附件3 that must be filled. */
export const requiredSuggestionFields: Labels<SuggestionForm> = requiredLabels(suggestionForm);

const missing = (field: string, label: string, form: string) =>
	issue('REQUIRED-MISSING', field, `“${label}”未填写（${form}）。请补填。`);

function blankFields<T extends object>(
	form: T,
	labels: Labels<T>,
	prefix: string,
	note: string
): Issue[] {
	const issues: Issue[] = [];
	for (const [key, label] of Object.entries(labels) as [keyof T & string, string][]) {
		const value = form[key];
		if (typeof value === 'string' && isBlank(value))
			issues.push(missing(`${prefix}.${key}`, label, note));
	}
	return issues;
}

/** REQUIRED-MISSING: every empty required field of the nomination's form, in form order. */
export function checkRequired(nomination: Nomination): Issue[] {
	const issues: Issue[] = [];
	if (isBlank(nomination.ref)) issues.push(missing('ref', '推荐编号', '交换文件'));
	if (isBlank(nomination.unit.name)) issues.push(missing('unit.name', '推荐单位', '附件1–3'));
	if (nomination.track === 'individual') {
		const person = nomination.person;
		issues.push(...blankFields(person, requiredPersonFields, 'person', '附件2'));
		if (person.resume.length === 0)
			issues.push(missing('person.resume', '个人简历', '附件2填表说明六'));
		if (isStaff(person) && person.liaisonYears === undefined) {
			issues.push(missing('person.liaisonYears', '直接从事市人大代表工作年限', '附件2'));
		}
		if (isStaff(person) && person.inPost === undefined) {
			issues.push(missing('person.inPost', '是否在职在岗', '通知二(二)2②'));
		}
	} else if (nomination.track === 'collective') {
		issues.push(
			...blankFields(nomination.collective, requiredCollectiveFields, 'collective', '附件1')
		);
		const count = nomination.collective.memberCount;
		if (count === undefined || !(count >= 1))
			issues.push(missing('collective.memberCount', '集体人员数', '附件1'));
	} else {
		issues.push(
			...blankFields(nomination.suggestion, requiredSuggestionFields, 'suggestion', '附件3')
		);
	}
	return issues;
}

const invalid = (
	field: string,
	label: string,
	value: string,
	list: readonly string[],
	note: string
) =>
	issue(
		'ENUM-INVALID',
		field,
		`${label}“${value}”不在可选范围内，应为 ${listText(list)} 之一（${note}）。请从中选填。`
	);

function checkList(
	field: string,
	label: string,
	value: string,
	list: readonly string[],
	note: string
): Issue[] {
	const trimmed = value.trim();
	return trimmed === '' || isOneOf(list, trimmed)
		? []
		: [invalid(field, label, trimmed, list, note)];
}

/**
 * ENUM-INVALID for 集体级别 — 附件1填表说明四：“集体级别是指集体行政级别或者参照级别，没有级别的可以
 * 不填（如联系组、专业组没有级别）”. A value that is not a level (省级示范, 先进单位) is not in the
 * list; a level given for a 联系组 or 专业组 should be left empty. Empty is always fine.
 */
export function checkCollectiveLevelValue(collective: CollectiveForm): Issue[] {
	const level = collective.level.trim();
	if (level === '') return [];
	const category = collective.category.trim();
	if (isOneOf(levellessCategories, category)) {
		return [
			issue(
				'ENUM-INVALID',
				'collective.level',
				`集体级别“${level}”：${category}没有级别，此栏应留空（附件1填表说明四）。请删除。`
			)
		];
	}
	if (parseCollectiveLevel(level)) return [];
	return [
		issue(
			'ENUM-INVALID',
			'collective.level',
			`集体级别“${level}”不是行政级别或参照级别，应写作 正处级、副科级、参照正科级 等；没有级别的请留空（附件1填表说明四）。`
		)
	];
}

/**
 * ENUM-INVALID for the fields whose closed list the form's description names (`choices`:
 * 性别, 职级, 单位性质, 推荐类别 of 附件2; 推荐类别 of 附件1) — the same lists the template's
 * drop-downs offer.
 */
function checkChoices(
	form: { section: string; attachment: string; fields: readonly FormField[] },
	values: object
): Issue[] {
	const section = values as Record<string, unknown>;
	return form.fields.flatMap((field) =>
		field.choices && typeof section[field.key] === 'string'
			? checkList(
					`${form.section}.${field.key}`,
					field.label,
					section[field.key] as string,
					field.choices,
					form.attachment
				)
			: []
	);
}

/** ENUM-INVALID: the forms' closed lists (above), 考核等次, 集体级别, 征求意见部门和结果. */
export function checkEnums(nomination: Nomination): Issue[] {
	const issues: Issue[] = [];
	if (nomination.track === 'individual') {
		const person = nomination.person;
		issues.push(...checkChoices(individualForm, person));
		person.assessments.forEach((item, index) => {
			const field = `person.assessments[${index}].result`;
			issues.push(
				...checkList(field, `${item.year}年度考核等次`, item.result, assessmentResults, '附件2')
			);
		});
	} else if (nomination.track === 'collective') {
		issues.push(...checkChoices(collectiveForm, nomination.collective));
		issues.push(...checkCollectiveLevelValue(nomination.collective));
	}
	nomination.consultations.forEach((record, index) => {
		const field = `consultations[${index}]`;
		issues.push(
			...checkList(`${field}.dept`, '征求意见部门', record.dept, consultationDepartments, '附件4–5')
		);
		issues.push(
			...checkList(`${field}.result`, '征求意见结果', record.result, consultationResults, '附件4–5')
		);
	});
	return issues;
}
