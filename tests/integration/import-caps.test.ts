/**
 * One huge field no longer stalls everyone (issue 7, finding 4): a 50 MB 主要事迹 is refused —
 * by the reader of the JSON text and by the import service for a document built in code — before
 * anything is written, naming the nomination, the field and the cap. The refusal reads only the
 * field's length (see overCap's unit test), so it costs the same as a 40,000-character text.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseInterchangeJson } from '../../src/lib/domain/interchange';
import { boardEvent, finding } from '../../src/lib/server/db/schema';
import { importNominations } from '../../src/lib/server/import/nominations';
import { ImportRefusedError } from '../../src/lib/server/import/preflight';
import { createCampaign } from '../../src/lib/server/seed';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { counts, sample } from '../helpers/documents';

const actor = { id: null, name: 'test' };
const FIFTY_MB = 50 * 1024 * 1024;
let database: TestDatabase;
let campaignId: number;

beforeAll(async () => {
	database = await freshDatabase();
	campaignId = await createCampaign(database.db, '上限', 'chongqing-2022');
	await importNominations(database.db, campaignId, sample(), actor);
});
afterAll(async () => {
	await database.destroy();
});

const everything = async () => ({
	...(await counts(database.db)),
	events: (await database.db.select({ n: count() }).from(boardEvent))[0]!.n
});

const refusal =
	/推荐编号 EX-3 的“主要事迹”超过导入上限 20,000 字（现有约 52,428,800 字，通知要求 2000 字以内）/;

describe('a 50 MB 主要事迹', () => {
	test('in JSON text: the reader refuses it at its path', () => {
		const value = JSON.parse(JSON.stringify(sample())) as {
			nominations: { collective?: { deeds: string } }[];
		};
		value.nominations[2]!.collective!.deeds = 'x'.repeat(FIFTY_MB);
		const parsed = parseInterchangeJson(JSON.stringify(value));
		expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toEqual([
			'nominations[2].collective.deeds'
		]);
		expect(parsed.ok ? '' : parsed.errors[0]!.expected).toMatch(refusal);
	});

	test('in a document built in code: the import refuses it and writes nothing', async () => {
		const before = await everything();
		const document = sample();
		const station = document.nominations[2]!;
		if (station.track !== 'collective') throw new Error('EX-3 is a collective');
		station.collective.deeds = 'x'.repeat(FIFTY_MB);
		const attempt = importNominations(database.db, campaignId, document, actor);
		await expect(attempt).rejects.toBeInstanceOf(ImportRefusedError);
		await expect(attempt).rejects.toThrow(refusal);
		expect(await everything()).toEqual(before);
	});

	test('20,000 characters of it still import, with TEXT-TOO-LONG', async () => {
		const document = sample();
		const station = document.nominations[2]!;
		if (station.track !== 'collective') throw new Error('EX-3 is a collective');
		station.collective.deeds = '事'.repeat(20_000);
		const summary = await importNominations(database.db, campaignId, document, actor);
		expect(summary).toMatchObject({ created: 0, updated: 5 });
		const tooLong = await database.db
			.select({ field: finding.field, message: finding.message })
			.from(finding)
			.where(and(eq(finding.campaignId, campaignId), eq(finding.code, 'TEXT-TOO-LONG')));
		expect(tooLong).toEqual([
			{ field: 'collective.deeds', message: expect.stringContaining('20000 字') as string }
		]);
	});
});
