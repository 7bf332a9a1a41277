/**
 * importNominations against a real database: idempotent re-import (atomicity is in
 * import-atomicity.test.ts), recomputed unit findings, and stored findings equal to
 * validateDocument of the same document.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type InterchangeDocument } from '../../src/lib/domain/interchange';
import { validateDocument } from '../../src/lib/domain/rules/validate';
import type { Db } from '../../src/lib/server/db';
import { candidate, finding, unit } from '../../src/lib/server/db/schema';
import { importNominations } from '../../src/lib/server/import/nominations';
import { createCampaign } from '../../src/lib/server/seed';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { counts, demo, sample } from '../helpers/documents';

const actor = { id: null, name: 'test' };
let database: TestDatabase;

beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database.destroy();
});

/** Stored findings as validateDocument reports them: ref = the nomination's ref or unit's name. */
async function storedFindings(db: Db, campaignId: number): Promise<string[]> {
	const rows = await db
		.select({
			ref: sql<string>`coalesce(${candidate.ref}, ${unit.name})`,
			code: finding.code,
			severity: finding.severity,
			field: finding.field,
			message: finding.message
		})
		.from(finding)
		.leftJoin(candidate, eq(finding.candidateId, candidate.id))
		.leftJoin(unit, eq(finding.unitId, unit.id))
		.where(eq(finding.campaignId, campaignId));
	return rows.map((r) => JSON.stringify([r.ref, r.code, r.severity, r.field, r.message])).sort();
}
const asKeys = (document: InterchangeDocument) =>
	validateDocument(document)
		.map((f) => JSON.stringify([f.ref, f.code, f.severity, f.field, f.message]))
		.sort();

describe('idempotence and updates', () => {
	test('importing the demo twice: same rows, every nomination updated, none created', async () => {
		const campaignId = await createCampaign(database.db, '幂等', 'chongqing-2022');
		const first = await importNominations(database.db, campaignId, demo(), actor);
		expect(first).toMatchObject({ created: 555, updated: 0 });
		const rowsAfterFirst = await counts(database.db);
		const second = await importNominations(database.db, campaignId, demo(), actor);
		expect(second).toEqual({ ...first, created: 0, updated: 555 });
		const rowsAfterSecond = await counts(database.db);
		expect(rowsAfterSecond).toEqual({
			...rowsAfterFirst,
			audits: rowsAfterFirst.audits + 1,
			versions: rowsAfterFirst.versions! + 555
		});
		expect(await storedFindings(database.db, campaignId)).toEqual(asKeys(demo()));
	});

	test('stored findings per candidate and per unit equal validateDocument of the document', async () => {
		const campaignId = await createCampaign(database.db, '校验一致', 'chongqing-2022');
		await importNominations(database.db, campaignId, demo(), actor);
		const stored = await storedFindings(database.db, campaignId);
		expect(stored.some((key) => key.includes('"UNIT-'))).toBe(true);
		expect(stored.some((key) => key.includes('"DUPLICATE-NOMINEE"'))).toBe(true);
		expect(stored).toEqual(asKeys(demo()));
	});

	test('changing a nomination updates its candidate and its findings', async () => {
		const campaignId = await createCampaign(database.db, '更新', 'chongqing-2022');
		await importNominations(database.db, campaignId, sample(), actor);
		const changed = sample();
		const staff = changed.nominations.find((n) => n.ref === 'EX-2')!;
		if (staff.track !== 'individual') throw new Error('EX-2 is an individual');
		staff.person.liaisonYears = 3.5;
		staff.person.position = '联络科科长';
		const summary = await importNominations(database.db, campaignId, changed, actor);
		expect(summary).toMatchObject({ created: 0, updated: 5 });
		const [row] = await database.db
			.select()
			.from(candidate)
			.where(and(eq(candidate.campaignId, campaignId), eq(candidate.ref, 'EX-2')));
		expect(row?.version).toBe(2);
		expect((row?.form as { person: { liaisonYears: number } }).person.liaisonYears).toBe(3.5);
		const stored = await storedFindings(database.db, campaignId);
		expect(stored.some((key) => key.includes('STAFF-TENURE'))).toBe(false);
		expect(stored).toEqual(asKeys(changed));
	});
});

describe('unit-level findings follow the unit’s nominations', () => {
	/** Sample plus `suggestions` more clean suggestions and `stations` more stations. */
	function sampleWith(suggestions: number, stations: number): InterchangeDocument {
		const document = sample();
		const suggestion = document.nominations.find((n) => n.ref === 'EX-4')!;
		const station = document.nominations.find((n) => n.ref === 'EX-3')!;
		for (let i = 1; i <= suggestions; i++) {
			const copy = structuredClone(suggestion);
			if (copy.track === 'suggestion') copy.suggestion.number = `市五届人大三次会议05${10 + i}号`;
			document.nominations.push({ ...copy, ref: `S-${i}` });
		}
		for (let i = 1; i <= stations; i++) {
			const copy = structuredClone(station);
			if (copy.track === 'collective') copy.collective.name = `北碚区第${i}代表之家`;
			document.nominations.push({ ...copy, ref: `H-${i}` });
		}
		return document;
	}
	// One campaign for the whole table: each step re-imports sample with more nominations.
	let campaignId: number | undefined;
	const steps = [
		{ added: 'nothing', suggestions: 0, stations: 0, codes: ['UNIT-LIMIT-SHORT'] },
		{ added: '2 suggestions, 2 stations', suggestions: 2, stations: 2, codes: [] },
		{
			added: '5 suggestions, 2 stations',
			suggestions: 5,
			stations: 2,
			codes: ['UNIT-LIMIT-EXCEEDED']
		}
	];
	test.each(steps)(
		're-import after adding $added: $codes',
		async ({ suggestions, stations, codes }) => {
			campaignId ??= await createCampaign(database.db, '单位规则', 'chongqing-2022');
			const document = sampleWith(suggestions, stations);
			await importNominations(database.db, campaignId, document, actor);
			const unitCodes = await database.db
				.select({ code: finding.code })
				.from(finding)
				.innerJoin(unit, eq(finding.unitId, unit.id))
				.where(eq(unit.campaignId, campaignId));
			expect(unitCodes.map((r) => r.code)).toEqual(codes);
			expect(await storedFindings(database.db, campaignId)).toEqual(asKeys(document));
		}
	);
});
