/**
 * The meeting's documents — 会议纪要 (minutes.docx) and 表决记录 (votes.docx) — written from the
 * minutes of a real meeting run through the meeting services (attendance, a single round, a round
 * of two with a recusal, a round still open), rendered by LibreOffice: they convert to A4
 * portrait, hold the rounds' candidates in order with the counts the close produced, the minutes
 * hold attendance and recusals, the vote record names no member, neither holds personal data nor
 * the marks of the round still open, and each export writes an audit row.
 */
import { mkdir } from 'node:fs/promises';
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClosedRoundResult } from '../../src/lib/board/events';
import type { VoteChoice } from '../../src/lib/domain/tally';
import { COMMENT_FIELD } from '../../src/lib/realtime/comments-doc';
import { restoreComments } from '../../src/lib/server/comments/backup';
import {
	audit,
	candidate,
	membership,
	panelistUnit,
	unit,
	user
} from '../../src/lib/server/db/schema';
import { buildListDocument } from '../../src/lib/server/export/documents';
import { identityOf } from '../../src/lib/server/export/entries';
import {
	buildMeetingDocument,
	type MeetingDocumentName
} from '../../src/lib/server/export/meeting';
import { seedDemo } from '../../src/lib/server/seed';
import {
	castVote,
	closeRound,
	openRound,
	setAttendance,
	startMeeting,
	type MeetingActor
} from '../../src/lib/server/votes/meeting';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { renderPdf, renderPng, squeeze, type Rendered } from '../helpers/office';

const shots = process.env.SHOTS_DIR;
const exporter = { id: null, name: 'secretary-test' };
let database: TestDatabase;
let campaignId: number;
/** Display names of panelist1 … panelist7. */
let names: string[];
/** Titles and units of the candidates voted on, by id. */
const facts = new Map<number, { title: string; unit: string; name: string }>();
/** Round 1: [a]; round 2: [b, linked] (panelist1 recused from `linked`); round 3 (open): [d]. */
let a: number, b: number, linked: number, d: number;
let round1: ClosedRoundResult[];
let round2: ClosedRoundResult[];
const rendered: Rendered[] = [];

const db = () => database.db;

beforeAll(async () => {
	database = await freshDatabase();
	({ campaignId } = await seedDemo(db()));
	const members = await db()
		.select({
			id: user.id,
			username: user.username,
			displayName: user.displayName,
			role: membership.role,
			unitId: membership.unitId
		})
		.from(user)
		.innerJoin(membership, eq(membership.userId, user.id))
		.where(eq(membership.campaignId, campaignId));
	const actor = (username: string): MeetingActor => {
		const m = members.find((x) => x.username === username)!;
		return { id: m.id, name: m.displayName, role: m.role, unitId: m.unitId };
	};
	const secretary = actor('secretary');
	const panelists = [1, 2, 3, 4, 5, 6, 7].map((i) => actor(`panelist${i}`));
	names = panelists.map((p) => p.name);
	// Three suggestions no panelist is linked to, and one candidate of panelist1's unit.
	const anyLinked = db().select({ id: panelistUnit.unitId }).from(panelistUnit);
	const free = await db()
		.select({ id: candidate.id })
		.from(candidate)
		.where(
			and(
				eq(candidate.campaignId, campaignId),
				eq(candidate.track, 'suggestion'),
				notInArray(candidate.unitId, anyLinked)
			)
		)
		.orderBy(asc(candidate.id))
		.limit(3);
	const [own] = await db()
		.select({ id: candidate.id })
		.from(candidate)
		.innerJoin(panelistUnit, eq(panelistUnit.unitId, candidate.unitId))
		.where(and(eq(candidate.campaignId, campaignId), eq(panelistUnit.userId, panelists[0]!.id)))
		.limit(1);
	[a, b, d] = free.map((r) => r.id) as [number, number, number];
	linked = own!.id;
	const ids = [a, b, linked, d];
	await db().update(candidate).set({ stage: 'joint' }).where(inArray(candidate.id, ids));
	const rows = await db()
		.select({ id: candidate.id, title: candidate.title, unit: unit.name, form: candidate.form })
		.from(candidate)
		.innerJoin(unit, eq(unit.id, candidate.unitId))
		.where(inArray(candidate.id, ids));
	for (const row of rows) facts.set(row.id, { ...row, name: identityOf(row.form).name });

	await startMeeting(db(), { campaignId, actor: secretary, heldOn: '2022-11-03' });
	for (const p of panelists.slice(0, 6))
		await setAttendance(db(), { campaignId, userId: p.id, present: true, actor: secretary });
	const vote = (p: number, roundId: number, id: number, choice: VoteChoice) =>
		castVote(db(), { campaignId, roundId, candidateId: id, choice, actor: panelists[p]! });

	// Round 1: 5 approve, 1 rejects.
	const r1 = await openRound(db(), { campaignId, candidateIds: [a], actor: secretary });
	for (const p of [0, 1, 2, 3, 4]) await vote(p, r1.roundId, a, 'approve');
	await vote(5, r1.roundId, a, 'reject');
	round1 = (await closeRound(db(), { campaignId, roundId: r1.roundId, actor: secretary })).results;

	// Round 2: b gets 1 approval, 1 rejection (4 unmarked = 弃权); linked gets 4 approvals.
	const r2 = await openRound(db(), { campaignId, candidateIds: [b, linked], actor: secretary });
	await vote(0, r2.roundId, b, 'approve');
	await vote(1, r2.roundId, b, 'reject');
	for (const p of [1, 2, 3, 4]) await vote(p, r2.roundId, linked, 'approve');
	round2 = (await closeRound(db(), { campaignId, roundId: r2.roundId, actor: secretary })).results;

	// Round 3 stays open with a mark already cast: nothing of it may show but 表决中.
	const r3 = await openRound(db(), { campaignId, candidateIds: [d], actor: secretary });
	await vote(0, r3.roundId, d, 'approve');
}, 240_000);

