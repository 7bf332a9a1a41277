/**
 * Intake reads 推荐单位 as the forms print it (附件1–3 填表说明三): a form or template row naming
 * a registered unit's 推荐单位 — a 联系组's 区县人大常委会 — is that unit's; a unit's own name is
 * that unit; a name nobody answers to is a new unit as before; a 推荐单位 several registered units
 * print goes to the one already holding the candidate, else to the unit of that very name, else is
 * refused. A unit account may name itself by its 推荐单位, not by another unit's.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { presets } from '../../src/lib/domain/campaign';
import type { IndividualNomination, UnitKind } from '../../src/lib/domain/interchange';
import { candidate, unit } from '../../src/lib/server/db/schema';
import { approvalFormDocx, formFileName } from '../../src/lib/server/export/approval-form';
import { importNominations } from '../../src/lib/server/import/nominations';
import { IntakeRefusal } from '../../src/lib/server/intake/refusal';
import { templateXlsx } from '../../src/lib/server/intake/template';
import {
	confirmUpload,
	previewUpload,
	type Uploader,
	type UploadFile
} from '../../src/lib/server/intake/upload';
import { createCampaign } from '../../src/lib/server/seed';
import { registerPresetUnits, registerUnit } from '../../src/lib/server/units/register';
import { createUser } from '../../src/lib/server/users';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { counts, demo } from '../helpers/documents';
import { individualCover, individualRows, templateForm } from '../helpers/notice-template';

let database: TestDatabase;
let campaignId: number;
let secretary: Uploader;
const parameters = presets['chongqing-2022'];
/** Distinct demo individuals (distinct ID numbers), handed out one per case. */
const people = demo().nominations.filter(
	(n): n is IndividualNomination => n.track === 'individual'
);
let next = 0;

/** A fresh individual nomination of `unitName` (as a file would name it), ref `ref`. */
function individual(ref: string, unitName: string, kind: UnitKind): IndividualNomination {
	const person = people[next++]!;
	return { ...person, ref, unit: { name: unitName, kind } };
}

beforeAll(async () => {
	database = await freshDatabase();
	campaignId = await createCampaign(database.db, '推荐单位', 'chongqing-2022');
	const user = await createUser(database.db, {
		username: 'intake-units',
		displayName: '秘书',
		password: 'intake-secret-1'
	});
	secretary = { id: user.id, name: '秘书', access: { role: 'secretary', unitId: null } };
	await registerPresetUnits(database.db, campaignId);
	// Two units the register sends through the same 市国资委, and 市教委 beside a unit it reports.
	for (const [name, reportingBody] of [
		['市属国企甲', '市国资委'],
		['市属国企乙', '市国资委'],
		['市教委', ''],
		['市教委直属甲', '市教委']
	] as const)
		await registerUnit(database.db, campaignId, {
			name,
			kind: 'municipal_department',
			district: null,
			reportingBody
		});
	// Candidates already held by one of the units sharing a 推荐单位.
	await importNominations(
		database.db,
		campaignId,
		{
			format: 'shortlist/v1',
			nominations: [
				individual('held-guoqi', '市属国企乙', 'municipal_department'),
				individual('held-jiaowei', '市教委直属甲', 'municipal_department')
			]
		},
		{ id: null, name: 'test' }
	);
});
afterAll(async () => {
	await database.destroy();
});

/** The stored nomination of `ref` again, its 推荐单位 written as `printed`. */
async function heldAs(ref: string, printed: string): Promise<IndividualNomination> {
	const [row] = await database.db
		.select({ form: candidate.form })
		.from(candidate)
		.where(and(eq(candidate.campaignId, campaignId), eq(candidate.ref, ref)));
	const form = row!.form as IndividualNomination;
	return { ...form, unit: { ...form.unit, name: printed } };
}

/** The nomination as a template row, or as an approval form whose cover prints its unit's name. */
async function fileOf(nomination: IndividualNomination, via: 'xlsx' | 'docx'): Promise<UploadFile> {
	if (via === 'xlsx')
		return {
			name: `${nomination.ref}.xlsx`,
			bytes: await templateXlsx('individual', parameters, [nomination])
		};
	return { name: formFileName(nomination), bytes: await approvalFormDocx(nomination) };
}

/** The units the campaign's candidates with this person's ID number are in (a form has no ref). */
async function unitsOf(nomination: IndividualNomination): Promise<string[]> {
	const rows = await database.db
		.select({ name: unit.name })
		.from(candidate)
		.innerJoin(unit, eq(unit.id, candidate.unitId))
		.where(
			and(
				eq(candidate.campaignId, campaignId),
				sql`${candidate.form}->'person'->>'idNumber' = ${nomination.person.idNumber}`
			)
		);
	return rows.map((row) => row.name);
}

async function accountOf(name: string): Promise<Uploader> {
	const [row] = await database.db
		.select({ id: unit.id })
		.from(unit)
		.where(and(eq(unit.campaignId, campaignId), eq(unit.name, name)));
	return { ...secretary, access: { role: 'unit', unitId: row!.id } };
}

/** Expects the upload refused with `message`, and nothing written. */
async function expectRefused(files: UploadFile[], message: RegExp, uploader = secretary) {
	const before = await counts(database.db);
	const error = await previewUpload(database.db, campaignId, uploader, files).catch((e) => e);
	expect(error).toBeInstanceOf(IntakeRefusal);
	expect((error as Error).message).toMatch(message);
	expect(await counts(database.db)).toEqual(before);
}

