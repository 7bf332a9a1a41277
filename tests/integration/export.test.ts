/**
 * The JSON backup: import → export → import into a fresh database → export gives the same
 * document, and the same units, candidates, consultations and findings up to their ids.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseInterchange, type InterchangeDocument } from '../../src/lib/domain/interchange';
import type { Db } from '../../src/lib/server/db';
import { audit, candidate, consultation, finding, unit } from '../../src/lib/server/db/schema';
import { generateDemo } from '../../src/lib/server/demo';
import { exportCampaignJson } from '../../src/lib/server/export/json';
import { createCampaignFromBlock } from '../../src/lib/server/import/campaign';
import { importNominations } from '../../src/lib/server/import/nominations';
import { restoreBackup } from '../../src/lib/server/import/restore';
import { freshDatabase, type TestDatabase } from '../helpers/db';

const actor = { id: null, name: 'test' };
let source: TestDatabase;
let restored: TestDatabase;

beforeAll(async () => {
	[source, restored] = await Promise.all([freshDatabase(), freshDatabase()]);
});
afterAll(async () => {
	await Promise.all([source.destroy(), restored.destroy()]);
});

function parse(value: unknown): InterchangeDocument {
	const parsed = parseInterchange(JSON.parse(JSON.stringify(value)));
	if (!parsed.ok) throw new Error(`not shortlist/v1: ${JSON.stringify(parsed.errors[0])}`);
	return parsed.document;
}

/**
 * Imports a document the way the CLI does into an empty database — campaign from its block —,
 * restoring its stages when it is a backup (`import --restore`).
 */
async function restore(
	db: Db,
	document: InterchangeDocument,
	name: string,
	mode: 'import' | 'restore'
): Promise<number> {
	return db.transaction(async (tx) => {
		const id = await createCampaignFromBlock(tx, name, document.campaign, actor);
		if (mode === 'restore') await restoreBackup(tx, id, document, actor);
		else await importNominations(tx, id, document, actor);
		return id;
	});
}

/** Everything an import stores, with ids replaced by what they point at. */
async function contents(db: Db, campaignId: number) {
	const units = await db
		.select({
			name: unit.name,
			kind: unit.kind,
			district: unit.district,
			noticeStart: unit.noticeStart,
			noticeEnd: unit.noticeEnd,
			submittedAt: unit.submittedAt
		})
		.from(unit)
		.where(eq(unit.campaignId, campaignId))
		.orderBy(asc(unit.name));
	const candidates = (
		await db
			.select({ candidate, unitName: unit.name })
			.from(candidate)
			.innerJoin(unit, eq(candidate.unitId, unit.id))
			.where(eq(candidate.campaignId, campaignId))
			.orderBy(asc(candidate.id))
	).map(({ candidate: row, unitName }) => {
		// The form's own consultations are what the file said; the table holds what is recorded.
		const { id, campaignId, unitId, createdAt, updatedAt, form, ...rest } = row;
		void [id, campaignId, unitId, createdAt, updatedAt];
		return { ...rest, unitName, form: { ...form, consultations: undefined } };
	});
	const consultations = await db
		.select({
			candidate: candidate.naturalKey,
			dept: consultation.dept,
			result: consultation.result,
			date: consultation.date,
			note: consultation.note
		})
		.from(consultation)
		.innerJoin(candidate, eq(consultation.candidateId, candidate.id))
		.where(eq(candidate.campaignId, campaignId))
		.orderBy(asc(candidate.naturalKey), asc(consultation.dept));
	const findings = await db
		.select({
			owner: sql<string>`coalesce(${candidate.naturalKey}, ${unit.name})`,
			code: finding.code,
			severity: finding.severity,
			field: finding.field,
			message: finding.message
		})
		.from(finding)
		.leftJoin(candidate, eq(finding.candidateId, candidate.id))
		.leftJoin(unit, eq(finding.unitId, unit.id))
		.where(eq(finding.campaignId, campaignId))
		.orderBy(asc(finding.id));
	return { units, candidates, consultations, findings };
}

