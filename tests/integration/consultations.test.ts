/**
 * Consultations are judged as recorded (SPEC §5): a department's answer the secretariat records
 * in the app clears CONSULT-MISSING, an objection raises CONSULT-OBJECTION, the card's badges
 * follow in the same board event, and the move to 初审 is no longer held by T-FINDINGS-OPEN.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InterchangeDocument } from '../../src/lib/domain/interchange';
import { recordConsultation } from '../../src/lib/server/board/consultations';
import { moveCandidates } from '../../src/lib/server/board/move';
import { boardEvent, candidate, finding, user } from '../../src/lib/server/db/schema';
import { importNominations } from '../../src/lib/server/import/nominations';
import { createCampaign } from '../../src/lib/server/seed';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { individual, params } from '../unit/domain/fixtures';

let database: TestDatabase;
let campaignId: number;
let candidateId: number;
let actor: { id: number; name: string };

const codesOf = async () =>
	(
		await database.db
			.select({ code: finding.code })
			.from(finding)
			.where(and(eq(finding.candidateId, candidateId), eq(finding.severity, 'error')))
	).map((row) => row.code);

beforeAll(async () => {
	database = await freshDatabase();
	campaignId = await createCampaign(database.db, '征求意见测试', 'chongqing-2022');
	const [secretary] = await database.db
		.insert(user)
		.values({ username: 'sec', displayName: '秘书', passwordHash: 'x' })
		.returning({ id: user.id });
	actor = { id: secretary!.id, name: 'sec' };
	// A clean nomination whose 公安 opinion has not come back yet.
	const nomination = individual();
	nomination.consultations = nomination.consultations.filter((c) => c.dept !== '公安');
	const document: InterchangeDocument = { format: 'shortlist/v1', nominations: [nomination] };
	await importNominations(database.db, campaignId, document, { id: null, name: 'test' });
	const [row] = await database.db
		.select({ id: candidate.id })
		.from(candidate)
		.where(eq(candidate.campaignId, campaignId));
	candidateId = row!.id;
	expect(params.quotas.individual).toBeGreaterThan(0);
});
afterAll(async () => {
	await database.destroy();
});

describe('recording a consultation judges the findings again', () => {
	test('at intake the missing department is an error that holds the move to 初审', async () => {
		expect(await codesOf()).toEqual(['CONSULT-MISSING']);
		const held = await moveCandidates(database.db, {
			campaignId,
			candidateIds: [candidateId],
			to: 'preliminary',
			actor
		});
		expect(held.outcomes[0]).toMatchObject({ ok: false, code: 'T-FINDINGS-OPEN' });
	});

	test('an objection recorded in the app is CONSULT-OBJECTION', async () => {
		await recordConsultation(database.db, {
			campaignId,
			candidateId,
			dept: '公安',
			result: '有异议',
			date: '2022-10-24',
			note: '待核实',
			actor
		});
		expect(await codesOf()).toEqual(['CONSULT-OBJECTION']);
	});

	test('the answer 无异议 clears it, the event carries the card’s badges, and the move passes', async () => {
		const result = await recordConsultation(database.db, {
			campaignId,
			candidateId,
			dept: '公安',
			result: '无异议',
			date: '2022-10-25',
			note: '',
			actor
		});
		expect(await codesOf()).toEqual([]);
		const [event] = await database.db
			.select()
			.from(boardEvent)
			.where(and(eq(boardEvent.campaignId, campaignId), eq(boardEvent.seq, result!.seq)));
		expect(event!.payload).toMatchObject({
			candidateId,
			consultClear: 3,
			findings: { errors: 0 }
		});
		const moved = await moveCandidates(database.db, {
			campaignId,
			candidateIds: [candidateId],
			to: 'preliminary',
			actor
		});
		expect(moved.outcomes[0]).toMatchObject({ ok: true, overridden: null });
	});
});
