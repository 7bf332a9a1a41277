/**
 * Everything the candidate's detail shows, for the page and for the board's side panel: the
 * form (personal data masked unless SPEC §7 allows it), findings, consultations, objections and
 * the audit history (not for unit users).
 */
import { asc, eq } from 'drizzle-orm';
import { historyOf } from '../audit/history';
import type { Db } from '../db';
import { consultation, objection } from '../db/schema';
import { findingsOf } from '../import/findings';
import type { CampaignRole } from '../memberships';
import {
	canDownloadApprovalForm,
	canViewCandidate,
	seesPersonalData,
	seesReviewRecords
} from '../../permissions';
import { nominationFor } from '../privacy';
import { getCandidate } from './candidates';

/** The candidate's detail as `role` may see it; null when it does not exist for that role. */
export async function candidateView(db: Db, role: CampaignRole, candidateId: number) {
	const found = await getCandidate(db, role.campaignId, candidateId);
	// A unit user sees only its own unit's nominations; others' do not exist for it.
	if (!found || !canViewCandidate(role, found)) return null;
	const unitUser = !seesReviewRecords(role);
	const [findings, consultations, objections, history] = await Promise.all([
		findingsOf(db, { candidateId: found.id }, role),
		db
			.select({
				dept: consultation.dept,
				result: consultation.result,
				date: consultation.date,
				note: consultation.note
			})
			.from(consultation)
			.where(eq(consultation.candidateId, found.id))
			.orderBy(asc(consultation.id)),
		unitUser
			? []
			: db
					.select({
						id: objection.id,
						receivedOn: objection.receivedOn,
						summary: objection.summary,
						resolution: objection.resolution,
						resolvedOn: objection.resolvedOn
					})
					.from(objection)
					.where(eq(objection.candidateId, found.id))
					.orderBy(asc(objection.id)),
		unitUser ? [] : historyOf(db, 'candidate', found.id)
	]);
	return {
		role: role.role,
		candidate: candidateSummary(found),
		form: nominationFor(role, found, found.form),
		/** The approval form as .docx: offered when the role may download it, and whether its copy hides personal data. */
		formDownload: canDownloadApprovalForm(role, found)
			? { hidesPersonalData: !seesPersonalData(role, found) }
			: null,
		findings,
		consultations,
		objections,
		history
	};
}

/** The detail view; dates arrive as ISO strings when it comes as JSON (the side panel). */
export type CandidateView = NonNullable<Awaited<ReturnType<typeof candidateView>>>;

/**
 * What the detail shows of the candidate row: its stage and dates, never its form columns or
 * its identity key (an ID number for individuals, SPEC §7).
 */
function candidateSummary(row: NonNullable<Awaited<ReturnType<typeof getCandidate>>>) {
	return {
		id: row.id,
		campaignId: row.campaignId,
		unitId: row.unitId,
		unitName: row.unitName,
		ref: row.ref,
		track: row.track,
		proposedTrack: row.proposedTrack,
		stage: row.stage,
		title: row.title,
		subtitle: row.subtitle,
		isStation: row.isStation,
		requiredConsultations: row.requiredConsultations,
		approvedOn: row.approvedOn,
		noticeStart: row.noticeStart,
		noticeEnd: row.noticeEnd,
		submittedAt: row.submittedAt,
		version: row.version
	};
}
