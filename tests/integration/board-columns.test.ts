/**
 * The board paged and filtered on the server (issue 11) against a real database: for every
 * filter, the columns' counts, first pages and the pages after them give exactly the cards the
 * browser's own filter (`matchesFilters`) passes over the whole campaign, in the same order;
 * the meters' counts are the whole proposed list's; a move's event carries the cards it moved
 * as the board shows them; and the page endpoint answers only the board's readers.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { matchesFilters, noFilters, type BoardFilters } from '../../src/lib/board/filters';
import type { BoardCard } from '../../src/lib/board/types';
import { listCounts } from '../../src/lib/domain/meters';
import { stages, type Stage } from '../../src/lib/domain/stages';
import { boardCards } from '../../src/lib/server/board/cards';
import { COLUMN_PAGE } from '../../src/lib/board/paging';
import { boardColumns, columnPage, filteredCardIds } from '../../src/lib/server/board/columns';
import { proposedList } from '../../src/lib/server/board/gate-facts';
import { moveCandidates } from '../../src/lib/server/board/move';
import { boardEvent, campaign, candidate, unit, user } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/seed';
import { GET as cardsPage } from '../../src/routes/(app)/c/[campaignId]/board/cards/+server';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { callRoute, forgetRuntime, localsOf, useDatabaseAsRuntime } from '../helpers/route-event';
import type { CampaignParameters } from '../../src/lib/domain/campaign';

let database: TestDatabase;
let campaignId: number;
let params: CampaignParameters;
let all: BoardCard[];

beforeAll(async () => {
	database = await freshDatabase();
	({ campaignId } = await seedDemo(database.db));
	const [owner] = await database.db.select().from(campaign).where(eq(campaign.id, campaignId));
	params = owner!.parameters;
	// Spread the demo over several columns, so stage filters and paging have something to do.
	const ids = (await database.db.select({ id: candidate.id }).from(candidate)).map((r) => r.id);
	const spread: [Stage, number[]][] = [
		['preliminary', ids.filter((id) => id % 5 === 1)],
		['joint', ids.filter((id) => id % 5 === 2)],
		['not_selected', ids.filter((id) => id % 5 === 3)]
	];
	for (const [stage, some] of spread) {
		await database.db.update(candidate).set({ stage }).where(inArray(candidate.id, some));
	}
	all = await boardCards(database.db, campaignId);
	useDatabaseAsRuntime(database);
}, 120_000);
afterAll(async () => {
	forgetRuntime();
	await database.destroy();
});

/** The browser's view of the campaign: every card its filter passes, per column, in order. */
const expected = (filters: BoardFilters, stage: Stage) =>
	all.filter((card) => card.stage === stage && matchesFilters(card, filters)).map((c) => c.id);

/** One column read from the server a page at a time, as "显示更多" does. */
async function pagedColumn(filters: BoardFilters, stage: Stage, first: BoardCard[]) {
	const ids = first.map((card) => card.id);
	let last = first.at(-1);
	for (;;) {
		const page = await columnPage(database.db, campaignId, filters, stage, last ?? null, 120);
		if (page.length === 0) return ids;
		ids.push(...page.map((card) => card.id));
		last = page.at(-1);
	}
}

const demo = () => all;
const firstOf = <T>(list: T[]) => list[0]!;
const filterCases: [string, () => BoardFilters][] = [
	['no filter', () => noFilters],
	['先进集体', () => ({ ...noFilters, track: 'collective' })],
	['代表家站', () => ({ ...noFilters, track: 'station' })],
	['先进个人', () => ({ ...noFilters, track: 'individual' })],
	['优秀建议', () => ({ ...noFilters, track: 'suggestion' })],
	['one unit', () => ({ ...noFilters, unitId: firstOf(demo()).unitId })],
	['one district', () => ({ ...noFilters, district: demo().find((c) => c.district)!.district! })],
	['errors', () => ({ ...noFilters, finding: 'error' })],
	['warnings', () => ({ ...noFilters, finding: 'warning' })],
	['infos', () => ({ ...noFilters, finding: 'info' })],
	['clean', () => ({ ...noFilters, finding: 'clean' })],
	['one code', () => ({ ...noFilters, finding: demo().find((c) => c.codes.length)!.codes[0]! })],
	['处级干部', () => ({ ...noFilters, flags: ['division'] })],
	['市级机关', () => ({ ...noFilters, flags: ['municipalOrgan'] })],
	['基层一线', () => ({ ...noFilters, flags: ['grassroots'] })],
	['企业负责人', () => ({ ...noFilters, flags: ['enterpriseHead'] })],
	['stage 联合评审', () => ({ ...noFilters, stage: 'joint' })],
	['a unit name in search', () => ({ ...noFilters, query: firstOf(demo()).unitName })],
	['two words', () => ({ ...noFilters, query: `${firstOf(demo()).unitName} 代表` })],
	[
		'a suggestion number',
		() => ({ ...noFilters, query: demo().find((c) => c.track === 'suggestion')!.subtitle })
	],
	['a name', () => ({ ...noFilters, query: demo().find((c) => c.track === 'individual')!.title })],
	['% and _ are literal', () => ({ ...noFilters, query: '%_' })],
	['nothing matches', () => ({ ...noFilters, query: '不存在的候选对象名称' })],
	[
		'several at once',
		() => ({ ...noFilters, track: 'individual', finding: 'warning', stage: 'submitted' })
	]
];

