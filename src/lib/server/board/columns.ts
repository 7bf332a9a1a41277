/**
 * The board as a browser loads it (issue 11): per column the first page of the cards that pass
 * the filters and how many there are, the campaign's totals, and the list's counts for the
 * meters — all computed here over the whole campaign, so a board of thousands sends what is on
 * screen. The rest of a column comes a page at a time (`columnPage`), after the last card held.
 */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { BoardFilters } from '../../board/filters';
import { COLUMN_PAGE, MAX_COLUMN_PAGE } from '../../board/paging';
import type { BoardCard, BoardColumns, CardKey, ColumnCounts } from '../../board/types';
import { listCounts } from '../../domain/meters';
import type { CampaignParameters } from '../../domain/campaign';
import { stages, type Stage } from '../../domain/stages';
import type { Db } from '../db';
import { campaign, candidate, finding, unit } from '../db/schema';
import { boardCards } from './cards';
import { afterKey, cardOrder, filterCondition } from './filter-sql';
import { proposedList } from './gate-facts';

const emptyCounts = (): ColumnCounts =>
	Object.fromEntries(stages.map((stage) => [stage, 0])) as ColumnCounts;

/** How many cards each column holds: all of them, and those passing the filters. */
async function columnCounts(db: Db, campaignId: number, filters: BoardFilters) {
	const condition = filterCondition(filters);
	const rows = await db
		.select({
			stage: candidate.stage,
			all: count(),
			shown: condition ? sql<number>`(count(*) filter (where ${condition}))::int` : count()
		})
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.where(eq(candidate.campaignId, campaignId))
		.groupBy(candidate.stage);
	const all = emptyCounts();
	const shown = emptyCounts();
	for (const row of rows) {
		all[row.stage] = Number(row.all);
		shown[row.stage] = Number(row.shown);
	}
	return { all, shown };
}

/** The ids of the first `limit` cards of every column, in board order. */
async function firstPageIds(
	db: Db,
	campaignId: number,
	filters: BoardFilters,
	limit: number
): Promise<number[]> {
	const ranked = db
		.select({
			id: candidate.id,
			rank: sql<number>`row_number() over (partition by ${candidate.stage} order by ${unit.id}, ${candidate.track}, ${candidate.id})`.as(
				'rank'
			)
		})
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.where(and(eq(candidate.campaignId, campaignId), filterCondition(filters)))
		.as('ranked');
	const rows = await db
		.select({ id: ranked.id })
		.from(ranked)
		.where(sql`${ranked.rank} <= ${limit}`);
	return rows.map((row) => row.id);
}

/** Every finding code present in the campaign, for the filter bar. */
async function findingCodes(db: Db, campaignId: number): Promise<string[]> {
	const rows = await db
		.selectDistinct({ code: finding.code })
		.from(finding)
		.where(eq(finding.campaignId, campaignId))
		.orderBy(asc(finding.code));
	return rows.map((row) => row.code);
}

/** The board for one filter set: first pages, counts, list counts and the codes present. */
export async function boardColumns(
	db: Db,
	campaignId: number,
	params: CampaignParameters,
	filters: BoardFilters,
	limit = COLUMN_PAGE
): Promise<BoardColumns> {
	const [ids, counts, entries, codes] = await Promise.all([
		firstPageIds(db, campaignId, filters, limit),
		columnCounts(db, campaignId, filters),
		proposedList(db, campaignId),
		findingCodes(db, campaignId)
	]);
	return {
		cards: await boardCards(db, campaignId, { ids }),
		all: counts.all,
		shown: counts.shown,
		list: listCounts(entries, params),
		codes
	};
}

/** The next cards of one column after `after` (null: from its start), in board order. */
export async function columnPage(
	db: Db,
	campaignId: number,
	filters: BoardFilters,
	stage: Stage,
	after: CardKey | null,
	limit = COLUMN_PAGE
): Promise<BoardCard[]> {
	const rows = await db
		.select({ id: candidate.id })
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.where(
			and(
				eq(candidate.campaignId, campaignId),
				eq(candidate.stage, stage),
				filterCondition(filters),
				after ? afterKey(after) : undefined
			)
		)
		.orderBy(...cardOrder.map((column) => asc(column)))
		.limit(Math.min(limit, MAX_COLUMN_PAGE));
	return boardCards(db, campaignId, { ids: rows.map((row) => row.id) });
}

/** The ids of every card passing the filters, in board order (the zip of approval forms). */
export async function filteredCardIds(
	db: Db,
	campaignId: number,
	filters: BoardFilters
): Promise<number[]> {
	const rows = await db
		.select({ id: candidate.id })
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.where(and(eq(candidate.campaignId, campaignId), filterCondition(filters)))
		.orderBy(...cardOrder.map((column) => asc(column)));
	return rows.map((row) => row.id);
}

/**
 * The campaign's name, parameters and event number; the number is read before the board, so a
 * change meanwhile shows as a gap.
 */
export async function boardHead(db: Db, campaignId: number) {
	const [owner] = await db
		.select({ name: campaign.name, parameters: campaign.parameters, seq: campaign.eventSeq })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	return owner;
}
