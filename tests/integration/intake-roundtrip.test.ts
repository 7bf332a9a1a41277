/**
 * Intake round trips (issue 10): every demo candidate's exported approval form (.docx) reads back
 * as the same printed fields, and the upload of all of them — preview, then confirm — leaves every
 * stored nomination field for field as it was, though a 联系组's forms print its 区县人大常委会 as
 * 推荐单位 (the register's, 填表说明三); the .xlsx template of each track, filled from the demo,
 * reads back as the same nominations.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approvalFormOf } from '../../src/lib/domain/approval-forms';
import { presets, type NominationTrack } from '../../src/lib/domain/campaign';
import { parseInterchange, type Nomination } from '../../src/lib/domain/interchange';
import { candidate } from '../../src/lib/server/db/schema';
import { approvalFormDocx, formFileName } from '../../src/lib/server/export/approval-form';
import { loadNomination } from '../../src/lib/server/export/forms';
import { importNominations } from '../../src/lib/server/import/nominations';
import { draftToNomination } from '../../src/lib/server/intake/draft';
import { readApprovalFormDocx } from '../../src/lib/server/intake/read-docx';
import { readTemplateXlsx } from '../../src/lib/server/intake/read-xlsx';
import { templateXlsx } from '../../src/lib/server/intake/template';
import { confirmUpload, previewUpload, type UploadFile } from '../../src/lib/server/intake/upload';
import { createCampaign } from '../../src/lib/server/seed';
import { registerPresetUnits } from '../../src/lib/server/units/register';
import { createUser } from '../../src/lib/server/users';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { counts, demo } from '../helpers/documents';

let database: TestDatabase;
let campaignId: number;
const secretary = { id: 0, name: '秘书', access: { role: 'secretary' as const, unitId: null } };
const parameters = presets['chongqing-2022'];
const tracks: NominationTrack[] = ['collective', 'individual', 'suggestion'];

beforeAll(async () => {
	database = await freshDatabase();
	campaignId = await createCampaign(database.db, '回读', 'chongqing-2022');
	const user = await createUser(database.db, {
		username: 'intake-sec',
		displayName: '秘书',
		password: 'intake-secret-1'
	});
	secretary.id = user.id;
	await importNominations(database.db, campaignId, demo(), { id: null, name: 'test' });
	await registerPresetUnits(database.db, campaignId);
});
afterAll(async () => {
	await database.destroy();
});

/** Each candidate's unit, by candidate id. */
async function candidateUnits(): Promise<{ id: number; unitId: number }[]> {
	return database.db
		.select({ id: candidate.id, unitId: candidate.unitId })
		.from(candidate)
		.where(eq(candidate.campaignId, campaignId))
		.orderBy(asc(candidate.id));
}

async function storedForms(): Promise<Nomination[]> {
	const rows = await database.db
		.select({ form: candidate.form })
		.from(candidate)
		.where(eq(candidate.campaignId, campaignId))
		.orderBy(asc(candidate.id));
	return rows.map((row) => row.form);
}

/** 推荐单位 as 填表说明三 has it: a district's 联系组 → its 区县人大常委会; a municipal unit itself. */
const recommendingUnit = (n: Nomination) =>
	n.unit.kind === 'liaison_group'
		? n.unit.name.replace(/人大代表联系组$/, '人大常委会')
		: n.unit.name;

const sectionOf = (n: Nomination) =>
	(n as Record<string, unknown>)[approvalFormOf(n.track).section] as Record<string, unknown>;

