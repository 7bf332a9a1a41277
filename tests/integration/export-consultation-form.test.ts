/**
 * 征求意见表 (附件4–5): a row for every department the candidate needs (SPEC §5), in that order,
 * with the recorded result, and the 推荐单位 the approval forms print (a 联系组's 区县人大常委会);
 * none for a suggestion. Rendered by LibreOffice on A4 portrait.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { requiredConsultations } from '../../src/lib/domain/consultations';
import type { Nomination } from '../../src/lib/domain/interchange';
import { candidate } from '../../src/lib/server/db/schema';
import { exportConsultationForm } from '../../src/lib/server/export/forms';
import { createCampaignFromBlock } from '../../src/lib/server/import/campaign';
import { importNominations } from '../../src/lib/server/import/nominations';
import { registerPresetUnits } from '../../src/lib/server/units/register';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { demo, docxParagraphs } from '../helpers/documents';
import { renderPdf, squeeze } from '../helpers/office';

const actor = { id: null, name: 'secretary-test' };
let database: TestDatabase;
let campaignId: number;
let chosen: Nomination[];
const ids = new Map<string, number>();

beforeAll(async () => {
	database = await freshDatabase();
	const document = demo();
	// An enterprise head needs the most departments; a suggestion needs none.
	const head = document.nominations.find(
		(x) => x.track === 'individual' && x.person.enterpriseHead && x.person.stateOwned
	);
	const suggestion = document.nominations.find((x) => x.track === 'suggestion');
	chosen = [head!, suggestion!];
	document.nominations = chosen;
	campaignId = await database.db.transaction(async (tx) => {
		const id = await createCampaignFromBlock(tx, '测试评选', document.campaign, actor);
		await importNominations(tx, id, document, actor);
		await registerPresetUnits(tx, id);
		return id;
	});
	const rows = await database.db
		.select({ id: candidate.id, ref: candidate.ref })
		.from(candidate)
		.where(eq(candidate.campaignId, campaignId));
	for (const row of rows) ids.set(row.ref, row.id);
}, 120_000);

afterAll(() => database?.destroy());

test('the enterprise head’s form has every required department in order, its name and 推荐单位', async () => {
	const nomination = chosen[0]!;
	// The demo's head is a district 联系组's: its forms name the 区县人大常委会 (填表说明三).
	expect(nomination.unit.kind).toBe('liaison_group');
	const printed = nomination.unit.name.replace(/人大代表联系组$/, '人大常委会');
	const form = await exportConsultationForm(
		database.db,
		campaignId,
		ids.get(nomination.ref)!,
		actor
	);
	expect(form?.fileName).toMatch(/^先进个人征求意见表－.+－.+\.docx$/);
	expect(form?.fileName.endsWith(`－${printed}.docx`)).toBe(true);
	const paragraphs = await docxParagraphs(form!.bytes);
	expect(paragraphs[paragraphs.indexOf('推荐单位') + 1]).toBe(printed);
	const pdf = await renderPdf(form!.bytes, 'consultation.docx');
	try {
		expect(pdf.landscape).toBe(false);
		const flat = squeeze(pdf.raw);
		const departments = requiredConsultations(nomination);
		expect(departments.length).toBeGreaterThan(3);
		let from = 0;
		for (const dept of departments) {
			const at = flat.indexOf(`${dept}部门意见`, from);
			expect(at, dept).toBeGreaterThanOrEqual(from);
			from = at;
		}
		if (nomination.track === 'individual') expect(flat).toContain(squeeze(nomination.person.name));
		expect(flat).toContain(squeeze(printed));
		expect(flat).toContain('签字（盖章）');
	} finally {
		await pdf.dispose();
	}
}, 300_000);

test('a suggestion has no consultation form', async () => {
	const nomination = chosen[1]!;
	expect(
		await exportConsultationForm(database.db, campaignId, ids.get(nomination.ref)!, actor)
	).toBeNull();
});