describe('export as shortlist/v1 and restore', () => {
	test('round trip of the demo campaign: identical documents and rows', async () => {
		const sourceId = await restore(source.db, parse(generateDemo().document), '往返测试', 'import');
		// Put some candidates elsewhere on the board: the backup must bring them back there.
		const [first, ...stations] = await source.db
			.select({ id: candidate.id, isStation: candidate.isStation })
			.from(candidate)
			.where(eq(candidate.campaignId, sourceId))
			.orderBy(asc(candidate.isStation), asc(candidate.id))
			.then((rows) => [rows[0]!, ...rows.filter((row) => row.isStation).slice(0, 2)]);
		const board = [
			{ id: first!.id, stage: 'joint' as const },
			{
				id: stations[0]!.id,
				stage: 'approved' as const,
				proposedTrack: 'station' as const,
				approvedOn: '2022-11-25'
			},
			{
				id: stations[1]!.id,
				stage: 'notice' as const,
				proposedTrack: 'collective' as const,
				approvedOn: '2022-11-25',
				noticeStart: '2022-12-01',
				noticeEnd: '2022-12-07'
			}
		];
		for (const { id, ...state } of board) {
			await source.db.update(candidate).set(state).where(eq(candidate.id, id));
		}
		const backup = await exportCampaignJson(source.db, sourceId, actor);
		expect(backup.format).toBe('shortlist/v1');
		expect(backup.nominations).toHaveLength(555);
		expect(backup.campaign.name).toBe('往返测试');
		const sourceRefs = new Map(
			(
				await source.db
					.select({ id: candidate.id, ref: candidate.ref })
					.from(candidate)
					.where(eq(candidate.campaignId, sourceId))
			).map((row) => [row.id, row.ref])
		);

		const restoredId = await restore(restored.db, parse(backup), backup.campaign.name, 'restore');
		const second = await exportCampaignJson(restored.db, restoredId, actor);
		expect(JSON.stringify(second)).toBe(JSON.stringify(backup));
		const restoredContents = await contents(restored.db, restoredId);
		const sourceContents = await contents(source.db, sourceId);
		expect(restoredContents).toEqual(sourceContents);
		const placedRefs = board.map(({ id }) => sourceRefs.get(id));
		expect(
			placedRefs.map((ref) => restoredContents.candidates.find((row) => row.ref === ref))
		).toMatchObject(board.map(({ id: _id, ...state }) => state));
	});

	test('consultations come from the table as currently recorded, not from the imported form', async () => {
		const [sourceCampaign] = await source.db
			.select({ id: sql<number>`max(${candidate.campaignId})::int` })
			.from(candidate);
		const campaignId = sourceCampaign!.id;
		const [target] = await source.db
			.select({ id: candidate.id, ref: candidate.ref })
			.from(candidate)
			.where(eq(candidate.campaignId, campaignId))
			.orderBy(asc(candidate.id))
			.limit(1);
		await source.db
			.update(consultation)
			.set({ result: '有异议', note: '群众来信反映问题，待核实' })
			.where(eq(consultation.candidateId, target!.id));
		const document = await exportCampaignJson(source.db, campaignId, actor);
		const exported = document.nominations.find((n) => n.ref === target!.ref)!;
		expect(exported.consultations.length).toBeGreaterThan(0);
		for (const record of exported.consultations) {
			expect(record).toMatchObject({ result: '有异议', note: '群众来信反映问题，待核实' });
		}
	});

	test('each export writes an audit row that says it holds personal data', async () => {
		const rows = await source.db.select().from(audit).where(eq(audit.action, 'export'));
		expect(rows.length).toBeGreaterThanOrEqual(2);
		expect(rows[0]?.after).toMatchObject({ format: 'json', nominations: 555, personalData: true });
	});
});
