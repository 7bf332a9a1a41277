/**
 * The proposed list and the public-notice list as Word and Excel files, rendered by LibreOffice:
 * they convert, the page is A4 in the intended orientation, the names come in the notice's track
 * order and numbered, the 公文 faces fall back to Noto Serif CJK SC (not a Japanese face), each
 * export writes an audit row, and the public list carries no ID number, phone or address.
 */
import { mkdir } from 'node:fs/promises';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Nomination } from '../../src/lib/domain/interchange';
import { audit, candidate } from '../../src/lib/server/db/schema';
import {
	attachment,
	buildListDocument,
	type ListDocumentName
} from '../../src/lib/server/export/documents';
import { identityOf } from '../../src/lib/server/export/entries';
import { createCampaignFromBlock } from '../../src/lib/server/import/campaign';
import { importNominations } from '../../src/lib/server/import/nominations';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { demo } from '../helpers/documents';
import { renderPdf, renderPng, squeeze, type Rendered } from '../helpers/office';

const actor = { id: null, name: 'secretary-test' };
/** Where to keep PNG renders for a person to look at (SHOTS_DIR); none are kept when unset. */
const shots = process.env.SHOTS_DIR;
let database: TestDatabase;
let db: TestDatabase['db'];
let campaignId: number;
/** Names on the list, in the notice's track order (先进集体, 先进个人, 优秀建议, 家站). */
let expectedOrder: string[];
let individuals: Extract<Nomination, { track: 'individual' }>['person'][];
let collectives: Extract<Nomination, { track: 'collective' }>['collective'][];
const rendered: Rendered[] = [];

beforeAll(async () => {
	database = await freshDatabase();
	db = database.db;
	const document = demo();
	const pick = (track: string, n: number) =>
		document.nominations.filter((x) => x.track === track).slice(0, n);
	// Stations come in as collectives; the demo's station collectives go to the station track.
	const stations = document.nominations
		.filter((x) => x.track === 'collective' && x.collective.category === '代表家站')
		.slice(0, 3);
	const chosen = [
		...pick('individual', 6),
		...pick('suggestion', 5),
		...document.nominations
			.filter((x) => x.track === 'collective' && x.collective.category !== '代表家站')
			.slice(0, 4),
		...stations
	];
	document.nominations = chosen;
	campaignId = await db.transaction(async (tx) => {
		const id = await createCampaignFromBlock(tx, '测试评选', document.campaign, actor);
		await importNominations(tx, id, document, actor);
		return id;
	});
	await db.update(candidate).set({ stage: 'approved' }).where(eq(candidate.campaignId, campaignId));
	const stationRefs = stations.map((x) => x.ref);
	await db
		.update(candidate)
		.set({ proposedTrack: 'station' })
		.where(and(eq(candidate.campaignId, campaignId), inArray(candidate.ref, stationRefs)));
	const names = (track: string, station = false) =>
		chosen
			.filter(
				(x) =>
					x.track === track && (track !== 'collective' || stationRefs.includes(x.ref) === station)
			)
			.map((x) => (x.track === 'suggestion' ? x.suggestion.title : identityOf(x).name));
	expectedOrder = [
		...names('collective'),
		...names('individual'),
		...names('suggestion'),
		...names('collective', true)
	];
	individuals = chosen.flatMap((x) => (x.track === 'individual' ? [x.person] : []));
	collectives = chosen.flatMap((x) => (x.track === 'collective' ? [x.collective] : []));
}, 120_000);

afterAll(async () => {
	await Promise.all(rendered.map((r) => r.dispose()));
	await database?.destroy();
});

const renders = new Map<ListDocumentName, Promise<Rendered>>();

/** Builds and renders a list once per test file (LibreOffice is slow); later callers share it. */
function render(name: ListDocumentName): Promise<Rendered> {
	let pending = renders.get(name);
	if (!pending) {
		pending = (async () => {
			const { bytes, count } = await buildListDocument(db, campaignId, name, actor);
			expect(count).toBe(expectedOrder.length);
			const result = await renderPdf(bytes, name);
			rendered.push(result);
			return result;
		})();
		renders.set(name, pending);
	}
	return pending;
}

/** Each name's position in the squeezed text; they must be found and increase. */
function positions(text: string, names: string[]): number[] {
	const flat = squeeze(text);
	let from = 0;
	return names.map((name) => {
		const at = flat.indexOf(squeeze(name), from);
		if (at >= 0) from = at + 1;
		return at;
	});
}

