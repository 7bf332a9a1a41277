/**
 * A candidate's approval form (附件1–3) as .docx, laid out from the form's one description
 * (`domain/approval-forms.ts`): short fields two to a row (label | value | label | value), the
 * photo in its box beside the first rows of 先进个人, lists and long text across the table, then
 * the opinion rows of the notice left blank for signatures and seals. Individual and collective
 * forms open with the notice's cover (name, 推荐单位 as the register records it, 填报时间). Body
 * 方正仿宋 小四 (SPEC §8).
 */
import {
	AlignmentType,
	ImageRun,
	PageBreak,
	Paragraph,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	VerticalAlignTable,
	WidthType,
	type FileChild
} from 'docx';
import { approvalFormOf, type FormField } from '../../domain/approval-forms';
import type { Nomination } from '../../domain/interchange';
import { printedUnitName, type ReportingUnit } from '../../domain/recommending-unit';
import { chineseDate, faces, gongwen, plain, run, sizes, textWidth, toBytes } from './word';

const face = '方正仿宋';
const size = sizes.xiaosi;

/**
 * A nomination as the form writers take it: its unit with the 推荐单位 the register records
 * (absent or null: not on the register, the unit's own name is printed; `printedUnitName`).
 */
export type FormNomination = Nomination & { unit: ReportingUnit };

/** The opinion rows each form ends with, as the notice prints them (blank for signing). */
const opinionRows: Record<Nomination['track'], [label: string, seals: string][]> = {
	individual: [
		['所在单位意见', '签字（盖章）：\n年　月　日'],
		['区县（自治县）人大常委会或重庆警备区政治工作局意见', '签字（盖章）：\n年　月　日'],
		[
			'市人大常委会人代工委、市人力社保局审核意见',
			'（盖章）　　　　　　（盖章）\n年　月　日　　　　　年　月　日'
		],
		['重庆市人大常委会审批意见', '（盖章）\n年　月　日']
	],
	collective: [
		['所在单位意见', '签字（盖章）：\n年　月　日'],
		['区县（自治县）人大常委会或重庆警备区政治工作局意见', '签字（盖章）：\n年　月　日'],
		[
			'市人大常委会人代工委、市人力社保局审核意见',
			'（盖章）　　　　　　（盖章）\n年　月　日　　　　　年　月　日'
		],
		['市人大常委会审批意见', '（盖章）\n年　月　日']
	],
	suggestion: [
		['推荐单位意见', '签字（盖章）：\n年　月　日'],
		['市人大常委会人代工委审核意见', '（盖章）\n年　月　日'],
		['市人大常委会审批意见', '（盖章）\n年　月　日']
	]
};

/** Between a list entry's date and its text: an ideographic space. */
export const gap = '\u3000';

/** A form's value as printed: lists one entry a line, numbers as written, flags 是/否. */
export function printedValue(field: FormField, value: unknown): string {
	if (value === undefined || value === null) return '';
	switch (field.kind) {
		case 'assessments':
			return (value as { year: number; result: string }[])
				.map((a) => `${a.year}年：${a.result}`)
				.join('\n');
		case 'resume':
			return (value as { from: string; to: string; text: string }[])
				.map((r) => `${r.from}—${r.to}${gap}${r.text}`)
				.join('\n');
		case 'awards':
			return (value as { date: string; text: string; level?: string }[])
				.map((a) => `${a.date}${gap}${a.text}${a.level ? `［${a.level}］` : ''}`)
				.join('\n');
		case 'punishments':
			return (value as { date: string; text: string }[])
				.map((p) => `${p.date}${gap}${p.text}`)
				.join('\n');
		case 'flag':
			return value ? '是' : '否';
		case 'photo':
			return '';
		default:
			return String(value);
	}
}

/** The signature block of an opinion row: the lines right-aligned, space above for the signature. */
function sealLines(text: string): Paragraph[] {
	return text.split('\n').map(
		(line, index) =>
			new Paragraph({
				alignment: AlignmentType.RIGHT,
				spacing: { before: index === 0 ? 480 : 0 },
				indent: { right: 400 },
				children: [plain(line)]
			})
	);
}

/** Paragraphs of multi-line text in the form's face (the document's default run). */
function lines(text: string, options: { center?: boolean; bold?: boolean } = {}): Paragraph[] {
	return text.split('\n').map(
		(line) =>
			new Paragraph({
				alignment: options.center ? AlignmentType.CENTER : undefined,
				children: [plain(line, options.bold)]
			})
	);
}

