/** A subject's audit trail, newest first, for the candidate's history view. */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { audit } from '../db/schema';

export async function historyOf(db: Db, subjectType: string, subjectId: number | string) {
	return db
		.select({
			id: audit.id,
			action: audit.action,
			actorName: audit.actorName,
			before: audit.before,
			after: audit.after,
			reason: audit.reason,
			at: audit.at
		})
		.from(audit)
		.where(and(eq(audit.subjectType, subjectType), eq(audit.subjectId, String(subjectId))))
		.orderBy(desc(audit.id))
		.limit(200);
}
