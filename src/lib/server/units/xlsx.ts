/**
 * The units overview as a spreadsheet (.xlsx) for the secretary: one row per unit with its
 * submission, counts against limits, findings, lateness and contacts (附件6 — personal data;
 * the file is for the secretariat only, behind canManageUnits).
 */
import ExcelJS from 'exceljs';
import type { UnitOverviewRow } from './overview';

const rangeText = (min: number, max: number) => (min === max ? `${max}` : `${min}–${max}`);

/** The overview workbook: a title row, a header row, then one row per unit in the given order. */
export async function unitsOverviewXlsx(
	rows: readonly UnitOverviewRow[],
	title: string
): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Shortlist 评审台';
	const sheet = workbook.addWorksheet('推荐单位', {
		pageSetup: {
			paperSize: 9,
			orientation: 'landscape',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0
		},
		views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }]
	});
	const headers = [
		['序号', 6],
		['推荐单位', 30],
		['类型', 14],
		['审批表所列推荐单位', 24],
		['在名册', 8],
		['报送', 8],
		['报送日期', 12],
		['逾期', 8],
		['推荐数', 8],
		['各类推荐（已报/名额）', 48],
		['错误', 8],
		['提醒', 8],
		['提示', 8],
		['分管领导', 28],
		['经办人', 28]
	] as const;
	sheet.columns = headers.map(([, width]) => ({ width }));
	sheet.mergeCells(1, 1, 1, headers.length);
	const titleCell = sheet.getCell(1, 1);
	titleCell.value = title;
	titleCell.font = { size: 16, bold: true };
	titleCell.alignment = { horizontal: 'center' };
	const header = sheet.getRow(2);
	headers.forEach(([label], index) => {
		const cell = header.getCell(index + 1);
		cell.value = label;
		cell.font = { bold: true };
		cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
	});
	const contact = (row: UnitOverviewRow, role: string) => {
		const found = row.contacts.find((c) => c.role === role);
		if (!found) return '';
		return [found.name, found.position, found.officePhone, found.mobile].filter(Boolean).join(' ');
	};
	rows.forEach((row, index) => {
		const added = sheet.addRow([
			index + 1,
			row.name,
			row.kindLabel,
			row.reportingBody,
			row.registered ? '是' : '否',
			row.submitted ? '已报送' : '未报送',
			row.submittedAt ?? '',
			row.late ? '逾期' : '',
			row.nominations,
			row.limits
				.map((l) => `${l.label} ${l.count}/${rangeText(l.range.min, l.range.max)}`)
				.join('；'),
			row.findings.error,
			row.findings.warning,
			row.findings.info,
			contact(row, '分管领导'),
			contact(row, '经办人')
		]);
		added.alignment = { vertical: 'middle', wrapText: true };
		if (row.standsOut) {
			added.eachCell({ includeEmpty: true }, (cell) => {
				cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE68A' } };
			});
		}
	});
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
