/**
 * Files as a unit sends them back: our approval form (.docx) and template (.xlsx) opened and
 * saved again by a real office suite (LibreOffice, Office Open XML filters) still read back as the
 * same nominations — one form per track (a person with an award, and the photo), and each track's
 * template with a few filled rows.
 */
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { approvalFormOf } from '../../src/lib/domain/approval-forms';
import { nominationTracks, presets } from '../../src/lib/domain/campaign';
import { parseInterchange, type Nomination } from '../../src/lib/domain/interchange';
import { approvalFormDocx } from '../../src/lib/server/export/approval-form';
import { draftToNomination } from '../../src/lib/server/intake/draft';
import { readApprovalFormDocx } from '../../src/lib/server/intake/read-docx';
import { readTemplateXlsx } from '../../src/lib/server/intake/read-xlsx';
import { templateXlsx } from '../../src/lib/server/intake/template';
import { demo } from '../helpers/documents';
import { resaved } from '../helpers/office';

const parameters = presets['chongqing-2022'];
const nominations = demo().nominations;
const sectionOf = (n: Nomination) =>
	(n as Record<string, unknown>)[approvalFormOf(n.track).section] as Record<string, unknown>;

describe('saved again by LibreOffice', () => {
	test.each(nominationTracks)(
		'%s: the approval form reads back field for field',
		async (track) => {
			const nomination =
				nominations.find(
					(n) => n.track === track && (n.track !== 'individual' || n.person.awards.length > 0)
				) ?? nominations.find((n) => n.track === track)!;
			const bytes = await resaved(await approvalFormDocx(nomination), 'form.docx');
			const draft = await readApprovalFormDocx(bytes, 'form.docx');
			expect(draft.problems).toEqual([]);
			const printed = approvalFormOf(track).fields.filter((f) => f.printed);
			expect(Object.fromEntries(printed.map((f) => [f.key, draft.section[f.key]]))).toEqual(
				Object.fromEntries(printed.map((f) => [f.key, sectionOf(nomination)[f.key]]))
			);
			expect(draft.submittedAt).toBe(nomination.submittedAt);
		},
		120_000
	);

	test.each(nominationTracks)(
		'%s: the filled template reads back as the same nominations',
		async (track) => {
			const rows = nominations.filter((n) => n.track === track).slice(0, 8);
			const bytes = await resaved(await templateXlsx(track, parameters, rows), 'list.xlsx');
			const read = await readTemplateXlsx(bytes, 'list.xlsx', parameters);
			expect(read.notes).toEqual([]);
			// The drop-down of 推荐类别 survives, offering the form's list.
			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
			const sheet = workbook.worksheets[0]!;
			const column = (sheet.getRow(1).values as string[]).indexOf(
				track === 'suggestion' ? '全团建议' : '推荐类别'
			);
			expect(sheet.getCell(rows.length + 2, column).dataValidation).toMatchObject({
				type: 'list',
				formulae: expect.arrayContaining([expect.stringMatching(/选项/)])
			});
			const parsed = parseInterchange({
				format: 'shortlist/v1',
				nominations: read.drafts.map((draft) =>
					draftToNomination(draft, undefined, { unitName: '', unitKind: 'municipal_department' })
				)
			});
			expect(parsed.ok && parsed.document.nominations).toEqual(
				rows.map((n) =>
					n.track === 'individual' ? { ...n, person: { ...n.person, photo: '' } } : n
				)
			);
		},
		120_000
	);
});