afterAll(async () => {
	await Promise.all(rendered.map((r) => r.dispose()));
	await database?.destroy();
});

const renders = new Map<MeetingDocumentName, Promise<Rendered>>();
function render(name: MeetingDocumentName): Promise<Rendered> {
	let pending = renders.get(name);
	if (!pending) {
		pending = (async () => {
			const { bytes, count } = await buildMeetingDocument(db(), campaignId, name, exporter);
			expect(count).toBe(4);
			const result = await renderPdf(bytes, name);
			rendered.push(result);
			if (shots) {
				await mkdir(shots, { recursive: true });
				for (let page = 1; page <= Math.min(2, result.pages); page++)
					await renderPng(
						result.pdf,
						`${shots}/doc-${name.replace('.docx', '')}-p${page}`,
						page,
						80
					);
			}
			return result;
		})();
		renders.set(name, pending);
	}
	return pending;
}

describe.each(['minutes.docx', 'votes.docx'] as const)('%s', (name) => {
	test('converts to A4 portrait with the rounds’ candidates in order and the close’s counts', async () => {
		const pdf = await render(name);
		expect(pdf.pages).toBeGreaterThanOrEqual(1);
		expect(pdf.landscape).toBe(false);
		expect(Math.min(pdf.width, pdf.height)).toBeCloseTo(595, -1);
		const flat = squeeze(pdf.raw);
		// The closes gave what the marks say (unmarked = 弃权; the recused member not counted).
		expect(round1[0]).toMatchObject({ voters: 6, approve: 5, reject: 1, abstain: 0 });
		expect(round2.map((r) => [r.voters, r.approve, r.reject, r.abstain])).toEqual([
			[6, 1, 1, 4],
			[5, 4, 0, 1]
		]);
		const order = [a, b, linked, d].map((id) => flat.indexOf(squeeze(facts.get(id)!.title)));
		expect(order.every((p) => p >= 0)).toBe(true);
		expect([...order].sort((x, y) => x - y)).toEqual(order);
		expect(flat).toContain(squeeze('第1轮'));
		expect(flat).toContain(squeeze('第3轮'));
		expect(flat).toContain('2022年11月3日');
		// Each candidate's figures in its row: 应投, 同意, 不同意, 弃权 … and the outcome.
		for (const r of [...round1, ...round2]) {
			const title = squeeze(facts.get(r.candidateId)!.title);
			const row = flat.slice(flat.indexOf(title), flat.indexOf(title) + title.length + 200);
			const figures = squeeze(`${r.voters}${r.approve}${r.reject}${r.abstain}`);
			expect(row).toContain(figures);
			expect(row).toContain(r.outcome === 'passed' ? '通过' : '未通过');
		}
		// The open round: 表决中, no counts.
		const open = squeeze(facts.get(d)!.title);
		const openRow = flat.slice(flat.indexOf(open), flat.indexOf(open) + open.length + 120);
		expect(openRow).toContain('表决中');
		expect(openRow).toMatch(/——/);
		// No personal data (SPEC §7): no ID number, no mobile number.
		expect(flat).not.toMatch(/\d{17}[\dXx]/);
		expect(flat).not.toMatch(/1[3-9]\d{9}/);
		expect(pdf.fonts.some((font) => font.startsWith('NotoSerifCJK'))).toBe(true);
		expect(pdf.fonts.filter((font) => !/^Noto(Serif|Sans)CJK/.test(font))).toEqual([]);
	}, 300_000);
});

test('the minutes hold attendance (应到/实到 with names, the absent member) and the recusal', async () => {
	const flat = squeeze((await render('minutes.docx')).raw);
	expect(flat).toContain('应到7人');
	expect(flat).toContain('实到6人');
	expect(flat).toContain(squeeze(`缺席1人：${names[6]}`));
	for (const n of names.slice(0, 6)) expect(flat).toContain(squeeze(n));
	expect(flat).toContain(squeeze(`${names[0]}（`));
	expect(flat).toContain(squeeze(`回避对「${facts.get(linked)!.title}」的表决`));
	expect(flat).toContain('2个候选对象获得通过');
});

