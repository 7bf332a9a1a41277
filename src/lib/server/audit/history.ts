/**
 * A subject's audit trail, newest first, for the candidate's history view. Actors are named as
 * people know them (their display name today); a row without a user (the system, a deleted
 * account) keeps the name it was written with.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { audit, user } from '../db/schema';

/** The newest 200 audit rows of a subject, with each actor's display name. */
export async function historyOf(db: Db, subjectType: string, subjectId: number | string) {
	return db
		.select({
			id: audit.id,
			action: audit.action,
			actorName: sql<string | null>`coalesce(${user.displayName}, ${audit.actorName})`,
			before: audit.before,
			after: audit.after,
			reason: audit.reason,
			at: audit.at
		})
		.from(audit)
		.leftJoin(user, eq(user.id, audit.actorId))
		.where(and(eq(audit.subjectType, subjectType), eq(audit.subjectId, String(subjectId))))
		.orderBy(desc(audit.id))
		.limit(200);
}
