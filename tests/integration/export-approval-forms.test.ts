/**
 * Approval forms (附件1–3) as Word files: each track's form converts in LibreOffice on A4
 * portrait, prints every printed field of the form's description in its order with the
 * candidate's values, 填报时间 and the blank signature rows, and is named as the notice asks — with
 * the 推荐单位 of 填表说明三 (a 联系组's 区县人大常委会, a municipal unit itself) on the cover and in
 * the name; the zip of a filtered set streams every form of the set under those names.
 */
import { mkdir } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approvalFormOf } from '../../src/lib/domain/approval-forms';
import type { Nomination } from '../../src/lib/domain/interchange';
import { parseFilters } from '../../src/lib/board/filters';
import { audit, candidate } from '../../src/lib/server/db/schema';
import { formFileName, formSubject } from '../../src/lib/server/export/approval-form';
import {
	approvalFormsZip,
	exportApprovalForm,
	formSetIds
} from '../../src/lib/server/export/forms';
import { createCampaignFromBlock } from '../../src/lib/server/import/campaign';
import { importNominations } from '../../src/lib/server/import/nominations';
import { registerPresetUnits } from '../../src/lib/server/units/register';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { demo, docxParagraphs } from '../helpers/documents';
import { renderPdf, renderPng, squeeze, type Rendered } from '../helpers/office';

/** A 1×1 PNG, standing in for a 2寸 photo. */
const photo =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const actor = { id: null, name: 'secretary-test' };
/** Where to keep PNG renders for a person to look at (SHOTS_DIR); none are kept when unset. */
const shots = process.env.SHOTS_DIR;
let database: TestDatabase;
let db: TestDatabase['db'];
let campaignId: number;
let chosen: Nomination[];
const ids = new Map<string, number>();
const rendered: Rendered[] = [];

beforeAll(async () => {
	database = await freshDatabase();
	db = database.db;
	const document = demo();
	const byTrack = (track: string, n: number) =>
		document.nominations.filter((x) => x.track === track).slice(0, n);
	// Beside the first district's forms: a 专业组 (on the register as itself) and a 市级部门 that
	// is not on the register.
	const ofUnit = (track: string, unitName: string) =>
		document.nominations.find((x) => x.track === track && x.unit.name === unitName)!;
	chosen = [
		...byTrack('individual', 3),
		...byTrack('collective', 3),
		...byTrack('suggestion', 4),
		ofUnit('collective', '市人大代表法制专业组'),
		ofUnit('individual', '市交通运输委')
	];
	const first = chosen[0];
	if (first?.track === 'individual') first.person.photo = photo;
	document.nominations = chosen;
	campaignId = await db.transaction(async (tx) => {
		const id = await createCampaignFromBlock(tx, '测试评选', document.campaign, actor);
		await importNominations(tx, id, document, actor);
		await registerPresetUnits(tx, id);
		return id;
	});
	for (const row of await db
		.select({ id: candidate.id, ref: candidate.ref })
		.from(candidate)
		.where(eq(candidate.campaignId, campaignId))) {
		ids.set(row.ref, row.id);
	}
}, 120_000);

afterAll(async () => {
	await Promise.all(rendered.map((r) => r.dispose()));
	await database?.destroy();
});

/**
 * 推荐单位 as the notice's 填表说明三 has it: a district's 联系组 is recommended by its 区县人大常委会
 * (the preset register says so), a municipal unit by itself.
 */
const recommendingUnit = (nomination: Nomination) =>
	nomination.unit.kind === 'liaison_group'
		? nomination.unit.name.replace(/人大代表联系组$/, '人大常委会')
		: nomination.unit.name;

/** The name the notice asks for, with that 推荐单位. */
const expectedFileName = (nomination: Nomination) =>
	formFileName({
		...nomination,
		unit: { ...nomination.unit, reportingBody: recommendingUnit(nomination) }
	});

/** The values a form must print for this nomination (its open, short text fields). */
function printedTexts(nomination: Nomination): string[] {
	const form = approvalFormOf(nomination.track);
	const section = (nomination as Record<string, unknown>)[form.section] as Record<string, unknown>;
	return form.fields
		.filter((field) => field.printed && field.kind === 'text' && section[field.key])
		.map((field) => String(section[field.key]));
}

