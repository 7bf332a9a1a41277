/**
 * Reads a filled spreadsheet template (.xlsx) into drafts: each sheet whose header row matches a
 * track's template columns (columns.ts) gives one draft a non-empty row. Columns are found by
 * their header, so a sheet with columns moved or left out still reads; an unknown column is
 * reported and ignored. A file that is not a workbook, or has no template sheet, is refused.
 */
import ExcelJS from 'exceljs';
import { nominationTracks, type CampaignParameters } from '../../domain/campaign';
import { headerKey, templateColumns, type TemplateColumn } from './columns';
import { emptyDraft, type Draft } from './draft';
import { IntakeRefusal } from './refusal';
import { choicesSheetName, instructionsSheetName } from './template';

/** More data rows than this in one file is refused (the campaign has about 550 nominations). */
export const maxSheetRows = 5000;
/** The header row is looked for among the first rows (a title row above it is allowed). */
const headerSearchRows = 5;

/** The text a cell shows, whatever its type: dates as 2022-10-28, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return value ? '是' : '否';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if ('richText' in value) return value.richText.map((part) => part.text).join('');
	if ('formula' in value || 'sharedFormula' in value)
		return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
	if ('text' in value) return String(value.text);
	return '';
}

interface SheetLayout {
	track: (typeof nominationTracks)[number];
	headerRow: number;
	/** Column number → template column. */
	columns: Map<number, TemplateColumn>;
	unknown: string[];
}

/** Which track's template a sheet's header row matches best, if any matches well enough. */
function layoutOf(sheet: ExcelJS.Worksheet, parameters: CampaignParameters): SheetLayout | null {
	let best: SheetLayout | null = null;
	for (let r = 1; r <= Math.min(headerSearchRows, sheet.rowCount); r++) {
		const headers = new Map<number, string>();
		sheet.getRow(r).eachCell((cell, column) => {
			const key = headerKey(cellText(cell.value));
			if (key) headers.set(column, key);
		});
		for (const track of nominationTracks) {
			const byHeader = new Map(
				templateColumns(track, parameters).map((c) => [headerKey(c.header), c])
			);
			const columns = new Map<number, TemplateColumn>();
			const unknown: string[] = [];
			for (const [column, key] of headers) {
				const found = byHeader.get(key);
				if (found) columns.set(column, found);
				else unknown.push(key);
			}
			if (columns.size >= 3 && columns.size > (best?.columns.size ?? 0))
				best = { track, headerRow: r, columns, unknown };
		}
	}
	return best;
}

/** Reads `bytes` (an .xlsx file named `fileName`) into drafts, one per filled row. */
export async function readTemplateXlsx(
	bytes: Uint8Array,
	fileName: string,
	parameters: CampaignParameters
): Promise<{ drafts: Draft[]; notes: string[] }> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		throw new IntakeRefusal(
			`“${fileName}”无法打开：文件已损坏，或不是 .xlsx 格式的表格。请用 Excel 或 WPS 打开检查，另存为 .xlsx 后再上传。`
		);
	}
	const drafts: Draft[] = [];
	const notes: string[] = [];
	let recognised = 0;
	for (const sheet of workbook.worksheets) {
		if (sheet.name === instructionsSheetName || sheet.name === choicesSheetName) continue;
		const layout = layoutOf(sheet, parameters);
		if (!layout) continue;
		recognised += 1;
		if (sheet.rowCount - layout.headerRow > maxSheetRows)
			throw new IntakeRefusal(
				`“${fileName}”的工作表“${sheet.name}”超过 ${maxSheetRows} 行，超出一次导入的上限。请拆分后分批上传。`
			);
		for (const key of layout.unknown)
			notes.push(`“${fileName}”工作表“${sheet.name}”的列“${key}”不是模板中的列，已忽略。`);
		for (let r = layout.headerRow + 1; r <= sheet.rowCount; r++) {
			const row = sheet.getRow(r);
			const texts = [...layout.columns].map(([column, template]) => ({
				template,
				text: cellText(row.getCell(column).value)
			}));
			if (texts.every(({ text }) => text.trim() === '')) continue;
			const draft = emptyDraft(
				layout.track,
				`“${fileName}”${sheet.name} 第${r}行`,
				`${sheet.name}-${r}`
			);
			for (const { template, text } of texts) template.read(draft, text);
			drafts.push(draft);
		}
	}
	if (recognised === 0)
		throw new IntakeRefusal(
			`“${fileName}”中没有找到导入模板的表头（如“姓名”“集体名称”“建议编号”）。请在本页下载导入模板，按模板填写后再上传。`
		);
	return { drafts, notes };
}