/** A cell of the form's table (its margins are the table's, set once). */
function cell(
	text: string,
	options: { span?: number; rowSpan?: number; label?: boolean; children?: Paragraph[] } = {}
): TableCell {
	return new TableCell({
		columnSpan: options.span,
		rowSpan: options.rowSpan,
		verticalAlign: VerticalAlignTable.CENTER,
		children: options.children ?? lines(text, { center: options.label })
	});
}

/** Photos decoded lately, by their base64 text: a zip of many forms decodes a repeated one once. */
const photos = new Map<string, Buffer>();
function decodedPhoto(base64: string): Buffer {
	let data = photos.get(base64);
	if (!data) {
		data = Buffer.from(base64, 'base64');
		if (photos.size >= 32) photos.delete(photos.keys().next().value!);
		photos.set(base64, data);
	}
	return data;
}

/** The photo cell: the image when the nomination has one (PNG or JPEG data URL), else the box's caption. */
function photoCell(photo: string, rowSpan: number): TableCell {
	const match = /^data:image\/(png|jpe?g);base64,(.+)$/i.exec(photo ?? '');
	if (match?.[1] && match[2]) {
		const data = decodedPhoto(match[2]);
		return cell('', {
			rowSpan,
			children: [
				new Paragraph({
					alignment: AlignmentType.CENTER,
					children: [
						new ImageRun({
							type: match[1].toLowerCase() === 'png' ? 'png' : 'jpg',
							data,
							// 2寸 photo: 35 × 49 mm at 96 px per inch.
							transformation: { width: 132, height: 185 }
						})
					]
				})
			]
		});
	}
	return cell('照片\n（近期2寸\n正面半身免冠\n彩色照片）', { rowSpan, label: true });
}

/** Lists and long text take a row of their own; so does a field with a long label. */
const wide = new Set<FormField['kind']>([
	'longtext',
	'assessments',
	'resume',
	'awards',
	'punishments'
]);
const ownRow = (field: FormField) => wide.has(field.kind) || field.label.length > 8;

/**
 * The form's table, from its description, in its order: short fields two to a row (label |
 * value | label | value), the photo box beside the first rows of 先进个人, a field with a list,
 * long text or a long label across the table (long text under a heading row of its own), then
 * the opinion rows left blank for signatures and seals.
 */
function formTable(nomination: Nomination): Table {
	const form = approvalFormOf(nomination.track);
	const section = (nomination as Record<string, unknown>)[form.section] as Record<string, unknown>;
	const printed = form.fields.filter((field) => field.printed);
	const photoField = printed.find((field) => field.kind === 'photo');
	const columns = photoField ? 5 : 4;
	// Group the fields into rows in order: pairs of short fields, or one field alone.
	const groups: FormField[][] = [];
	let pending: FormField | null = null;
	for (const field of printed) {
		if (field.kind === 'photo') continue;
		if (ownRow(field)) {
			if (pending) groups.push([pending]);
			pending = null;
			groups.push([field]);
		} else if (pending) {
			groups.push([pending, field]);
			pending = null;
		} else pending = field;
	}
	if (pending) groups.push([pending]);
	// The photo box spans the leading rows of pairs (at most five, as on the paper form).
	let photoRows = 0;
	if (photoField) {
		while (photoRows < Math.min(5, groups.length) && groups[photoRows]?.length === 2) photoRows++;
		photoRows = Math.max(photoRows, 1);
	}
	const rows: TableRow[] = [];
	groups.forEach((group, index) => {
		const [first, second] = group;
		if (!first) return;
		const beside = index < photoRows ? 1 : 0;
		const valueOf = (field: FormField) => printedValue(field, section[field.key]);
		if (first.kind === 'longtext') {
			rows.push(
				new TableRow({
					cantSplit: true,
					children: [cell(first.label, { label: true, span: columns })]
				}),
				new TableRow({
					height: { value: 2400, rule: 'atLeast' },
					children: [cell(valueOf(first) || ' ', { span: columns })]
				})
			);
			return;
		}
		const cells = second
			? [
					cell(first.label, { label: true }),
					cell(valueOf(first)),
					cell(second.label, { label: true }),
					cell(valueOf(second), { span: columns - 3 - beside || undefined })
				]
			: [
					cell(first.label, { label: true }),
					cell(valueOf(first) || ' ', { span: columns - 1 - beside })
				];
		if (index === 0 && photoField) cells.push(photoCell(String(section.photo ?? ''), photoRows));
		rows.push(new TableRow({ cantSplit: true, children: cells }));
	});
	for (const [label, seals] of opinionRows[nomination.track]) {
		rows.push(
			new TableRow({
				cantSplit: true,
				height: { value: 1400, rule: 'atLeast' },
				children: [
					cell(label, { label: true }),
					cell('', { span: columns - 1, children: sealLines(seals) })
				]
			})
		);
	}
	const columnWidths = photoField ? [1560, 2050, 1560, 1830, 1844] : [1800, 2622, 1800, 2622];
	return new Table({
		width: { size: textWidth, type: WidthType.DXA },
		columnWidths,
		layout: TableLayoutType.FIXED,
		margins: { left: 80, right: 80, top: 40, bottom: 40 },
		rows
	});
}