describe('server filters and paging give the browser filter’s cards', () => {
	test.each(filterCases)('%s', async (_name, make) => {
		const filters = make();
		const board = await boardColumns(database.db, campaignId, params, filters);
		let anyShown = 0;
		for (const stage of stages) {
			const want = expected(filters, stage);
			const first = board.cards.filter((card) => card.stage === stage);
			expect(board.shown[stage], `${stage} count`).toBe(want.length);
			expect(board.all[stage]).toBe(all.filter((card) => card.stage === stage).length);
			expect(
				first.map((c) => c.id),
				`${stage} first page`
			).toEqual(want.slice(0, COLUMN_PAGE));
			expect(await pagedColumn(filters, stage, first), `${stage} paged`).toEqual(want);
			anyShown += want.length;
		}
		expect(await filteredCardIds(database.db, campaignId, filters)).toEqual(
			all.filter((card) => matchesFilters(card, filters)).map((c) => c.id)
		);
		// The cards sent are the cards as the whole board reads them, field for field.
		const byId = new Map(all.map((card) => [card.id, card]));
		for (const card of board.cards) expect(card).toEqual(byId.get(card.id));
		if (_name === 'nothing matches') expect(anyShown).toBe(0);
	});

	test('the table tries every filter the bar offers on the demo, and each narrows it', () => {
		const sizes = filterCases.map(
			([, make]) => all.filter((c) => matchesFilters(c, make())).length
		);
		expect(sizes[0]).toBe(all.length);
		// Every case but the two that want nothing selects some cards and not all of them.
		for (const [index, [name]] of filterCases.entries()) {
			if (index === 0 || name === 'nothing matches' || name === '% and _ are literal') continue;
			expect(sizes[index], name).toBeGreaterThan(0);
			expect(sizes[index], name).toBeLessThan(all.length);
		}
	});
});

test('the meters count the whole proposed list, loaded or not', async () => {
	const board = await boardColumns(database.db, campaignId, params, {
		...noFilters,
		stage: 'submitted'
	});
	expect(board.list).toEqual(listCounts(await proposedList(database.db, campaignId), params));
});

test('a move’s event carries each moved card as the board reads it, and the list after it', async () => {
	const [secretary] = await database.db.select().from(user).where(eq(user.username, 'secretary'));
	const ids = all
		.filter((card) => card.stage === 'joint' && card.track === 'suggestion')
		.slice(0, 2)
		.map((card) => card.id);
	const result = await moveCandidates(database.db, {
		campaignId,
		candidateIds: ids,
		to: 'not_selected',
		reason: '测试：移出',
		actor: { id: secretary!.id, name: secretary!.username }
	});
	expect(result.outcomes.every((o) => o.ok)).toBe(true);
	const [event] = await database.db
		.select()
		.from(boardEvent)
		.where(and(eq(boardEvent.campaignId, campaignId), eq(boardEvent.seq, result.seq!)));
	const payload = event!.payload as { cards: BoardCard[]; list: unknown };
	expect(payload.cards).toEqual(await boardCards(database.db, campaignId, { ids }));
	expect(payload.cards.map((c) => c.stage)).toEqual(['not_selected', 'not_selected']);
	expect(payload.list).toEqual(listCounts(await proposedList(database.db, campaignId), params));
	all = await boardCards(database.db, campaignId);
});

describe('the page endpoint', () => {
	const call = async (username: string, query: string) => {
		const [who] = await database.db.select().from(user).where(eq(user.username, username));
		const locals = await localsOf(database, who!.id);
		try {
			const response = await callRoute(cardsPage, {
				locals,
				params: { campaignId: String(campaignId) },
				url: `http://shortlist.test/c/${campaignId}/board/cards?${query}`
			});
			return { status: response.status, body: (await response.json()) as BoardCard[] };
		} catch (thrown) {
			return { status: (thrown as { status: number }).status, body: null };
		}
	};

	test.each([
		['secretary', 200],
		['panelist1', 200],
		['screen', 200]
	])('%s reads a page', async (username, status) => {
		const first = all.filter((card) => card.stage === 'submitted');
		const after = first[COLUMN_PAGE - 1]!;
		const result = await call(
			username,
			`stage=submitted&limit=5&after=${after.unitId}.${after.track}.${after.id}`
		);
		expect(result.status).toBe(status);
		expect(result.body!.map((c) => c.id)).toEqual(
			first.slice(COLUMN_PAGE, COLUMN_PAGE + 5).map((c) => c.id)
		);
	});

	test('a unit account is refused', async () => {
		const [unitUser] = await database.db
			.select({ username: user.username })
			.from(user)
			.where(eq(user.username, 'unit-yuzhong'));
		expect((await call(unitUser!.username, 'stage=submitted')).status).toBe(403);
	});

	test.each([
		['no stage', 'limit=5'],
		['an unknown stage', 'stage=nowhere'],
		['a malformed cursor', 'stage=submitted&after=1;drop'],
		['too many at once', 'stage=submitted&limit=100000']
	])('%s is a 400', async (_name, query) => {
		expect((await call('secretary', query)).status).toBe(400);
	});
});

test('units exist for the filters (the demo is not empty)', async () => {
	const units = await database.db.select().from(unit).where(eq(unit.campaignId, campaignId));
	expect(units.length).toBeGreaterThan(10);
	expect(all.length).toBeGreaterThan(500);
});
