/**
 * The .xlsx template of each track: the header is the form description's labels (every field but
 * the photo, assessments one column a year), frozen; each column has a width; every column with a
 * closed list has a drop-down of exactly that list; required headers are marked; a 填写说明 sheet
 * explains every column.
 */
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { approvalFormOf } from '../../../src/lib/domain/approval-forms';
import { nominationTracks, presets } from '../../../src/lib/domain/campaign';
import { templateColumns } from '../../../src/lib/server/intake/columns';
import {
	choicesSheetName,
	instructionsSheetName,
	templateXlsx
} from '../../../src/lib/server/intake/template';

const parameters = presets['chongqing-2022'];

describe('templateXlsx', () => {
	test.each(nominationTracks)('%s', async (track) => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await templateXlsx(track, parameters)) as unknown as ArrayBuffer);
		const [sheet, instructions, lists] = workbook.worksheets;
		const columns = templateColumns(track, parameters);
		const form = approvalFormOf(track);

		// Every field of the form is a column, by its label; the photo stays on the .docx.
		const headers = (sheet!.getRow(1).values as string[]).slice(1);
		expect(headers).toEqual(columns.map((c) => c.header));
		for (const field of form.fields) {
			if (field.kind === 'photo') expect(headers).not.toContain(field.label);
			else if (field.kind === 'assessments')
				expect(headers).toEqual(expect.arrayContaining(['2018年度考核', '2021年度考核']));
			else expect(headers).toContain(field.label);
		}
		expect(headers).not.toContain('2017年度考核');
		expect(headers).not.toContain('2022年度考核');

		expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		columns.forEach((column, i) => {
			expect(sheet!.getColumn(i + 1).width).toBe(column.width);
			const font = sheet!.getRow(1).getCell(i + 1).font;
			expect([column.header, font?.color?.argb === 'FFB91C1C']).toEqual([
				column.header,
				column.required
			]);
			const validation = sheet!.getCell(2, i + 1).dataValidation;
			if (!column.choices) {
				expect([column.header, validation]).toEqual([column.header, undefined]);
				return;
			}
			expect(validation).toMatchObject({ type: 'list', allowBlank: true });
			const range = /^'?选项'?!\$([A-Z]+)\$1:\$\1\$(\d+)$/.exec(validation!.formulae[0]);
			expect(range, column.header).not.toBeNull();
			const offered = Array.from(
				{ length: Number(range![2]) },
				(_, r) => lists!.getCell(`${range![1]}${r + 1}`).value
			);
			expect([column.header, offered]).toEqual([column.header, [...column.choices]]);
		});
		for (const field of form.fields.filter((f) => f.choices))
			expect(columns.find((c) => c.header === field.label)?.choices).toBe(field.choices);

		expect(lists!.name).toBe(choicesSheetName);
		expect(lists!.state).toBe('hidden');
		expect(instructions!.name).toBe(instructionsSheetName);
		const explained = instructions!
			.getColumn(1)
			.values.filter((v): v is string => typeof v === 'string');
		for (const column of columns) expect(explained).toContain(column.header);
	});
});