describe('the unit a 推荐单位 names, uploaded by the secretary', () => {
	test.each([
		// [case, via, 推荐单位 in the file, kind, held candidate, the unit it lands in, new unit]
		[
			'a unit’s own name',
			'xlsx',
			'渝中区人大代表联系组',
			'liaison_group',
			null,
			'渝中区人大代表联系组',
			false
		],
		[
			'a 联系组’s 区县人大常委会',
			'xlsx',
			'江北区人大常委会',
			'liaison_group',
			null,
			'江北区人大代表联系组',
			false
		],
		[
			'a 联系组’s 区县人大常委会 on a form',
			'docx',
			'渝中区人大常委会',
			'liaison_group',
			null,
			'渝中区人大代表联系组',
			false
		],
		[
			'a registered 专业组 (itself)',
			'docx',
			'市人大代表法制专业组',
			'professional_group',
			null,
			'市人大代表法制专业组',
			false
		],
		[
			'a name no unit answers to: a new unit',
			'xlsx',
			'市体育局',
			'municipal_department',
			null,
			'市体育局',
			true
		],
		[
			'a unit’s name that another unit prints too',
			'xlsx',
			'市教委',
			'municipal_department',
			null,
			'市教委',
			false
		],
		[
			'a shared 推荐单位: the unit holding the candidate',
			'xlsx',
			'市国资委',
			'municipal_department',
			'held-guoqi',
			'市属国企乙',
			false
		],
		[
			'a unit’s name, the candidate held by a unit printing it',
			'docx',
			'市教委',
			'municipal_department',
			'held-jiaowei',
			'市教委直属甲',
			false
		]
	] as const)('%s (%s: “%s”)', async (label, via, printed, kind, held, expected, newUnit) => {
		const ref = held ?? `new-${label}`;
		const nomination = held ? await heldAs(held, printed) : individual(ref, printed, kind);
		const file = await fileOf(nomination, via);
		const before = await counts(database.db);
		const preview = await previewUpload(database.db, campaignId, secretary, [file]);
		expect(preview).toMatchObject({ total: 1, created: held ? 0 : 1, problems: [] });
		await confirmUpload(database.db, campaignId, secretary, [file], preview.digest);
		expect(await unitsOf(nomination)).toEqual([expected]);
		const after = await counts(database.db);
		expect(after.units - before.units).toBe(newUnit ? 1 : 0);
		expect(after.candidates - before.candidates).toBe(held ? 0 : 1);
	});

	test('a new candidate under a 推荐单位 two units print is refused, naming both', async () => {
		const nomination = individual('new-shared', '市国资委', 'municipal_department');
		await expectRefused(
			[await fileOf(nomination, 'xlsx')],
			/推荐单位“市国资委”是名册中“市属国企甲”、“市属国企乙”共同的推荐单位.*请把推荐单位改填为单位全称/
		);
		await expectRefused(
			[await fileOf(nomination, 'docx')],
			/推荐单位“市国资委”是名册中“市属国企甲”、“市属国企乙”共同的推荐单位/
		);
	});
});

describe('a unit account', () => {
	test('imports its own form printing its 区县人大常委会', async () => {
		const nomination = individual('own-form', '渝中区人大常委会', 'liaison_group');
		const file = await fileOf(nomination, 'docx');
		const account = await accountOf('渝中区人大代表联系组');
		const preview = await previewUpload(database.db, campaignId, account, [file]);
		expect(preview).toMatchObject({ total: 1, created: 1, problems: [] });
		await confirmUpload(database.db, campaignId, account, [file], preview.digest);
		expect(await unitsOf(nomination)).toEqual(['渝中区人大代表联系组']);
	});

	test('imports a form filled in the notice’s own template, its combined cells split', async () => {
		const file = {
			name: '先进个人推荐审批表－王小明－渝中区人大常委会.docx',
			bytes: await templateForm(individualCover, individualRows())
		};
		const account = await accountOf('渝中区人大代表联系组');
		const preview = await previewUpload(database.db, campaignId, account, [file]);
		expect(preview).toMatchObject({ total: 1, created: 1, problems: [], notes: [] });
		await confirmUpload(database.db, campaignId, account, [file], preview.digest);
		const [row] = await database.db
			.select({ form: candidate.form, unit: unit.name })
			.from(candidate)
			.innerJoin(unit, eq(unit.id, candidate.unitId))
			.where(
				and(
					eq(candidate.campaignId, campaignId),
					sql`${candidate.form}->'person'->>'name' = '王小明'`
				)
			);
		expect(row!.unit).toBe('渝中区人大代表联系组');
		expect((row!.form as IndividualNomination).person).toMatchObject({
			employer: '渝中区解放碑街道办事处',
			position: '党工委书记',
			rank: '乡科级正职',
			employerAddress: '重庆市渝中区民族路100号',
			employerPostcode: '400010',
			punishments: []
		});
	});

	test('is refused a form printing another district’s 区县人大常委会, told its own', async () => {
		const nomination = individual('foreign-form', '渝中区人大常委会', 'liaison_group');
		await expectRefused(
			[await fileOf(nomination, 'docx')],
			/推荐单位“渝中区人大常委会”不是本单位（江北区人大代表联系组），本单位审批表上的推荐单位为“江北区人大常委会”/,
			await accountOf('江北区人大代表联系组')
		);
	});
});
