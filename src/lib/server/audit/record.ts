/** Writes one append-only audit row; call it inside the transaction that makes the change. */
import type { Db, Tx } from '../db';
import { audit } from '../db/schema';

export interface AuditEntry {
	campaignId?: number | null;
	actorId?: number | null;
	actorName?: string | null;
	/** What happened, dotted: `auth.sign-in`, `membership.role`, `candidate.move` … */
	action: string;
	subjectType?: string;
	subjectId?: string | number;
	before?: unknown;
	after?: unknown;
	reason?: string;
	ip?: string | null;
}

/** Writes the entries in one statement (none: nothing). */
export async function recordAudit(db: Db | Tx, ...entries: AuditEntry[]): Promise<void> {
	if (entries.length === 0) return;
	await db.insert(audit).values(
		entries.map((entry) => ({
			campaignId: entry.campaignId ?? null,
			actorId: entry.actorId ?? null,
			actorName: entry.actorName ?? null,
			action: entry.action,
			subjectType: entry.subjectType ?? null,
			subjectId: entry.subjectId === undefined ? null : String(entry.subjectId),
			before: entry.before ?? null,
			after: entry.after ?? null,
			reason: entry.reason ?? null,
			ip: entry.ip ?? null
		}))
	);
}
