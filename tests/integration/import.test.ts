/**
 * importNominations against a real database: all or nothing when the database refuses a row at
 * any step, idempotent re-import, recomputed unit findings, and stored findings equal to
 * validateDocument of the same document.
 */
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseInterchange, type InterchangeDocument } from '../../src/lib/domain/interchange';
import { validateDocument } from '../../src/lib/domain/rules/validate';
import type { Db } from '../../src/lib/server/db';
import { audit, candidate, consultation, finding, unit } from '../../src/lib/server/db/schema';
import { generateDemo } from '../../src/lib/server/demo';
import { importNominations } from '../../src/lib/server/import/nominations';
import { ImportRefusedError } from '../../src/lib/server/import/preflight';
import { createCampaign } from '../../src/lib/server/seed';
import { freshDatabase, type TestDatabase } from '../helpers/db';

const actor = { id: null, name: 'test' };
let database: TestDatabase;

beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database.destroy();
});

/** A parsed copy of a shortlist/v1 value; throws on a structural error. */
function parse(value: unknown): InterchangeDocument {
	const parsed = parseInterchange(structuredClone(value));
	if (!parsed.ok) throw new Error(`not shortlist/v1: ${JSON.stringify(parsed.errors[0])}`);
	return parsed.document;
}
const sample = (): InterchangeDocument =>
	parse(JSON.parse(readFileSync('../shared/examples/sample.json', 'utf8')));
const demoValue = generateDemo().document;
const demo = (): InterchangeDocument => parse(demoValue);

/** Row counts of everything an import writes. */
async function counts(db: Db) {
	const count = async (
		table: typeof candidate | typeof unit | typeof finding | typeof consultation | typeof audit
	) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
	return {
		candidates: await count(candidate),
		units: await count(unit),
		findings: await count(finding),
		consultations: await count(consultation),
		audits: await count(audit),
		versions: (
			await db.select({ n: sql<number>`coalesce(sum(version), 0)::int` }).from(candidate)
		)[0]?.n
	};
}

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
/** The database's own message inside drizzle's "Failed query" wrapper. */
function databaseReason(error: unknown): string {
	const cause = (error as { cause?: unknown } | null)?.cause;
	return cause instanceof Error ? cause.message : String(error);
}

const asKeys = (document: InterchangeDocument) =>
	validateDocument(document)
		.map((f) => JSON.stringify([f.ref, f.code, f.severity, f.field, f.message]))
		.sort();

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
				// The demo's units are new to this campaign: give one of them sample's unit so updates happen too.
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
			const [campaignId] = await database.db
				.select({ id: sql<number>`max(${unit.campaignId})::int` })
				.from(unit)
				.where(eq(unit.name, '北碚区人大代表联系组'))
				.then((rows) => rows.map((r) => r.id));
			const target =
				suggestions === 0
					? await createCampaign(database.db, '单位规则', 'chongqing-2022')
					: campaignId!;
			const document = sampleWith(suggestions, stations);
			await importNominations(database.db, target, document, actor);
			const unitCodes = await database.db
				.select({ code: finding.code })
				.from(finding)
				.innerJoin(unit, eq(finding.unitId, unit.id))
				.where(eq(unit.campaignId, target));
			expect(unitCodes.map((r) => r.code)).toEqual(codes);
			expect(await storedFindings(database.db, target)).toEqual(asKeys(document));
		}
	);
});
