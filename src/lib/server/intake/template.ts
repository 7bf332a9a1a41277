/**
 * The spreadsheet template of one track (.xlsx) that units and the secretariat fill in and upload:
 * a sheet with the form's columns (header frozen, widths set, drop-down lists from the vocabulary,
 * required headers marked), a 填写说明 sheet in Chinese, and a hidden sheet holding the lists.
 * Given nominations, it writes them as rows — the same file a reader takes back.
 */
import ExcelJS from 'exceljs';
import { approvalFormOf } from '../../domain/approval-forms';
import { trackLabels, type CampaignParameters, type NominationTrack } from '../../domain/campaign';
import type { Nomination } from '../../domain/interchange';
import { templateColumns } from './columns';

/** Rows below the data that still carry the drop-down lists, for filling in by hand. */
const blankRows = 500;

/** Name of the sheet holding the drop-down lists (hidden). */
export const choicesSheetName = '选项';
/** Name of the instructions sheet. */
export const instructionsSheetName = '填写说明';

/** The download name of a track's template: 「先进个人推荐审批表导入模板.xlsx」. */
export function templateFileName(track: NominationTrack): string {
	return `${approvalFormOf(track).title}导入模板.xlsx`;
}

/** exceljs keeps range validations in the sheet's model; its typings omit the property. */
type WithValidations = ExcelJS.Worksheet & {
	dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

const general = [
	'1. 每行填写一项推荐，第1行为表头，请勿修改表头、增删或调换列。',
	'2. 表头为红色的列必须填写；带下拉箭头的列请从下拉列表中选择。',
	'3. 多条内容（个人简历、奖励、处分、征求意见）在同一单元格内每条一行（Alt+Enter 换行）。',
	'4. 日期写作 2022-10-28；出生年月、简历起止写作 1975.05。',
	'5. 填好后在“导入”页面上传本文件，先预览核对，确认无误后再导入；照片请在审批表（.docx）中提供。',
	'6. 请保存为 .xlsx 格式；WPS 或 Excel 的 .xls、.et 格式请“另存为” .xlsx 后再上传。'
];

/** The template of `track` for a campaign with `parameters`, with `nominations` as rows. */
export async function templateXlsx(
	track: NominationTrack,
	parameters: CampaignParameters,
	nominations: readonly Nomination[] = []
): Promise<Buffer> {
	const columns = templateColumns(track, parameters);
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Shortlist 评审台';
	const sheet = workbook.addWorksheet(trackLabels[track], {
		views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }]
	}) as WithValidations;
	const instructions = workbook.addWorksheet(instructionsSheetName);
	const lists = workbook.addWorksheet(choicesSheetName, { state: 'hidden' });

	sheet.columns = columns.map((column) => ({
		width: column.width,
		style: column.numeric ? {} : { numFmt: '@' }
	}));
	const header = sheet.getRow(1);
	columns.forEach((column, index) => {
		const cell = header.getCell(index + 1);
		cell.value = column.header;
		cell.font = { bold: true, color: { argb: column.required ? 'FFB91C1C' : 'FF1F2937' } };
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F5F9' } };
		cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
	});
	header.height = 36;

	nominations.forEach((nomination, rowIndex) => {
		const row = sheet.getRow(rowIndex + 2);
		columns.forEach((column, index) => {
			const value = column.write(nomination);
			const cell = row.getCell(index + 1);
			cell.value = value;
			if (typeof value === 'string' && value.includes('\n'))
				cell.alignment = { wrapText: true, vertical: 'top' };
		});
	});

	const lastRow = nominations.length + 1 + blankRows;
	let listColumn = 0;
	columns.forEach((column, index) => {
		if (!column.choices) return;
		listColumn += 1;
		column.choices.forEach((choice, i) => (lists.getCell(i + 1, listColumn).value = choice));
		const letter = lists.getColumn(listColumn).letter;
		const target = sheet.getColumn(index + 1).letter;
		sheet.dataValidations.add(`${target}2:${target}${lastRow}`, {
			type: 'list',
			allowBlank: true,
			formulae: [`'${choicesSheetName}'!$${letter}$1:$${letter}$${column.choices.length}`],
			showErrorMessage: true,
			errorStyle: 'stop',
			errorTitle: '不在可选范围内',
			error: `“${column.header}”请从下拉列表中选择。`
		});
	});

	instructions.columns = [{ width: 30 }, { width: 8 }, { width: 70 }, { width: 60 }];
	instructions.getCell(1, 1).value =
		`${approvalFormOf(track).title}（${approvalFormOf(track).attachment}）导入模板 · 填写说明`;
	instructions.getCell(1, 1).font = { bold: true, size: 14 };
	general.forEach((line, i) => (instructions.getCell(i + 2, 1).value = line));
	const tableStart = general.length + 3;
	const tableHeader = instructions.getRow(tableStart);
	['列名', '必填', '填写要求', '可选值'].forEach((text, i) => {
		tableHeader.getCell(i + 1).value = text;
		tableHeader.getCell(i + 1).font = { bold: true };
	});
	columns.forEach((column, i) => {
		const row = instructions.getRow(tableStart + 1 + i);
		row.getCell(1).value = column.header;
		row.getCell(2).value = column.required ? '是' : '';
		row.getCell(3).value = column.hint;
		row.getCell(4).value = column.choices?.join('、') ?? '';
		row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
		row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
	});
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
