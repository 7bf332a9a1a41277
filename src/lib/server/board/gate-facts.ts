/**
 * The facts the stage gates judge a move on, read from the database for a set of candidates:
 * open error findings, consultation records, the latest round's vote outcome, and the proposed
 * list (for quota and caps). Pure lookups; the decision is the domain's `checkMove`.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Track } from '../../domain/campaign';
import type { ConsultationRecord } from '../../domain/consultations';
import type { ProposedEntry } from '../../domain/rules/list-composition';
import { listStages } from '../../domain/stages';
import { groupBy } from '../../group-by';
import type { Tx } from '../db';
import { candidate, consultation, finding, objection, round, roundCandidate } from '../db/schema';

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
export async function proposedList(tx: Tx, campaignId: number): Promise<ProposedEntry[]> {
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
