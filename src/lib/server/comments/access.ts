/**
 * Who may open a candidate's 评审意见, asked of the one permissions module: the user's role in
 * the campaign, the candidate's unit, and whether the user is recused from it (SPEC §6): linked
 * to its unit, or a declared conflict.
 */
import { and, eq } from 'drizzle-orm';
import { canComment, canReadComments } from '../../permissions';
import type { Db } from '../db';
import { candidate, conflict, membership, panelistUnit } from '../db/schema';

/** The verdict for one socket: read (and maybe write), or refused. */
export type CommentAccess = { ok: true; canWrite: boolean } | { ok: false };

/**
 * Decides whether `userId` may open the comment of `candidateId` in `campaignId`. A candidate of
 * another campaign, or none at all, is refused like a missing right: the answer never tells
 * whether it exists.
 */
export async function commentAccess(
	db: Db,
	userId: number,
	campaignId: number,
	candidateId: number
): Promise<CommentAccess> {
	const [row] = await db
		.select({
			role: membership.role,
			actorUnitId: membership.unitId,
			candidateUnitId: candidate.unitId,
			linkedUnit: panelistUnit.unitId,
			declared: conflict.id
		})
		.from(candidate)
		.innerJoin(
			membership,
			and(eq(membership.campaignId, candidate.campaignId), eq(membership.userId, userId))
		)
		.leftJoin(
			panelistUnit,
			and(eq(panelistUnit.userId, userId), eq(panelistUnit.unitId, candidate.unitId))
		)
		.leftJoin(conflict, and(eq(conflict.userId, userId), eq(conflict.candidateId, candidate.id)))
		.where(and(eq(candidate.id, candidateId), eq(candidate.campaignId, campaignId)));
	if (!row) return { ok: false };
	const actor = { role: row.role, unitId: row.actorUnitId };
	const scope = {
		unitId: row.candidateUnitId,
		recused: row.linkedUnit !== null || row.declared !== null
	};
	if (!canReadComments(actor, scope)) return { ok: false };
	return { ok: true, canWrite: canComment(actor, scope) };
}