test('the vote record names no member: who voted what cannot be read from it', async () => {
	const flat = squeeze((await render('votes.docx')).raw);
	for (const n of names) expect(flat).not.toContain(squeeze(n));
	expect(flat).toContain('无记名');
	// 应投 5 (one recused), 同意 4, 不同意 0, 弃权 1, 过半数 of 5 needs 3: 通过.
	const title = squeeze(facts.get(linked)!.title);
	const row = flat.slice(flat.indexOf(title), flat.indexOf(title) + title.length + 200);
	expect(row).toContain(squeeze('54013通过'));
});

test('each meeting export writes an audit row: who, which document, how many candidates', async () => {
	for (const name of ['minutes.docx', 'votes.docx'] as const) {
		const before = await db().select().from(audit).where(eq(audit.action, 'export'));
		await buildMeetingDocument(db(), campaignId, name, exporter);
		const after = await db().select().from(audit).where(eq(audit.action, 'export'));
		expect(after.length).toBe(before.length + 1);
		expect(after.at(-1)).toMatchObject({
			campaignId,
			actorName: 'secretary-test',
			after: { document: name, candidates: 4 }
		});
	}
});

/** A comment as Tiptap writes it: a paragraph, then a one-item bullet list. */
function commentState(lead: string, item: string): string {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(lead)]);
	const list = new Y.XmlElement('bulletList');
	const entry = new Y.XmlElement('listItem');
	const inner = new Y.XmlElement('paragraph');
	inner.insert(0, [new Y.XmlText(item)]);
	entry.insert(0, [inner]);
	list.insert(0, [entry]);
	doc.getXmlFragment(COMMENT_FIELD).insert(0, [paragraph, list]);
	return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}

describe('the proposed list carries the vote result where there is one, and the 评审意见', () => {
	beforeAll(async () => {
		// The two that passed are proposed; b (failed) too, by override, to show a failed result.
		await db()
			.update(candidate)
			.set({ stage: 'proposed' })
			.where(inArray(candidate.id, [a, b, linked]));
		await db().transaction((tx) =>
			restoreComments(tx, campaignId, [
				{ candidateId: a, ref: 'a', state: commentState('事迹突出，同意推荐。', '群众公认度高') }
			])
		);
	});

	test('proposed-list.docx in LibreOffice: 表决结果 under each voted candidate, none under the others, the comment line by line', async () => {
		const { bytes } = await buildListDocument(db(), campaignId, 'proposed-list.docx', exporter);
		const pdf = await renderPdf(bytes, 'proposed-list.docx');
		rendered.push(pdf);
		if (shots)
			for (let page = 1; page <= Math.min(3, pdf.pages); page++)
				await renderPng(pdf.pdf, `${shots}/doc-proposed-list-p${page}`, page, 80);
		const flat = squeeze(pdf.raw);
		const after = (id: number, length: number) => {
			const name = squeeze(facts.get(id)!.title);
			const at = flat.indexOf(name);
			expect(at).toBeGreaterThanOrEqual(0);
			return flat.slice(at, at + name.length + length);
		};
		expect(after(a, 300)).toContain(squeeze('表决结果：同意 5 票，不同意 1 票，弃权 0 票，通过'));
		expect(after(a, 300)).toContain(squeeze('评审意见：事迹突出，同意推荐。• 群众公认度高'));
		expect(after(b, 300)).toContain(squeeze('表决结果：同意 1 票，不同意 1 票，弃权 4 票，未通过'));
		expect(after(linked, 300)).toContain(
			squeeze('表决结果：同意 4 票，不同意 0 票，弃权 1 票，通过')
		);
		// Only the three voted on carry a result (the open round's candidate is not on the list).
		expect(flat.split('表决结果').length - 1).toBe(3);
		expect(flat.split('评审意见').length - 1).toBe(1);
	}, 300_000);

	test('proposed-list.xlsx: the 表决结果 and 评审意见 columns of those rows', async () => {
		const { bytes } = await buildListDocument(db(), campaignId, 'proposed-list.xlsx', exporter);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(new Uint8Array(bytes).buffer);
		const sheet = workbook.worksheets[0]!;
		const header = sheet.getRow(3).values as string[];
		const vote = header.indexOf('表决结果');
		const comment = header.indexOf('评审意见');
		expect(vote).toBeGreaterThan(0);
		const rows = new Map<string, ExcelJS.Row>();
		sheet.eachRow((row) => rows.set(String(row.getCell(2).value), row));
		const row = (id: number) => rows.get(facts.get(id)!.name)!;
		expect(row(a).getCell(vote).value).toBe('同意 5 票，不同意 1 票，弃权 0 票，通过');
		expect(row(a).getCell(comment).value).toBe('事迹突出，同意推荐。\n• 群众公认度高');
		expect(row(linked).getCell(vote).value).toBe('同意 4 票，不同意 0 票，弃权 1 票，通过');
		expect(row(b).getCell(comment).value).toBe('');
		// Entry rows (numbered; not the merged group rows) with a result: the three voted on.
		const withVotes = [...rows.values()].filter(
			(r) => typeof r.getCell(1).value === 'number' && r.getCell(vote).value
		);
		expect(withVotes.length).toBe(3);
	});
});
