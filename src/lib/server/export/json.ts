/**
 * A whole campaign as a `shortlist/v1` document: the secretaries' backup. It carries personal
 * data (ID numbers, phones, addresses) exactly as submitted, so it is for secretaries only —
 * never for the public notice (SPEC §7). Restoring it (restoreBackup; the CLI's
 * `import --restore`) into an empty database gives back the same units, candidates, consultations
 * and findings, and each candidate's place on the board (the nomination's `board` block, which an
 * ordinary import refuses) and its 评审意见 (the board block's `comment`: the comment's Yjs state,
 * which a restore writes back as the same document); votes are not part of v1.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { CampaignParameters } from '../../domain/campaign';
import type { CampaignBlock, Nomination } from '../../domain/interchange';
import { recordAudit } from '../audit/record';
import { commentStates } from '../comments/backup';
import { groupBy } from '../../group-by';
import type { Db } from '../db';
import { campaign, candidate, consultation } from '../db/schema';
import type { ImportActor } from '../import/nominations';

/** The campaign block of an export: the parameters in full, and the campaign's name. */
export type ExportedCampaign = CampaignBlock & { name: string };

/** A `shortlist/v1` document as written by the export (nominations as stored). */
export interface ExportedDocument {
	format: 'shortlist/v1';
	campaign: ExportedCampaign;
	nominations: Nomination[];
}

/** Raised when the campaign to export does not exist. */
export class CampaignNotFoundError extends Error {}

/**
 * Reads the campaign into a document — nominations in import order, each form as stored with its
 * consultations replaced by those currently recorded — and writes an `export` audit row.
 */
export async function exportCampaignJson(
	db: Db,
	campaignId: number,
	actor: ImportActor
): Promise<ExportedDocument> {
	return db.transaction(async (tx) => {
		const [owner] = await tx.select().from(campaign).where(eq(campaign.id, campaignId));
		if (!owner) throw new CampaignNotFoundError(`没有编号为 ${campaignId} 的评选活动。`);
		const rows = await tx
			.select({
				id: candidate.id,
				form: candidate.form,
				board: {
					stage: candidate.stage,
					proposedTrack: candidate.proposedTrack,
					approvedOn: candidate.approvedOn,
					noticeStart: candidate.noticeStart,
					noticeEnd: candidate.noticeEnd
				}
			})
			.from(candidate)
			.where(eq(candidate.campaignId, campaignId))
			.orderBy(asc(candidate.id));
		const records = rows.length
			? await tx
					.select()
					.from(consultation)
					.where(
						inArray(
							consultation.candidateId,
							rows.map((row) => row.id)
						)
					)
					.orderBy(asc(consultation.id))
			: [];
		const byCandidate = groupBy(records, (record) => record.candidateId);
		const comments = await commentStates(
			tx,
			campaignId,
			rows.map((row) => row.id)
		);
		const nominations = rows.map((row) => ({
			...row.form,
			board: comments.has(row.id) ? { ...row.board, comment: comments.get(row.id)! } : row.board,
			consultations: (byCandidate.get(row.id) ?? []).map((record) => ({
				dept: record.dept,
				result: record.result,
				date: record.date ?? '',
				note: record.note
			}))
		}));
		const document: ExportedDocument = {
			format: 'shortlist/v1',
			campaign: campaignBlock(owner.name, owner.preset, owner.parameters),
			nominations
		};
		await recordAudit(tx, {
			action: 'export',
			campaignId,
			actorId: actor.id,
			actorName: actor.name ?? null,
			subjectType: 'campaign',
			subjectId: campaignId,
			after: { format: 'json', nominations: nominations.length, personalData: true }
		});
		return document;
	});
}

/** Every parameter the interchange format knows, so the backup does not depend on a preset. */
function campaignBlock(
	name: string,
	preset: string | null,
	parameters: CampaignParameters
): ExportedCampaign {
	return {
		name,
		...(preset === 'chongqing-2022' ? { preset } : {}),
		quotas: parameters.quotas,
		submissionDeadline: parameters.submissionDeadline,
		asOfDate: parameters.asOfDate,
		recordWindowStart: parameters.recordWindowStart,
		unitNoticeWorkingDays: parameters.unitNoticeWorkingDays,
		finalNoticeWorkingDays: parameters.finalNoticeWorkingDays,
		caps: parameters.caps,
		capBaseTracks: parameters.capBaseTracks,
		staffMinYears: parameters.staffMinYears,
		textLimits: parameters.textLimits,
		...(parameters.issuedOn === undefined ? {} : { issuedOn: parameters.issuedOn }),
		...(parameters.sessionsHeld === undefined ? {} : { sessionsHeld: parameters.sessionsHeld })
	};
}
