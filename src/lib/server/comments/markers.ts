/**
 * The board's two comment markers on a card: "has a comment" (kept in `candidate_comment`) and
 * "someone is writing" (only an event). Both travel as one `candidate.comment` board event.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { candidate, candidateComment } from '../db/schema';
import { appendEvent } from '../live/events';

/** What the board shows of a comment. */
export interface CommentMarkers {
	hasComment: boolean;
	writing: boolean;
}

/**
 * Records whether the comment has text and publishes both markers, in one transaction. A
 * candidate deleted meanwhile is skipped (its card is gone).
 */
export async function publishCommentMarkers(
	db: Db,
	scope: { campaignId: number; candidateId: number },
	markers: CommentMarkers
): Promise<void> {
	await db.transaction(async (tx) => {
		const [exists] = await tx
			.select({ id: candidate.id })
			.from(candidate)
			.where(and(eq(candidate.id, scope.candidateId), eq(candidate.campaignId, scope.campaignId)));
		if (!exists) return;
		await tx
			.insert(candidateComment)
			.values({ candidateId: scope.candidateId, hasText: markers.hasComment })
			.onConflictDoUpdate({
				target: candidateComment.candidateId,
				set: { hasText: markers.hasComment, updatedAt: sql`now()` }
			});
		await appendEvent(tx, scope.campaignId, 'candidate.comment', {
			candidateId: scope.candidateId,
			...markers
		});
	});
}

/** Whether the stored marker says the comment has text; null when none was ever recorded. */
export async function storedHasComment(db: Db, candidateId: number): Promise<boolean | null> {
	const [row] = await db
		.select({ hasText: candidateComment.hasText })
		.from(candidateComment)
		.where(eq(candidateComment.candidateId, candidateId));
	return row ? row.hasText : null;
}