describe.each([
	['proposed-list.docx', false],
	['proposed-list.xlsx', true],
	['public-notice.docx', false],
	['public-notice.xlsx', true]
] as const)('%s', (name, landscape) => {
	test('converts in LibreOffice: A4 in the intended orientation, every name in track order, CJK serif faces', async () => {
		const pdf = await render(name);
		expect(pdf.pages).toBeGreaterThanOrEqual(1);
		expect(pdf.landscape).toBe(landscape);
		const [short, long] = [Math.min(pdf.width, pdf.height), Math.max(pdf.width, pdf.height)];
		expect(short).toBeCloseTo(595, -1);
		expect(long).toBeCloseTo(842, -1);
		const at = positions(pdf.raw, expectedOrder);
		expect(at.every((p) => p >= 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		const headings = ['先进集体', '先进个人', '优秀建议', '通报表扬代表家站'];
		expect(positions(pdf.raw, headings).every((p) => p >= 0)).toBe(true);
		// Only Noto CJK faces — serif for the 公文 faces, sans for 黑体 headings (the collection's
		// shared CFF is named …jp…; that it draws Simplified-Chinese glyphs is proven in
		// export-fonts.test.ts): no DejaVu or other fallback face.
		expect(pdf.fonts.some((font) => font.startsWith('NotoSerifCJK'))).toBe(true);
		expect(pdf.fonts.filter((font) => !/^Noto(Serif|Sans)CJK/.test(font))).toEqual([]);
		if (name === 'proposed-list.docx') {
			if (shots) await mkdir(shots, { recursive: true });
			if (shots) await renderPng(pdf.pdf, `${shots}/proposed-list`);
		}
		if (name === 'public-notice.docx') {
			if (shots) await renderPng(pdf.pdf, `${shots}/public-notice`);
		}
	}, 300_000);
});

test('the public notice holds no ID number, phone, address or postcode — and the 公文 title falls back to Noto Serif CJK Bold', async () => {
	for (const name of ['public-notice.docx', 'public-notice.xlsx'] as const) {
		const pdf = await render(name);
		const flat = squeeze(pdf.text);
		for (const person of individuals) {
			expect(flat).toContain(squeeze(person.name));
			for (const secret of [person.idNumber, person.phone, person.employerAddress]) {
				if (secret) expect(flat).not.toContain(squeeze(secret));
			}
			// Nothing beyond name, unit, track: not even the employer or birth month.
			expect(flat).not.toContain(person.birth);
		}
		for (const group of collectives) {
			for (const secret of [group.address, group.postcode]) {
				if (secret) expect(flat).not.toContain(squeeze(secret));
			}
		}
		expect(flat).not.toMatch(/\d{17}[\dXx]/);
		expect(flat).not.toMatch(/1[3-9]\d{9}/);
		if (name === 'public-notice.docx') {
			expect(pdf.fonts.some((font) => /^NotoSerifCJK\w*-Bold/.test(font))).toBe(true);
		}
	}
}, 600_000);

test.each([
	['public-notice.docx', ['重庆市人大代表履职贡献奖', '拟表彰对象公示名单']],
	['proposed-list.docx', ['拟表彰对象建议名单']]
] as const)(
	'%s: the title breaks where its meaning does, no character left alone',
	async (name, lines) => {
		const pdf = await render(name);
		const top = pdf.text.split('\n').map(squeeze).filter(Boolean).slice(0, lines.length);
		expect(top).toEqual(lines);
	}
);

test('the proposed list .xlsx: two-level merged header, frozen below it, print titles, A4 landscape', async () => {
	const { bytes } = await buildListDocument(db, campaignId, 'proposed-list.xlsx', actor);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(new Uint8Array(bytes).buffer);
	const sheet = workbook.worksheets[0]!;
	expect(sheet.getCell('B2').value).toBe('推荐对象');
	expect(sheet.getCell('B2').isMerged && sheet.getCell('C2').master.address).toBe('B2');
	expect(sheet.getCell('A3').master.address).toBe('A2');
	expect(sheet.getCell('B3').value).toBe('姓名（名称）');
	expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
	expect(sheet.pageSetup).toMatchObject({
		orientation: 'landscape',
		paperSize: 9,
		printTitlesRow: '2:3'
	});
});

test('every export writes an audit row: who, which document, how many candidates', async () => {
	const before = await db.select().from(audit).where(eq(audit.action, 'export'));
	await buildListDocument(db, campaignId, 'public-notice.docx', actor);
	const after = await db.select().from(audit).where(eq(audit.action, 'export'));
	expect(after.length).toBe(before.length + 1);
	const row = after.at(-1)!;
	expect(row).toMatchObject({
		campaignId,
		actorName: 'secretary-test',
		after: { document: 'public-notice.docx', candidates: expectedOrder.length }
	});
	expect(row.at).toBeInstanceOf(Date);
});

test.each([
	[
		'公示名单.docx',
		`attachment; filename="____.docx"; filename*=UTF-8''%E5%85%AC%E7%A4%BA%E5%90%8D%E5%8D%95.docx`
	],
	['a"b.xlsx', `attachment; filename="a_b.xlsx"; filename*=UTF-8''a%22b.xlsx`]
])('Content-Disposition of %s carries an RFC 5987 filename*', (name, header) => {
	expect(attachment(name)).toBe(header);
});