/** The name a form is filed under: the person's or collective's name, or the suggestion's title. */
export function formSubject(nomination: Nomination): string {
	if (nomination.track === 'individual') return nomination.person.name;
	if (nomination.track === 'collective') return nomination.collective.name;
	return nomination.suggestion.title;
}

/**
 * The file name the notice asks for: `先进个人推荐审批表－姓名－推荐单位.docx`, 推荐单位 as the form
 * prints it (`printedUnitName`).
 */
export function formFileName(nomination: FormNomination): string {
	return formFileNameOf(nomination.track, formSubject(nomination), nomination.unit);
}

/** The same name from the track, the subject (the candidate's title) and the unit. */
export function formFileNameOf(
	track: Nomination['track'],
	subject: string,
	unit: ReportingUnit
): string {
	const clean = (text: string) =>
		text
			.replace(/[\\/:*?"<>|\r\n\t]/g, '_')
			.trim()
			.slice(0, 60) || '未填写';
	return `${approvalFormOf(track).title}－${clean(subject)}－${clean(printedUnitName(unit))}.docx`;
}

/** 填报时间 as the form prints it: 2022年10月28日, or blanks to fill in. */
function filedOn(date: string | undefined): string {
	return chineseDate(date) ?? '　　年　　月　　日';
}

/** The cover of 附件1–2: title, name (and employer), 推荐单位 (填表说明三), 填报时间. */
function cover(nomination: FormNomination): FileChild[] {
	const form = approvalFormOf(nomination.track);
	const big = (text: string) =>
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { before: 600 },
			children: [run(text, faces.title, sizes.erhao)]
		});
	const line = (label: string, value: string) =>
		new Paragraph({
			indent: { left: 1400 },
			spacing: { before: 360 },
			children: [run(`${label}：${value}`, faces.body, sizes.sanhao)]
		});
	const fields =
		nomination.track === 'individual'
			? [line('姓　　名', nomination.person.name), line('工作单位', nomination.person.employer)]
			: nomination.track === 'collective'
				? [line('集体名称', nomination.collective.name)]
				: [];
	return [
		new Paragraph({ spacing: { before: 1600 }, children: [] }),
		big('重庆市人大代表履职贡献奖'),
		big(form.title),
		new Paragraph({ spacing: { before: 1600 }, children: [] }),
		...fields,
		line('推荐单位', printedUnitName(nomination.unit)),
		line('填报时间', filedOn(nomination.submittedAt)),
		new Paragraph({ children: [new PageBreak()] })
	];
}

/** One candidate's approval form as .docx bytes. */
export async function approvalFormDocx(nomination: FormNomination): Promise<Buffer> {
	const form = approvalFormOf(nomination.track);
	// The award's name and the form's title on two lines, as the notice sets them.
	const heading = ['重庆市人大代表履职贡献奖', form.title].map(
		(line, index) =>
			new Paragraph({
				alignment: AlignmentType.CENTER,
				spacing: { after: index === 1 ? 200 : 0 },
				children: [run(line, faces.title, sizes.erhao)]
			})
	);
	const filed =
		nomination.track === 'suggestion'
			? [
					new Paragraph({
						alignment: AlignmentType.RIGHT,
						children: [plain(`填报时间：${filedOn(nomination.submittedAt)}`)]
					})
				]
			: [];
	const children: FileChild[] = [
		...(nomination.track === 'suggestion' ? [] : cover(nomination)),
		...heading,
		...filed,
		formTable(nomination)
	];
	return toBytes(gongwen(children, { bodyFace: face, bodySize: size, title: form.title }));
}
