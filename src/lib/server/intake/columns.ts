/**
 * The columns of the spreadsheet template of one track, derived from the approval form's one
 * description (domain/approval-forms.ts) and the nomination's common fields (SPEC §10): each
 * column's header (the form's label), its width, whether it must be filled, the closed list its
 * drop-down offers, how a nomination is written into it and how its text is read back. The
 * template writer and the reader both use this list; no column is spelled anywhere else.
 */
import { approvalFormOf, type FormField } from '../../domain/approval-forms';
import type { CampaignParameters, NominationTrack } from '../../domain/campaign';
import { fieldLabel } from '../../domain/field-labels';
import type { Nomination, UnitKind } from '../../domain/interchange';
import { unitKinds } from '../../domain/interchange';
import {
	assessmentResults,
	consultationDepartments,
	consultationResults
} from '../../domain/vocabulary';
import { printedValue } from '../export/approval-form';
import { unitKindLabels } from '../units/overview';
import { setField, type Draft } from './draft';
import { trimAscii } from './field-text';

/** One column of a template sheet. */
export interface TemplateColumn {
	header: string;
	/** Width in characters. */
	width: number;
	required: boolean;
	/** The values its drop-down list offers. */
	choices?: readonly string[];
	/** How to fill it in, for the 填写说明 sheet. */
	hint: string;
	/** Numbers are stored as numbers; everything else as text (so 1975.10 stays 1975.10). */
	numeric: boolean;
	write(nomination: Nomination): string | number;
	read(draft: Draft, text: string): void;
}

const yes = ['是', '否'] as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function dateColumn(
	header: string,
	get: (n: Nomination) => string | undefined,
	set: (draft: Draft, value: string) => void
): TemplateColumn {
	return {
		header,
		width: 14,
		required: false,
		hint: '日期，写作 2022-10-28',
		numeric: false,
		write: (n) => get(n) ?? '',
		read(draft, text) {
			const value = trimAscii(text);
			if (value === '') return;
			if (isoDate.test(value)) set(draft, value);
			else draft.problems.push(`${draft.source}：“${header}”应写作 2022-10-28，现为“${value}”。`);
		}
	};
}

/** Columns every track starts with: 推荐编号, 推荐单位 and its type, dates of submission and notice. */
function commonColumns(): TemplateColumn[] {
	const kindByLabel = new Map<string, UnitKind>(unitKinds.map((k) => [unitKindLabels[k], k]));
	const notice = (draft: Draft) => (draft.unitNotice ??= { start: '', end: '' });
	return [
		{
			header: fieldLabel('ref'),
			width: 14,
			required: false,
			hint: '本单位自编的编号，可不填（不填时按行号编号）',
			numeric: false,
			write: (n) => n.ref,
			read: (draft, text) => void (draft.ref = trimAscii(text) || undefined)
		},
		{
			header: fieldLabel('unit.name'),
			width: 28,
			required: true,
			hint: '推荐单位全称；单位账号上传时可不填（即本单位）',
			numeric: false,
			write: (n) => n.unit.name,
			read: (draft, text) => void (draft.unitName = trimAscii(text) || undefined)
		},
		{
			header: fieldLabel('unit.kind'),
			width: 20,
			required: false,
			choices: unitKinds.map((k) => unitKindLabels[k]),
			hint: '从下拉列表选择；不填时按本单位在名册中的类型',
			numeric: false,
			write: (n) => unitKindLabels[n.unit.kind],
			read(draft, text) {
				const value = trimAscii(text);
				if (value === '') return;
				const kind = kindByLabel.get(value);
				if (kind) draft.unitKind = kind;
				else
					draft.problems.push(
						`${draft.source}：推荐单位类型“${value}”不在下拉列表中，应为 ${[...kindByLabel.keys()].join('、')} 之一。`
					);
			}
		},
		dateColumn(
			fieldLabel('submittedAt'),
			(n) => n.submittedAt,
			(draft, value) => (draft.submittedAt = value)
		),
		dateColumn(
			fieldLabel('unitNotice.start'),
			(n) => n.unitNotice?.start,
			(draft, value) => (notice(draft).start = value)
		),
		dateColumn(
			fieldLabel('unitNotice.end'),
			(n) => n.unitNotice?.end,
			(draft, value) => (notice(draft).end = value)
		)
	];
}

const listHints: Partial<Record<FormField['kind'], string>> = {
	resume: '每段经历一行，写作 2000.07—2007.10　单位及职务；至今写作 2013.03—至今　单位及职务',
	awards: '每项一行，写作 2019.05　奖励名称［区县级］；没有的不填',
	punishments: '每项一行，写作 2019.05　处分名称；没有的不填'
};

