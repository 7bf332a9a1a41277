/**
 * 征求意见表 (附件4 先进集体, 附件5 先进个人) for one candidate: the candidate's open facts as the
 * approval form's description labels them, its 推荐单位 as the approval forms print it
 * (`printedUnitName`), then one row per department the candidate needs
 * (SPEC §5, `requiredConsultations`), with the recorded result and date where there is one, and
 * the signature/seal lines for the department to sign. Suggestions need none.
 */
import {
	AlignmentType,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	VerticalAlignTable,
	WidthType
} from 'docx';
import { approvalFormOf } from '../../domain/approval-forms';
import { requiredConsultations } from '../../domain/consultations';
import { printedUnitName } from '../../domain/recommending-unit';
import { printedValue, type FormNomination } from './approval-form';
import { faces, gongwen, run, sizes, toBytes } from './word';

const face = '方正仿宋';
const size = sizes.xiaosi;

/** The facts 附件4–5 print at the head, as keys of the approval form's description. */
const headKeys = {
	individual: [
		'name',
		'gender',
		'birth',
		'ethnicity',
		'nativePlace',
		'party',
		'education',
		'employer',
		'unitNature',
		'position'
	],
	collective: ['name']
} as const;

function cell(text: string, span?: number, center = false): TableCell {
	return new TableCell({
		columnSpan: span,
		verticalAlign: VerticalAlignTable.CENTER,
		margins: { left: 80, right: 80, top: 60, bottom: 60 },
		children: text.split('\n').map(
			(line) =>
				new Paragraph({
					alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
					children: [run(line, face, size)]
				})
		)
	});
}

/** The candidate's 征求意见表 as .docx; null for a suggestion (it needs no consultation). */
export async function consultationFormDocx(
	nomination: FormNomination,
	records: { dept: string; result: string; date: string | null }[]
): Promise<Buffer | null> {
	if (nomination.track === 'suggestion') return null;
	const form = approvalFormOf(nomination.track);
	const section = (nomination as Record<string, unknown>)[form.section] as Record<string, unknown>;
	const fields = headKeys[nomination.track].map((key) => form.fields.find((f) => f.key === key)!);
	const rows: TableRow[] = [];
	for (let i = 0; i < fields.length; i += 2) {
		const pair = fields.slice(i, i + 2);
		rows.push(
			new TableRow({
				cantSplit: true,
				children: pair.flatMap((field, n) => [
					cell(field.label, undefined, true),
					cell(
						printedValue(field, section[field.key]),
						pair.length === 1 && n === 0 ? 3 : undefined
					)
				])
			})
		);
	}
	rows.push(
		new TableRow({
			children: [cell('推荐单位', undefined, true), cell(printedUnitName(nomination.unit), 3)]
		})
	);
	for (const dept of requiredConsultations(nomination)) {
		const record = records.find((r) => r.dept === dept);
		const opinion = record
			? `${record.result}\n签字（盖章）：\n${record.date ?? '年　月　日'}`
			: '\n签字（盖章）：\n年　月　日';
		rows.push(
			new TableRow({
				cantSplit: true,
				height: { value: 1500, rule: 'atLeast' },
				children: [cell(`${dept}部门意见`, undefined, true), cell(opinion, 3)]
			})
		);
	}
	const title = nomination.track === 'individual' ? '先进个人征求意见表' : '先进集体征求意见表';
	return toBytes(
		gongwen(
			[
				new Paragraph({
					alignment: AlignmentType.CENTER,
					spacing: { after: 300 },
					children: [run(title, faces.title, sizes.erhao)]
				}),
				new Table({
					width: { size: 8844, type: WidthType.DXA },
					columnWidths: [1900, 2522, 1900, 2522],
					rows
				})
			],
			{ bodySize: size, title }
		)
	);
}
