/**
 * The board's filters (`$lib/board/filters`) as one SQL condition over `candidate` joined with
 * its `unit`: the server pages and counts with it, so a board of thousands never travels whole.
 * It must select exactly the cards `matchesFilters` passes — tests/integration/board-columns
 * compares the two over the demo, filter by filter.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { searchWords, type BoardFilters, type FlagName } from '../../board/filters';
import type { Stage } from '../../domain/stages';
import { candidate, finding, unit } from '../db/schema';

const flagColumns = {
	division: candidate.isDivisionCadre,
	municipalOrgan: candidate.isMunicipalOrgan,
	enterpriseHead: candidate.isEnterpriseHead,
	grassroots: candidate.isGrassroots
} as const satisfies Record<FlagName, unknown>;

/** The candidate has a finding matching `where` (its findings are its own rows, any severity). */
const hasFinding = (where: SQL) =>
	sql`exists (select 1 from ${finding} where ${finding.candidateId} = ${candidate.id} and ${where})`;

function findingCondition(wanted: string): SQL | undefined {
	switch (wanted) {
		case '':
			return undefined;
		case 'error':
		case 'warning':
		case 'info':
			return hasFinding(sql`${finding.severity} = ${wanted}`);
		case 'clean':
			return sql`not ${hasFinding(inArray(finding.severity, ['error', 'warning']))}`;
		default:
			return hasFinding(sql`${finding.code} = ${wanted}`);
	}
}

/** LIKE's wildcards and escape character taken literally. */
const literal = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every filter as one condition (undefined: no filter). */
export function filterCondition(filters: BoardFilters): SQL | undefined {
	const text = sql`lower(${candidate.title} || ' ' || ${candidate.subtitle} || ' ' || ${unit.name})`;
	return and(
		filters.track === 'station'
			? eq(candidate.isStation, true)
			: filters.track
				? eq(candidate.track, filters.track as typeof candidate.track._.data)
				: undefined,
		filters.unitId ? eq(candidate.unitId, filters.unitId) : undefined,
		filters.district ? eq(unit.district, filters.district) : undefined,
		findingCondition(filters.finding),
		...filters.flags.map((flag) => eq(flagColumns[flag], true)),
		filters.stage ? eq(candidate.stage, filters.stage as Stage) : undefined,
		...searchWords(filters.query).map(
			(word) => sql`${text} like ${`%${literal(word)}%`} escape '\\'`
		)
	);
}

/** The board's order within a column, for ORDER BY and keyset paging. */
export const cardOrder = [unit.id, candidate.track, candidate.id] as const;

/** Cards after a card (by the board's order): `(unit, track, id) > (…)`. */
export function afterKey(key: { unitId: number; track: string; id: number }): SQL {
	return sql`(${unit.id}, ${candidate.track}, ${candidate.id}) > (${key.unitId}, ${key.track}, ${key.id})`;
}
