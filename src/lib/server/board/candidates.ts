/** Reading one candidate for the detail view. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { candidate, unit } from '../db/schema';

/** One candidate of a campaign with its unit's name, or null. */
export async function getCandidate(db: Db, campaignId: number, candidateId: number) {
	const [row] = await db
		.select({ candidate, unitName: unit.name })
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.where(and(eq(candidate.campaignId, campaignId), eq(candidate.id, candidateId)));
	return row ? { ...row.candidate, unitName: row.unitName } : null;
}
