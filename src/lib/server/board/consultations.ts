/**
 * Recording a consultation (征求意见, SPEC §5): a secretary enters a department's answer. The
 * record, its audit row, the campaign's findings judged again (a recorded answer clears
 * CONSULT-MISSING / CONSULT-OBJECTION) and a board event (the card's 3/3 无异议 and its finding
 * badges change) share one transaction.
 */
import { and, eq } from 'drizzle-orm';
import { consultationStatus } from '../../domain/consultations';
import type { ConsultationDepartment } from '../../domain/vocabulary';
import { recordAudit } from '../audit/record';
import type { Db } from '../db';
import { candidate, consultation } from '../db/schema';
import { findingSummaryOf, refreshFindings } from '../import/findings';
import { appendEvent } from '../live/events';

export interface ConsultationEntry {
	campaignId: number;
	candidateId: number;
	dept: string;
	result: '无异议' | '有异议';
	date: string;
	note: string;
	actor: { id: number; name: string };
}

/** Stores the answer (replacing that department's earlier one); null when no such candidate. */
export async function recordConsultation(db: Db, entry: ConsultationEntry) {
	return db.transaction(async (tx) => {
		const [target] = await tx
			.select({ id: candidate.id, required: candidate.requiredConsultations })
			.from(candidate)
			.where(and(eq(candidate.id, entry.candidateId), eq(candidate.campaignId, entry.campaignId)));
		if (!target) return null;
		const [before] = await tx
			.select()
			.from(consultation)
			.where(and(eq(consultation.candidateId, target.id), eq(consultation.dept, entry.dept)));
		const values = {
			result: entry.result,
			date: entry.date,
			note: entry.note,
			recordedBy: entry.actor.id
		};
		await tx
			.insert(consultation)
			.values({ candidateId: target.id, dept: entry.dept, ...values })
			.onConflictDoUpdate({ target: [consultation.candidateId, consultation.dept], set: values });
		await recordAudit(tx, {
			action: 'consultation.record',
			campaignId: entry.campaignId,
			actorId: entry.actor.id,
			actorName: entry.actor.name,
			subjectType: 'candidate',
			subjectId: target.id,
			before: before
				? { dept: before.dept, result: before.result, date: before.date, note: before.note }
				: null,
			after: { dept: entry.dept, result: entry.result, date: entry.date, note: entry.note }
		});
		const records = await tx
			.select()
			.from(consultation)
			.where(eq(consultation.candidateId, target.id));
		const status = consultationStatus(
			target.required as ConsultationDepartment[],
			records.map((r) => ({ dept: r.dept, result: r.result, date: r.date ?? '' }))
		);
		// Intake findings judge consultations as recorded: judge the campaign again.
		await refreshFindings(tx, entry.campaignId);
		const seq = await appendEvent(tx, entry.campaignId, 'candidate.consulted', {
			candidateId: target.id,
			consultClear: status.clear,
			consultObjections: status.objections.length,
			findings: await findingSummaryOf(tx, target.id)
		});
		return { status, seq };
	});
}
