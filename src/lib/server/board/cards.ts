/** The board's data: every candidate of a campaign as a card, in one pass over three tables. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { BoardCard } from '../../board/types';
import { consultationStatus } from '../../domain/consultations';
import type { ConsultationDepartment } from '../../domain/vocabulary';
import { groupBy } from '../../group-by';
import type { Db } from '../db';
import { candidate, candidateComment, consultation, finding, unit } from '../db/schema';
import { returnOrigins } from './gate-facts';

/**
 * Every card of a campaign in board order; only one unit's when `unitId` is given, only those
 * named when `ids` is (a page of the board, the cards a move changed).
 */
export async function boardCards(
	db: Db,
	campaignId: number,
	scope: { unitId?: number; ids?: readonly number[] } = {}
): Promise<BoardCard[]> {
	if (scope.ids?.length === 0) return [];
	const only = scope.ids ? [...scope.ids] : undefined;
	const findingSummary = db
		.select({
			candidateId: finding.candidateId,
			errors: sql<number>`(count(*) filter (where ${finding.severity} = 'error'))::int`.as(
				'errors'
			),
			warnings: sql<number>`(count(*) filter (where ${finding.severity} = 'warning'))::int`.as(
				'warnings'
			),
			infos: sql<number>`(count(*) filter (where ${finding.severity} = 'info'))::int`.as('infos'),
			codes: sql<string[]>`array_agg(distinct ${finding.code})`.as('codes')
		})
		.from(finding)
		.where(
			and(eq(finding.campaignId, campaignId), only ? inArray(finding.candidateId, only) : undefined)
		)
		.groupBy(finding.candidateId)
		.as('finding_summary');
	const [rows, records] = await Promise.all([
		db
			.select({
				id: candidate.id,
				title: candidate.title,
				subtitle: candidate.subtitle,
				track: candidate.track,
				stage: candidate.stage,
				proposedTrack: candidate.proposedTrack,
				isStation: candidate.isStation,
				unitId: candidate.unitId,
				unitName: unit.name,
				district: unit.district,
				division: candidate.isDivisionCadre,
				municipalOrgan: candidate.isMunicipalOrgan,
				enterpriseHead: candidate.isEnterpriseHead,
				grassroots: candidate.isGrassroots,
				required: candidate.requiredConsultations,
				errors: sql<number>`coalesce(${findingSummary.errors}, 0)`,
				warnings: sql<number>`coalesce(${findingSummary.warnings}, 0)`,
				infos: sql<number>`coalesce(${findingSummary.infos}, 0)`,
				codes: sql<string[]>`coalesce(${findingSummary.codes}, '{}')`,
				hasComment: sql<boolean>`coalesce(${candidateComment.hasText}, false)`
			})
			.from(candidate)
			.innerJoin(unit, eq(candidate.unitId, unit.id))
			.leftJoin(findingSummary, eq(findingSummary.candidateId, candidate.id))
			.leftJoin(candidateComment, eq(candidateComment.candidateId, candidate.id))
			.where(
				and(
					eq(candidate.campaignId, campaignId),
					scope.unitId === undefined ? undefined : eq(candidate.unitId, scope.unitId),
					only ? inArray(candidate.id, only) : undefined
				)
			)
			.orderBy(asc(unit.id), asc(candidate.track), asc(candidate.id)),
		db
			.select({
				candidateId: consultation.candidateId,
				dept: consultation.dept,
				result: consultation.result,
				date: consultation.date
			})
			.from(consultation)
			.innerJoin(candidate, eq(consultation.candidateId, candidate.id))
			// Only the rows' records are read below, so named cards need no campaign filter.
			.where(only ? inArray(consultation.candidateId, only) : eq(candidate.campaignId, campaignId))
	]);
	const recordsOf = groupBy(records, (record) => record.candidateId);
	// Off-ramped cards carry their way back (the stage they left), for the secretary's menu.
	const origins = await returnOrigins(db, rows);
	return rows.map(({ required, ...row }) => {
		const status = consultationStatus(
			required as ConsultationDepartment[],
			(recordsOf.get(row.id) ?? []).map((r) => ({ ...r, date: r.date ?? '' }))
		);
		return {
			...row,
			consultRequired: status.required.length,
			consultClear: status.clear,
			consultObjections: status.objections.length,
			...(origins.has(row.id) ? { returnsTo: origins.get(row.id)!.stage } : {})
		};
	});
}
