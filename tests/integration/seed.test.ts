import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { presets } from '../../src/lib/domain/campaign';
import { isOffRamp } from '../../src/lib/domain/stages';
import { historyOf } from '../../src/lib/server/audit/history';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { boardCards } from '../../src/lib/server/board/cards';
import { candidate, finding, membership, unit, user } from '../../src/lib/server/db/schema';
import { DEMO_PASSWORD, seedDemo, seedDemoIfEmpty } from '../../src/lib/server/seed';
import { hasDemoAccounts } from '../../src/lib/server/users';
import { freshDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
let campaignId: number;

beforeAll(async () => {
	database = await freshDatabase();
	const summary = await seedDemoIfEmpty(database.db);
	if (!summary) throw new Error('an empty database should be seeded');
	campaignId = summary.campaignId;
});
afterAll(async () => {
	await database.destroy();
});

describe('the demo campaign', () => {
	test('holds about 550 nominations from 38 liaison groups and the municipal units', async () => {
		const [{ count }] = (await database.db
			.select({ count: sql<number>`count(*)::int` })
			.from(candidate)
			.where(eq(candidate.campaignId, campaignId))) as [{ count: number }];
		expect(count).toBeGreaterThanOrEqual(520);
		expect(count).toBeLessThanOrEqual(580);
		const groups = await database.db
			.select({ id: unit.id })
			.from(unit)
			.where(and(eq(unit.campaignId, campaignId), eq(unit.kind, 'liaison_group')));
		expect(groups).toHaveLength(38);
	});

	test('has deliberate rule problems, and candidates with errors wait in 推荐申报', async () => {
		const withErrors = await database.db
			.selectDistinct({ id: candidate.id, stage: candidate.stage })
			.from(candidate)
			.innerJoin(finding, eq(finding.candidateId, candidate.id))
			.where(and(eq(candidate.campaignId, campaignId), eq(finding.severity, 'error')));
		expect(withErrors.length).toBeGreaterThan(5);
		expect(new Set(withErrors.map((row) => row.stage))).toEqual(new Set(['submitted']));
	});

	test('each card on 未入选 or 撤销 has the trail of a move there, so 恢复 takes it back', async () => {
		const cards = await boardCards(database.db, campaignId);
		const offRamped = cards.filter((card) => isOffRamp(card.stage));
		expect(new Set(offRamped.map((card) => card.stage))).toEqual(
			new Set(['not_selected', 'withdrawn'])
		);
		for (const card of offRamped)
			expect([card.id, card.returnsTo]).toEqual([
				card.id,
				card.stage === 'not_selected' ? 'joint' : 'submitted'
			]);
		const [first] = offRamped;
		const history = await historyOf(database.db, 'candidate', first!.id);
		expect(history).toMatchObject([{ actorName: '演示数据', action: 'candidate.move' }]);
	});

	test('spreads clean candidates over the stages without overfilling a quota', async () => {
		const stages = await database.db
			.select({
				stage: candidate.stage,
				track: candidate.proposedTrack,
				n: sql<number>`count(*)::int`
			})
			.from(candidate)
			.where(eq(candidate.campaignId, campaignId))
			.groupBy(candidate.stage, candidate.proposedTrack);
		expect(new Set(stages.map((s) => s.stage)).size).toBeGreaterThanOrEqual(5);
		const quotas = presets['chongqing-2022'].quotas;
		for (const row of stages.filter((s) => s.stage === 'proposed')) {
			expect(row.track).not.toBeNull();
			expect(row.n).toBeLessThanOrEqual(quotas[row.track as keyof typeof quotas]);
		}
	});

	test.each([
		['secretary', 'secretary'],
		['panelist1', 'panelist'],
		['panelist7', 'panelist'],
		['screen', 'observer'],
		['unit-yuzhong', 'unit']
	])('account %s signs in with the demo password as %s', async (username, role) => {
		const result = await signIn(database.db, username, DEMO_PASSWORD, '127.0.0.1');
		expect(result.ok).toBe(true);
		const [row] = await database.db
			.select({ role: membership.role, unitName: unit.name })
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.leftJoin(unit, eq(unit.id, membership.unitId))
			.where(eq(user.username, username));
		expect(row?.role).toBe(role);
		if (role === 'unit') expect(row?.unitName).toBe('渝中区人大代表联系组');
	});

	test('marks its accounts as demo accounts, which turns the ribbon on', async () => {
		expect(await hasDemoAccounts(database.db)).toBe(true);
	});

	test('is not written twice, and an existing database is never auto-seeded', async () => {
		await expect(seedDemo(database.db)).rejects.toThrow(/已存在/);
		expect(await seedDemoIfEmpty(database.db)).toBeNull();
	});
});

describe('seedDemo with a scale', () => {
	test.each([0, 1.5, 101])('refuses scale %s before writing anything', async (scale) => {
		const count = async () =>
			(
				(await database.db.select({ n: sql<number>`count(*)::int` }).from(candidate)) as [
					{ n: number }
				]
			)[0].n;
		const before = await count();
		await expect(seedDemo(database.db, { scale })).rejects.toThrow(/--scale/);
		expect(await count()).toBe(before);
	});

	test('scale 2 writes the demo twice over, every copy a distinct nomination', async () => {
		const other = await freshDatabase();
		try {
			const once = await seedDemo(database.db).catch(() => null); // already seeded: refused
			expect(once).toBeNull();
			const twice = await seedDemo(other.db, { scale: 2 });
			const [{ n, keys }] = (await other.db
				.select({
					n: sql<number>`count(*)::int`,
					keys: sql<number>`count(distinct (unit_id, track, natural_key))::int`
				})
				.from(candidate)) as [{ n: number; keys: number }];
			expect(n).toBe(twice.candidates);
			expect(keys).toBe(n);
			const [{ single }] = (await database.db
				.select({ single: sql<number>`count(*)::int` })
				.from(candidate)
				.where(eq(candidate.campaignId, campaignId))) as [{ single: number }];
			// Every nomination of the second copy is new, except people drawn twice by the generator.
			expect(n).toBeGreaterThan(single * 1.9);
		} finally {
			await other.destroy();
		}
	}, 120_000);
});