describe('approval forms (.docx)', () => {
	let files: UploadFile[] = [];
	let stored: Nomination[] = [];

	beforeAll(async () => {
		const rows = await database.db
			.select({ id: candidate.id })
			.from(candidate)
			.where(eq(candidate.campaignId, campaignId))
			.orderBy(asc(candidate.id));
		stored = [];
		files = [];
		for (const row of rows) {
			const nomination = (await loadNomination(database.db, campaignId, row.id))!;
			stored.push(nomination);
			files.push({ name: formFileName(nomination), bytes: await approvalFormDocx(nomination) });
		}
	}, 240_000);

	test('a 联系组’s form prints its 区县人大常委会 and is named after it', async () => {
		const index = stored.findIndex(
			(n) => n.track === 'individual' && n.unit.name === '渝中区人大代表联系组'
		);
		const file = files[index]!;
		expect(file.name).toMatch(/^先进个人推荐审批表－.+－渝中区人大常委会\.docx$/);
		const draft = await readApprovalFormDocx(file.bytes, file.name);
		expect(draft.unitName).toBe('渝中区人大常委会');
	});

	test('every printed field of every form reads back as exported, with 推荐单位 and 填报时间', async () => {
		expect(files).toHaveLength(555);
		expect(new Set(stored.map((n) => n.track))).toEqual(new Set(tracks));
		let compared = 0;
		for (const [index, file] of files.entries()) {
			const nomination = stored[index]!;
			const draft = await readApprovalFormDocx(file.bytes, file.name);
			expect(draft.track).toBe(nomination.track);
			expect(draft.problems).toEqual([]);
			for (const field of approvalFormOf(nomination.track).fields.filter((f) => f.printed)) {
				expect([file.name, field.key, draft.section[field.key]]).toEqual([
					file.name,
					field.key,
					sectionOf(nomination)[field.key]
				]);
				compared += 1;
			}
			if (nomination.track !== 'suggestion')
				expect(draft.unitName).toBe(recommendingUnit(nomination));
			expect(draft.submittedAt).toBe(nomination.submittedAt);
		}
		expect(compared).toBeGreaterThan(555 * 6);
	}, 120_000);

	test('preview of all 555 forms writes nothing; confirm leaves every nomination as it was, in its unit', async () => {
		const before = await counts(database.db);
		const formsBefore = await storedForms();
		const unitsBefore = await candidateUnits();
		const preview = await previewUpload(database.db, campaignId, secretary, files);
		expect(await counts(database.db)).toEqual(before);
		expect(preview).toMatchObject({
			total: 555,
			created: 0,
			updated: 555,
			problems: [],
			notes: []
		});
		expect(preview.tracks.map((t) => t.track).sort()).toEqual([...tracks].sort());
		const summary = await confirmUpload(database.db, campaignId, secretary, files, preview.digest);
		expect(summary).toMatchObject({ created: 0, updated: 555, nominations: 555 });
		expect(await storedForms()).toEqual(formsBefore);
		expect(await candidateUnits()).toEqual(unitsBefore);
		const after = await counts(database.db);
		expect(after).toEqual({
			...before,
			audits: before.audits + 1,
			versions: before.versions! + 555
		});
	}, 240_000);
});

describe('spreadsheet template (.xlsx)', () => {
	test.each(tracks)(
		'%s: the template filled from the demo reads back as the same nominations',
		async (track) => {
			const nominations = demo().nominations.filter((n) => n.track === track);
			const bytes = await templateXlsx(track, parameters, nominations);
			const read = await readTemplateXlsx(bytes, 'demo.xlsx', parameters);
			expect(read.notes).toEqual([]);
			expect(read.drafts).toHaveLength(nominations.length);
			const back = read.drafts.map((draft) => {
				expect(draft.problems).toEqual([]);
				return draftToNomination(draft, undefined, {
					unitName: '',
					unitKind: 'municipal_department'
				});
			});
			const parsed = parseInterchange({ format: 'shortlist/v1', nominations: back });
			expect(parsed.ok).toBe(true);
			// The template has no photo column: a person's photo stays on the approval form.
			const expected = nominations.map((n) =>
				n.track === 'individual' ? { ...n, person: { ...n.person, photo: '' } } : n
			);
			if (parsed.ok) expect(parsed.document.nominations).toEqual(expected);
		}
	);

	test('uploading all three templates updates the 555 candidates and keeps each field and photo', async () => {
		const all = demo().nominations;
		const files = await Promise.all(
			tracks.map(async (track) => ({
				name: `${track}.xlsx`,
				bytes: await templateXlsx(
					track,
					parameters,
					all.filter((n) => n.track === track)
				)
			}))
		);
		const formsBefore = await storedForms();
		const preview = await previewUpload(database.db, campaignId, secretary, files);
		expect(preview).toMatchObject({ total: 555, created: 0, updated: 555, problems: [] });
		await confirmUpload(database.db, campaignId, secretary, files, preview.digest);
		expect(await storedForms()).toEqual(formsBefore);
	}, 60_000);
});
