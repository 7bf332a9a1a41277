/**
 * The facts the stage gates judge a move on, read from the database for a set of candidates:
 * open error findings, consultation records, the latest round's vote outcome, and the proposed
 * list (for quota and caps). Pure lookups; the decision is the domain's `checkMove`.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Track } from '../../domain/campaign';
import type { ConsultationRecord } from '../../domain/consultations';
import type { ProposedEntry } from '../../domain/rules/list-composition';
import { forwardStages, isOffRamp, listStages, type Stage } from '../../domain/stages';
import { groupBy } from '../../group-by';
import type { Db, Tx } from '../db';
import {
	audit,
	candidate,
	consultation,
	finding,
	objection,
	round,
	roundCandidate
} from '../db/schema';

export async function openErrorCounts(tx: Tx, ids: number[]): Promise<Map<number, number>> {
	const rows = await tx
		.select({ id: finding.candidateId, n: sql<number>`count(*)::int` })
		.from(finding)
		.where(and(inArray(finding.candidateId, ids), eq(finding.severity, 'error')))
		.groupBy(finding.candidateId);
	return new Map(rows.map((row) => [row.id!, row.n]));
}

/** Objections still open per candidate (公示: 经公示无异议). */
export async function openObjectionCounts(tx: Tx, ids: number[]): Promise<Map<number, number>> {
	const rows = await tx
		.select({ id: objection.candidateId, n: sql<number>`count(*)::int` })
		.from(objection)
		.where(and(inArray(objection.candidateId, ids), isNull(objection.resolvedOn)))
		.groupBy(objection.candidateId);
	return new Map(rows.map((row) => [row.id, row.n]));
}

export async function consultationRecords(
	tx: Tx,
	ids: number[]
): Promise<Map<number, ConsultationRecord[]>> {
	const rows = await tx
		.select({
			candidateId: consultation.candidateId,
			dept: consultation.dept,
			result: consultation.result,
			date: sql<string>`coalesce(${consultation.date}::text, '')`,
			note: consultation.note
		})
		.from(consultation)
		.where(inArray(consultation.candidateId, ids));
	return groupBy(rows, (row) => row.candidateId);
}

/**
 * Whether each candidate's latest closed round passed (null when no round on it has closed).
 * The round stored its outcome at the close: the pass rule over the present, non-recused
 * members, and on a 差额 ballot the ranking for places (a tie is not a pass).
 */
export async function voteOutcomes(
	tx: Tx,
	_campaignId: number,
	candidates: { id: number; unitId: number }[]
): Promise<Map<number, boolean | null>> {
	const ids = candidates.map((c) => c.id);
	const outcomes = new Map<number, boolean | null>(ids.map((id) => [id, null]));
	if (ids.length === 0) return outcomes;
	const rows = await tx
		.selectDistinctOn([roundCandidate.candidateId], {
			candidateId: roundCandidate.candidateId,
			outcome: roundCandidate.outcome
		})
		.from(roundCandidate)
		.innerJoin(round, eq(round.id, roundCandidate.roundId))
		.where(and(inArray(roundCandidate.candidateId, ids), eq(round.status, 'closed')))
		.orderBy(roundCandidate.candidateId, desc(round.closedAt), desc(round.id));
	for (const row of rows) outcomes.set(row.candidateId, row.outcome === 'passed');
	return outcomes;
}

/** The campaign's proposed list, as the domain's entries (ref = candidate id). */
export async function proposedList(tx: Db | Tx, campaignId: number): Promise<ProposedEntry[]> {
	const rows = await tx
		.select({
			id: candidate.id,
			track: candidate.proposedTrack,
			division: candidate.isDivisionCadre,
			municipalOrgan: candidate.isMunicipalOrgan,
			enterpriseHead: candidate.isEnterpriseHead
		})
		.from(candidate)
		.where(and(eq(candidate.campaignId, campaignId), inArray(candidate.stage, [...listStages])));
	return rows
		.filter((row): row is typeof row & { track: Track } => row.track !== null)
		.map(({ id, ...entry }) => ({ ref: String(id), ...entry }));
}

/** Where an off-ramped card goes back to: the forward stage it left, and its list track there. */
export interface ReturnOrigin {
	stage: Stage;
	proposedTrack: Track | null;
}

/**
 * The way back of each card on an off-ramp (未入选, 撤销), read from its audit trail: the rows
 * that set its stage, newest first, are followed back past other off-ramps (未入选 → 撤销) to the
 * forward stage it came from. A card whose trail does not explain its stage has no way back.
 */
export async function returnOrigins(
	db: Db | Tx,
	cards: readonly { id: number; stage: Stage }[]
): Promise<Map<number, ReturnOrigin>> {
	const origins = new Map<number, ReturnOrigin>();
	const offRamped = cards.filter((card) => isOffRamp(card.stage));
	if (offRamped.length === 0) return origins;
	const rows = await db
		.select({ subjectId: audit.subjectId, before: audit.before, after: audit.after })
		.from(audit)
		.where(
			and(
				eq(audit.subjectType, 'candidate'),
				inArray(
					audit.subjectId,
					offRamped.map((card) => String(card.id))
				),
				sql`${audit.after} ->> 'stage' is not null`
			)
		)
		.orderBy(desc(audit.id));
	const trails = groupBy(rows, (row) => Number(row.subjectId));
	for (const card of offRamped) {
		let current: Stage = card.stage;
		for (const row of trails.get(card.id) ?? []) {
			const after = (row.after ?? {}) as { stage?: Stage };
			const before = (row.before ?? {}) as { stage?: Stage; proposedTrack?: Track | null };
			if (after.stage !== current || !before.stage) break;
			if (forwardStages.includes(before.stage)) {
				origins.set(card.id, { stage: before.stage, proposedTrack: before.proposedTrack ?? null });
				break;
			}
			if (!isOffRamp(before.stage)) break;
			current = before.stage;
		}
	}
	return origins;
}
