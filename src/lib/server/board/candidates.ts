/** Reading one candidate and its findings for the detail view. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { candidate, finding, unit } from '../db/schema';

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
