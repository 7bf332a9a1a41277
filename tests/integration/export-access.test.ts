/**
 * Who may download what, through the routes themselves (with real sessions): a candidate's
 * approval form for secretaries, for the unit that submitted it (its own only — another unit's
 * is 403 with a Chinese message), for panelists with personal data hidden (rendered in
 * LibreOffice: no ID number or phone, 「（已隐藏）」 instead), not for the shared screen; the
 * campaign's documents for secretaries only. Every export that answers writes one audit row —
 * who, which document, how many candidates — and a refused one writes none.
 */
import { isHttpError } from '@sveltejs/kit';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Nomination } from '../../src/lib/domain/interchange';
import { audit, candidate, membership, user } from '../../src/lib/server/db/schema';
import { noticeStages, proposedStages } from '../../src/lib/server/export/entries';
import { seedDemo } from '../../src/lib/server/seed';
import { GET as approvalForm } from '../../src/routes/(app)/c/[campaignId]/candidates/[candidateId]/approval-form.docx/+server';
import { GET as consultationForm } from '../../src/routes/(app)/c/[campaignId]/candidates/[candidateId]/consultation-form.docx/+server';
import { GET as exportDocument } from '../../src/routes/(app)/c/[campaignId]/export/[name]/+server';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { renderPdf, squeeze } from '../helpers/office';
import { callRoute, forgetRuntime, localsOf, useDatabaseAsRuntime } from '../helpers/route-event';

let database: TestDatabase;
let campaignId: number;
/** An individual nominated by the unit of `unitUser`, and one of another unit. */
let own: { id: number; form: Extract<Nomination, { track: 'individual' }> };
let other: number;
const locals = new Map<string, App.Locals>();

beforeAll(async () => {
	database = await freshDatabase();
	useDatabaseAsRuntime(database);
	({ campaignId } = await seedDemo(database.db));
	const [unitAccount] = await database.db
		.select({ id: user.id, unitId: membership.unitId })
		.from(user)
		.innerJoin(membership, eq(membership.userId, user.id))
		.where(and(eq(membership.campaignId, campaignId), eq(user.username, 'unit-yuzhong')));
	const [mine] = await database.db
		.select({ id: candidate.id, form: candidate.form })
		.from(candidate)
		.where(
			and(
				eq(candidate.campaignId, campaignId),
				eq(candidate.unitId, unitAccount!.unitId!),
				eq(candidate.track, 'individual'),
				sql`${candidate.form}->'person'->>'idNumber' <> ''`
			)
		)
		.limit(1);
	own = mine as typeof own;
	const [theirs] = await database.db
		.select({ id: candidate.id })
		.from(candidate)
		.where(and(eq(candidate.campaignId, campaignId), ne(candidate.unitId, unitAccount!.unitId!)))
		.limit(1);
	other = theirs!.id;
	for (const username of ['secretary', 'panelist4', 'screen', 'unit-yuzhong']) {
		const [row] = await database.db
			.select({ id: user.id })
			.from(user)
			.where(eq(user.username, username));
		locals.set(username, await localsOf(database, row!.id));
	}
}, 240_000);

afterAll(async () => {
	forgetRuntime();
	await database?.destroy();
});

const exportRows = () => database.db.select().from(audit).where(eq(audit.action, 'export'));

/** Calls a GET handler; its Response, or the status and message of the error it threw. */
async function get(
	handler: (event: never) => Promise<Response> | Response,
	who: string,
	params: Record<string, string>
): Promise<{ status: number; message: string; response?: Response }> {
	try {
		const response = await callRoute(handler, {
			locals: locals.get(who)!,
			params: { campaignId: String(campaignId), ...params }
		});
		return { status: response.status, message: '', response };
	} catch (error) {
		if (isHttpError(error)) return { status: error.status, message: error.body.message };
		throw error;
	}
}