const widths: Partial<Record<FormField['kind'], number>> = {
	longtext: 60,
	resume: 48,
	awards: 40,
	punishments: 30,
	flag: 10,
	number: 12
};

function formColumn(track: NominationTrack, field: FormField): TemplateColumn {
	const section = approvalFormOf(track).section;
	const valueOf = (n: Nomination) =>
		((n as Record<string, unknown>)[section] as Record<string, unknown>)[field.key];
	const choices = field.kind === 'flag' ? yes : field.choices;
	return {
		header: field.label,
		width: widths[field.kind] ?? Math.max(12, field.label.length * 2 + 2),
		required: field.required,
		choices,
		hint:
			listHints[field.kind] ??
			(choices
				? '从下拉列表选择'
				: field.kind === 'number'
					? '填数字'
					: field.kind === 'longtext'
						? '可换行（Alt+Enter）'
						: ''),
		numeric: field.kind === 'number',
		write(n) {
			const value = valueOf(n);
			if (field.kind === 'number') return typeof value === 'number' ? value : '';
			return printedValue(field, value);
		},
		read: (draft, text) => setField(draft, field, text)
	};
}

/** One column per assessment year the rules check (记录期首年 to the year before the as-of date). */
function assessmentColumns(field: FormField, parameters: CampaignParameters): TemplateColumn[] {
	const first = Number(parameters.recordWindowStart.slice(0, 4));
	const last = Number(parameters.asOfDate.slice(0, 4)) - 1;
	const columns: TemplateColumn[] = [];
	for (let year = first; year <= last; year++) {
		columns.push({
			header: `${year}年度考核`,
			width: 12,
			required: false,
			choices: assessmentResults,
			hint: `${field.label}：${year}年度考核结果，从下拉列表选择；不需要考核的不填`,
			numeric: false,
			write: (n) =>
				n.track === 'individual'
					? (n.person.assessments.find((a) => a.year === year)?.result ?? '')
					: '',
			read(draft, text) {
				const result = trimAscii(text);
				const list = (draft.section[field.key] ??= []) as { year: number; result: string }[];
				if (result !== '') list.push({ year, result });
			}
		});
	}
	return columns;
}

const consultationLine =
	/^(\S+?)\s*[：:]\s*(\S+?)\s*(?:[，,]\s*(\d{4}-\d{2}-\d{2}))?\s*(?:[，,]\s*(.*))?$/s;

/** 征求意见 (附件4–5): one department a line, 「组织人事：无异议，2022-10-20」. */
function consultationColumn(): TemplateColumn {
	const header = fieldLabel('consultations');
	return {
		header,
		width: 36,
		required: false,
		hint: `每个部门一行，写作 组织人事：无异议，2022-10-20（可再加“，备注”）；部门为 ${consultationDepartments.join('、')}，结果为 ${consultationResults.join('或')}`,
		numeric: false,
		write: (n) =>
			n.consultations
				.map((c) => [`${c.dept}：${c.result}`, c.date, c.note].filter(Boolean).join('，'))
				.join('\n'),
		read(draft, text) {
			const lines = text
				.split('\n')
				.map(trimAscii)
				.filter((line) => line !== '');
			const records: Nomination['consultations'] = [];
			for (const line of lines) {
				const match = consultationLine.exec(line);
				if (!match) {
					draft.problems.push(
						`${draft.source}：“${header}”中的“${line}”无法识别，应写作 组织人事：无异议，2022-10-20。`
					);
					return;
				}
				records.push({
					dept: match[1]!,
					result: match[2]!,
					date: match[3] ?? '',
					note: match[4] ?? ''
				});
			}
			draft.consultations = records;
		}
	};
}

/**
 * The template's columns for `track`, in the form's order: the common columns, every field of the
 * form but the photo (assessments one column a year), then 征求意见 for people and collectives.
 */
export function templateColumns(
	track: NominationTrack,
	parameters: CampaignParameters
): TemplateColumn[] {
	const form = approvalFormOf(track);
	const columns = commonColumns();
	for (const field of form.fields) {
		if (field.kind === 'photo') continue;
		if (field.kind === 'assessments') columns.push(...assessmentColumns(field, parameters));
		else columns.push(formColumn(track, field));
	}
	if (track !== 'suggestion') columns.push(consultationColumn());
	return columns;
}

/** A header as typed: without spaces, a trailing ＊/* mark or 「（必填）」. */
export function headerKey(text: string): string {
	return text.replace(/[\s\u3000]/g, '').replace(/^[*＊]+|[*＊]+$|（必填）$|\(必填\)$/g, '');
}
