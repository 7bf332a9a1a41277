/** Reading candidates for the board, a unit's own list and the detail view. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { NominationTrack } from '../../domain/campaign';
import type { Stage } from '../../domain/stages';
import { candidate, finding, unit } from '../db/schema';

/** What a board card or list row needs; no form data, so no personal data. */
export interface CandidateSummary {
	id: number;
	ref: string;
	title: string;
	track: NominationTrack;
	stage: Stage;
	unitId: number;
	unitName: string;
	isStation: boolean;
	errors: number;
	warnings: number;
	infos: number;
}

const severityCount = (severity: string) =>
	sql<number>`(count(*) filter (where ${finding.severity} = ${severity}))::int`;

/** Candidates of a campaign in board order; only one unit's when `unitId` is given. */
export async function listCandidates(
	db: Db,
	campaignId: number,
	scope: { unitId?: number } = {}
): Promise<CandidateSummary[]> {
	const findingCounts = db
		.select({
			candidateId: finding.candidateId,
			errors: severityCount('error').as('errors'),
			warnings: severityCount('warning').as('warnings'),
			infos: severityCount('info').as('infos')
		})
		.from(finding)
		.where(eq(finding.campaignId, campaignId))
		.groupBy(finding.candidateId)
		.as('finding_counts');
	return db
		.select({
			id: candidate.id,
			ref: candidate.ref,
			title: candidate.title,
			track: candidate.track,
			stage: candidate.stage,
			unitId: candidate.unitId,
			unitName: unit.name,
			isStation: candidate.isStation,
			errors: sql<number>`coalesce(${findingCounts.errors}, 0)`,
			warnings: sql<number>`coalesce(${findingCounts.warnings}, 0)`,
			infos: sql<number>`coalesce(${findingCounts.infos}, 0)`
		})
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.leftJoin(findingCounts, eq(findingCounts.candidateId, candidate.id))
		.where(
			and(
				eq(candidate.campaignId, campaignId),
				scope.unitId === undefined ? undefined : eq(candidate.unitId, scope.unitId)
			)
		)
		.orderBy(asc(unit.id), asc(candidate.track), asc(candidate.id));
}

/** One candidate of a campaign with its unit's name, or null. */
export async function getCandidate(db: Db, campaignId: number, candidateId: number) {
	const [row] = await db
		.select({ candidate, unitName: unit.name })
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.where(and(eq(candidate.campaignId, campaignId), eq(candidate.id, candidateId)));
	return row ? { ...row.candidate, unitName: row.unitName } : null;
}

/** The findings on a candidate, errors first. */
export async function findingsOf(db: Db, candidateId: number) {
	return db
		.select()
		.from(finding)
		.where(eq(finding.candidateId, candidateId))
		.orderBy(
			sql`case ${finding.severity} when 'error' then 0 when 'warning' then 1 else 2 end`,
			asc(finding.id)
		);
}