describe('a candidate’s approval form', () => {
	const cases: [string, 'own' | 'other', number, RegExp | null][] = [
		['secretary', 'other', 200, null],
		['secretary', 'own', 200, null],
		['panelist4', 'own', 200, null],
		['unit-yuzhong', 'own', 200, null],
		['unit-yuzhong', 'other', 403, /只能下载本单位推荐对象的审批表/],
		['screen', 'own', 403, /观察员/]
	];
	test.each(cases)('%s, %s nomination → %i', async (who, whose, status, message) => {
		const before = (await exportRows()).length;
		const id = whose === 'own' ? own.id : other;
		const result = await get(approvalForm, who, { candidateId: String(id) });
		expect(result.status).toBe(status);
		const after = await exportRows();
		if (status === 200) {
			expect(result.response!.headers.get('content-disposition')).toContain('filename*=UTF-8');
			expect(after.length).toBe(before + 1);
			expect(after.at(-1)).toMatchObject({
				campaignId,
				actorName: who,
				after: { document: `approval-form.docx#${id}`, candidates: 1 }
			});
			await result.response!.arrayBuffer();
		} else {
			expect(result.message).toMatch(message!);
			expect(after.length).toBe(before);
		}
	});

	test('a panelist’s copy, rendered in LibreOffice, hides the ID number, phone and address; the unit’s own holds them', async () => {
		const person = own.form.person;
		const panelist = await get(approvalForm, 'panelist4', { candidateId: String(own.id) });
		const unitCopy = await get(approvalForm, 'unit-yuzhong', { candidateId: String(own.id) });
		const [hidden, full] = await Promise.all([
			renderPdf(new Uint8Array(await panelist.response!.arrayBuffer()), 'panelist.docx'),
			renderPdf(new Uint8Array(await unitCopy.response!.arrayBuffer()), 'unit.docx')
		]);
		try {
			const h = squeeze(hidden.raw);
			const f = squeeze(full.raw);
			for (const text of [h, f]) expect(text).toContain(squeeze(person.name));
			expect(h).toContain('（已隐藏）');
			for (const secret of [person.idNumber, person.phone, person.employerAddress]) {
				if (!secret) continue;
				expect(h).not.toContain(squeeze(secret));
				expect(f).toContain(squeeze(secret));
			}
			expect(h).not.toMatch(/\d{17}[\dXx]/);
			// The panel sees the birth month (SPEC §7 keeps it only off the shared screen).
			expect(h).toContain(squeeze(person.birth));
		} finally {
			await Promise.all([hidden.dispose(), full.dispose()]);
		}
	}, 300_000);
});

describe('the campaign’s documents: secretaries only, each download audited', () => {
	const names = [
		'proposed-list.docx',
		'proposed-list.xlsx',
		'public-notice.docx',
		'public-notice.xlsx',
		'minutes.docx',
		'votes.docx',
		'approval-forms.zip'
	];
	test.each(names)(
		'%s: 403 for a panelist, the screen and a unit; audited for the secretary',
		async (name) => {
			for (const who of ['panelist4', 'screen', 'unit-yuzhong']) {
				const before = (await exportRows()).length;
				const refused = await get(exportDocument, who, { name });
				expect([who, refused.status]).toEqual([who, 403]);
				expect(refused.message).toMatch(/[\u4e00-\u9fa5]/);
				expect((await exportRows()).length).toBe(before);
			}
			const before = (await exportRows()).length;
			const result = await get(exportDocument, 'secretary', { name });
			expect(result.status).toBe(200);
			const bytes = new Uint8Array(await result.response!.arrayBuffer());
			expect(bytes.length).toBeGreaterThan(1000);
			const after = await exportRows();
			expect(after.length).toBe(before + 1);
			const row = after.at(-1)!;
			expect(row).toMatchObject({ campaignId, actorName: 'secretary', after: { document: name } });
			expect(row.actorId).toBe(locals.get('secretary')!.user!.id);
			expect(row.at).toBeInstanceOf(Date);
			const counted = (row.after as { candidates: number }).candidates;
			if (name === 'approval-forms.zip') {
				expect(counted).toBe(Number(result.response!.headers.get('x-forms-total')));
				expect(counted).toBeGreaterThan(500);
			} else if (name.startsWith('proposed-list') || name.startsWith('public-notice')) {
				const stages = name.startsWith('proposed') ? proposedStages : noticeStages;
				const [{ n } = { n: -1 }] = await database.db
					.select({ n: sql<number>`count(*)::int` })
					.from(candidate)
					.where(and(eq(candidate.campaignId, campaignId), inArray(candidate.stage, stages)));
				expect(counted).toBe(n);
			} else {
				expect(counted).toBe(0); // no meeting held in the demo
			}
		},
		120_000
	);

	test('the consultation form: audited with one candidate; refused to a unit', async () => {
		const before = (await exportRows()).length;
		const refused = await get(consultationForm, 'unit-yuzhong', { candidateId: String(own.id) });
		expect(refused.status).toBe(403);
		const result = await get(consultationForm, 'secretary', { candidateId: String(own.id) });
		expect(result.status).toBe(200);
		const after = await exportRows();
		expect(after.length).toBe(before + 1);
		expect(after.at(-1)).toMatchObject({
			actorName: 'secretary',
			after: { document: `consultation-form.docx#${own.id}`, candidates: 1 }
		});
	});
});
