/**
 * importNominations is all or nothing: when the database refuses a row at any step, or the
 * document is refused before writing, no row changes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type InterchangeDocument } from '../../src/lib/domain/interchange';
import { importNominations } from '../../src/lib/server/import/nominations';
import { ImportRefusedError } from '../../src/lib/server/import/preflight';
import { createCampaign } from '../../src/lib/server/seed';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { counts, demo, demoValue, sample } from '../helpers/documents';

const actor = { id: null, name: 'test' };
let database: TestDatabase;

beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database.destroy();
});

/** The database's own message inside drizzle's "Failed query" wrapper. */
function databaseReason(error: unknown): string {
	const cause = (error as { cause?: unknown } | null)?.cause;
	return cause instanceof Error ? cause.message : String(error);
}

describe('atomicity: when the database refuses one row, nothing is written', () => {
	let campaignId: number;
	beforeAll(async () => {
		campaignId = await createCampaign(database.db, '原子性', 'chongqing-2022');
		await importNominations(database.db, campaignId, sample(), actor);
	});
	const nominations = demoValue.nominations as { ref: string; unit: { name: string } }[];
	const cases = [
		{
			step: 'a candidate of the second batch',
			table: 'candidate',
			when: `NEW.ref = '${nominations[300]!.ref}'`
		},
		{ step: 'the last unit', table: 'unit', when: `NEW.name = '${nominations.at(-1)!.unit.name}'` },
		{
			step: 'a consultation record',
			table: 'consultation',
			when: `NEW.dept = '公安' AND NEW.candidate_id % 97 = 0`
		},
		{ step: 'a unit-level finding', table: 'finding', when: 'NEW.unit_id IS NOT NULL' },
		{ step: 'the audit row', table: 'audit', when: `NEW.action = 'import'` }
	];
	for (const { step, table, when } of cases) {
		test(`refused at ${step}`, async () => {
			const db = database.db;
			await db.execute(
				sql.raw(`CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN IF ${when} THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`)
			);
			await db.execute(
				sql.raw(
					`CREATE TRIGGER refuse_row BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_row()`
				)
			);
			try {
				const before = await counts(db);
				const document = demo();
				// Sample's five are stored already: the failing import updates rows as well as inserting.
				document.nominations.push(...sample().nominations);
				const failure: unknown = await importNominations(db, campaignId, document, actor).catch(
					(error: unknown) => error
				);
				expect(databaseReason(failure)).toMatch(/refused by the test/);
				expect(await counts(db)).toEqual(before);
			} finally {
				await db.execute(sql.raw(`DROP TRIGGER refuse_row ON "${table}"`));
				await db.execute(sql.raw('DROP FUNCTION refuse_row()'));
			}
		});
	}

	const refusals = [
		{
			problem: 'the same nomination twice in one file',
			change: (d: InterchangeDocument) => d.nominations.push(structuredClone(d.nominations[1]!)),
			message: /nominations\[1\][\s\S]*nominations\[5\][\s\S]*是同一推荐对象/
		},
		{
			problem: 'a NUL character, which PostgreSQL cannot store',
			change: (d: InterchangeDocument) => {
				const n = d.nominations[2]!;
				if (n.track === 'collective') n.collective.deeds += '\u0000';
			},
			message: /nominations\[2\]\.collective\.deeds 含有空字符/
		}
	];
	for (const { problem, change, message } of refusals) {
		test(`refused before writing: ${problem}`, async () => {
			const before = await counts(database.db);
			const document = sample();
			change(document);
			const attempt = importNominations(database.db, campaignId, document, actor);
			await expect(attempt).rejects.toBeInstanceOf(ImportRefusedError);
			await expect(attempt).rejects.toThrow(message);
			expect(await counts(database.db)).toEqual(before);
		});
	}
});
