/**
 * Objections received during the public notice (公示): a secretary records each one and, once it
 * is looked into, how it was settled. Each change writes its audit row and a board event in the
 * same transaction; an open objection keeps the candidate from 表彰 (T-OBJECTION-OPEN, a hard
 * gate). An objection is taken only while the candidate is in 公示 — the server decides that,
 * not only the form that is hidden outside it.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import { stageLabels } from '../../domain/stages';
import type { Db } from '../db';
import { campaign, candidate, objection } from '../db/schema';
import { appendEvent } from '../live/events';

interface Actor {
	id: number;
	name: string;
}

/** An objection the server will not take (the candidate is not in 公示); the message is Chinese. */
export class ObjectionRefusal extends Error {
	/** 'NOT-IN-NOTICE': the candidate is in another stage. */
	readonly code = 'NOT-IN-NOTICE';
}

export interface NewObjection {
	campaignId: number;
	candidateId: number;
	receivedOn: string;
	summary: string;
	actor: Actor;
}

/**
 * Records an objection; null when the candidate is not in the campaign. Throws ObjectionRefusal
 * when the candidate is not in 公示. The campaign row is locked first, as a move locks it, so no
 * move can slip in between the check and the record.
 */
export async function recordObjection(db: Db, entry: NewObjection) {
	return db.transaction(async (tx) => {
		await tx
			.select({ id: campaign.id })
			.from(campaign)
			.where(eq(campaign.id, entry.campaignId))
			.for('update');
		const [target] = await tx
			.select({ id: candidate.id, stage: candidate.stage })
			.from(candidate)
			.where(and(eq(candidate.id, entry.candidateId), eq(candidate.campaignId, entry.campaignId)));
		if (!target) return null;
		if (target.stage !== 'notice') {
			throw new ObjectionRefusal(
				`该候选对象当前在“${stageLabels[target.stage]}”环节，不在公示期内，不能登记公示异议；异议只在公示期间受理（通知三(四)）。`
			);
		}
		const [created] = await tx
			.insert(objection)
			.values({
				candidateId: target.id,
				receivedOn: entry.receivedOn,
				summary: entry.summary,
				recordedBy: entry.actor.id
			})
			.returning();
		await recordAudit(tx, {
			action: 'objection.record',
			campaignId: entry.campaignId,
			actorId: entry.actor.id,
			actorName: entry.actor.name,
			subjectType: 'candidate',
			subjectId: target.id,
			after: { receivedOn: entry.receivedOn, summary: entry.summary }
		});
		await appendEvent(tx, entry.campaignId, 'candidate.objection', { candidateId: target.id });
		return created!;
	});
}

export interface ObjectionResolution {
	campaignId: number;
	candidateId: number;
	objectionId: number;
	resolution: string;
	resolvedOn: string;
	actor: Actor;
}

/** Settles an open objection of the candidate; false when there is no such open objection. */
export async function resolveObjection(db: Db, entry: ObjectionResolution): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [open] = await tx
			.select({ id: objection.id, summary: objection.summary })
			.from(objection)
			.innerJoin(candidate, eq(objection.candidateId, candidate.id))
			.where(
				and(
					eq(objection.id, entry.objectionId),
					eq(objection.candidateId, entry.candidateId),
					eq(candidate.campaignId, entry.campaignId),
					isNull(objection.resolvedOn)
				)
			);
		if (!open) return false;
		await tx
			.update(objection)
			.set({ resolution: entry.resolution, resolvedOn: entry.resolvedOn })
			.where(eq(objection.id, open.id));
		await recordAudit(tx, {
			action: 'objection.resolve',
			campaignId: entry.campaignId,
			actorId: entry.actor.id,
			actorName: entry.actor.name,
			subjectType: 'candidate',
			subjectId: entry.candidateId,
			before: { summary: open.summary },
			after: { resolution: entry.resolution, resolvedOn: entry.resolvedOn }
		});
		await appendEvent(tx, entry.campaignId, 'candidate.objection', {
			candidateId: entry.candidateId
		});
		return true;
	});
}