describe.each(['individual', 'collective', 'suggestion'] as const)('the %s form', (track) => {
	test('converts on A4 portrait with every printed label in order, the values, 填报时间 and blank signature rows', async () => {
		const nomination = chosen.find((x) => x.track === track)!;
		const form = approvalFormOf(track);
		const result = await exportApprovalForm(db, campaignId, ids.get(nomination.ref)!, actor);
		expect(nomination.unit.kind).toBe('liaison_group');
		expect(result?.fileName).toBe(expectedFileName(nomination));
		expect(result?.fileName).toMatch(
			new RegExp(`^${form.title}－.+－${recommendingUnit(nomination)}\\.docx$`)
		);
		const pdf = await renderPdf(result!.bytes, 'form.docx');
		rendered.push(pdf);
		expect(pdf.landscape).toBe(false);
		expect(Math.round(pdf.width)).toBe(595);
		// Individual and collective forms open with the notice's cover page.
		expect(pdf.pages).toBeGreaterThanOrEqual(track === 'suggestion' ? 1 : 2);
		const flat = squeeze(pdf.raw);
		let from = 0;
		for (const field of form.fields.filter((f) => f.printed && f.kind !== 'photo')) {
			const at = flat.indexOf(squeeze(field.label), from);
			expect(at, field.label).toBeGreaterThanOrEqual(0);
			from = at;
		}
		for (const value of printedTexts(nomination)) expect(flat).toContain(squeeze(value));
		expect(flat).toContain('填报时间');
		expect(flat).toContain('签字（盖章）');
		// 附件3 prints no 推荐单位, only the 所在联系组 field.
		if (track !== 'suggestion') expect(flat).toContain(`推荐单位：${recommendingUnit(nomination)}`);
		if (nomination.submittedAt) {
			const [y, m, d] = nomination.submittedAt.split('-').map(Number);
			expect(flat).toContain(`${y}年${m}月${d}日`);
		}
		expect(pdf.fonts.some((font) => font.startsWith('NotoSerifCJK'))).toBe(true);
		expect(pdf.fonts.filter((font) => !/^Noto(Serif|Sans)CJK/.test(font))).toEqual([]);
		if (shots) {
			await mkdir(shots, { recursive: true });
			await renderPng(pdf.pdf, `${shots}/form-${track}`, track === 'suggestion' ? 1 : 2);
		}
	}, 300_000);
});

describe('推荐单位 on the cover and in the file name (附件1–3 填表说明三)', () => {
	const pick = (track: Nomination['track'], unitName: string) =>
		chosen.find((x) => x.track === track && x.unit.name === unitName)!;
	test.each([
		['a 联系组’s individual', 'individual', '渝中区人大代表联系组', '渝中区人大常委会'],
		['a 联系组’s collective', 'collective', '渝中区人大代表联系组', '渝中区人大常委会'],
		['a 联系组’s suggestion (no cover)', 'suggestion', '渝中区人大代表联系组', '渝中区人大常委会'],
		['a 专业组 on the register', 'collective', '市人大代表法制专业组', '市人大代表法制专业组'],
		['a 市级部门 not on the register', 'individual', '市交通运输委', '市交通运输委']
	] as const)('%s: %s of %s prints %s', async (_, track, unitName, printed) => {
		const nomination = pick(track, unitName);
		const result = await exportApprovalForm(db, campaignId, ids.get(nomination.ref)!, actor);
		const title = approvalFormOf(track).title;
		expect(result?.fileName).toBe(`${title}－${formSubject(nomination)}－${printed}.docx`);
		const paragraphs = await docxParagraphs(result!.bytes);
		const covers = paragraphs.filter((p) => p.startsWith('推荐单位：'));
		expect(covers).toEqual(track === 'suggestion' ? [] : [`推荐单位：${printed}`]);
	});
});

test('the photo sits in its box on the individual form', async () => {
	const nomination = chosen[0]!;
	const result = await exportApprovalForm(db, campaignId, ids.get(nomination.ref)!, actor);
	const zip = await JSZip.loadAsync(result!.bytes);
	expect(Object.keys(zip.files).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
	const xml = await zip.file('word/document.xml')!.async('string');
	expect(xml).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*<w:drawing>/);
});

test('a candidate of another campaign has no form here', async () => {
	expect(
		await exportApprovalForm(db, campaignId + 1, ids.values().next().value!, actor)
	).toBeNull();
});

test.each([
	['', 12],
	['track=suggestion', 4],
	['track=individual', 4],
	['q=不存在的名字', 0]
])(
	'the zip of the set filtered by “%s” holds %i forms under the notice’s names, each with its 推荐单位',
	async (query, n) => {
		const setIds = await formSetIds(db, campaignId, parseFilters(new URLSearchParams(query)));
		expect(setIds).toHaveLength(n);
		const progress: number[] = [];
		const stream = await approvalFormsZip(db, campaignId, setIds, actor, (done) =>
			progress.push(done)
		);
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		const zip = await JSZip.loadAsync(Buffer.concat(chunks));
		const names = Object.keys(zip.files).sort();
		const inSet = chosen.filter((x) => setIds.includes(ids.get(x.ref)!));
		expect(names).toEqual(inSet.map(expectedFileName).sort());
		expect(progress).toEqual(Array.from({ length: n }, (_, i) => i + 1));
		for (const nomination of inSet) {
			const name = expectedFileName(nomination);
			expect(name.endsWith(`－${recommendingUnit(nomination)}.docx`)).toBe(true);
			// Built on the worker pool: the cover carries the register's 推荐单位 too.
			const paragraphs = await docxParagraphs(await zip.file(name)!.async('uint8array'));
			expect(paragraphs.filter((p) => p.startsWith('推荐单位：'))).toEqual(
				nomination.track === 'suggestion' ? [] : [`推荐单位：${recommendingUnit(nomination)}`]
			);
		}
		const [row] = await db
			.select()
			.from(audit)
			.where(eq(audit.action, 'export'))
			.orderBy(audit.id)
			.then((rows) => rows.slice(-1));
		expect(row?.after).toEqual({ document: 'approval-forms.zip', candidates: n });
	},
	120_000
);
