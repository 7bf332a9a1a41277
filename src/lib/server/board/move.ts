/**
 * Moving cards between board columns (SPEC §3). One transaction: the campaign row is locked
 * first, so concurrent moves into a track are judged one after another and a quota can never be
 * overfilled; each candidate is judged by the domain's gates, moved with its audit row, and one
 * board event carries every move. Moves are judged in the order given (a bulk move may fill a
 * track part way). 撤销 and 未入选 take a written reason, and so does bringing a card back from
 * them to the stage it came from (its audit trail says which).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CampaignParameters, Track } from '../../domain/campaign';
import { consultationStatus } from '../../domain/consultations';
import type { ConsultationDepartment } from '../../domain/vocabulary';
import { capsExceededAfter, type ProposedEntry } from '../../domain/rules/list-composition';
import {
	checkMove,
	forwardStages,
	isMoveDefined,
	isOffRamp,
	isReturn,
	listStages,
	reasonRequired,
	type Stage
} from '../../domain/stages';
import { addWorkingDays } from '../../domain/working-days';
import { listCounts } from '../../domain/meters';
import type { MovedCard, MoveOutcome } from '../../board/types';
import { recordAudit } from '../audit/record';
import { todayInChina } from '../../clock';
import type { Db } from '../db';
import { campaign, candidate } from '../db/schema';
import { appendEvent } from '../live/events';
import { boardCards } from './cards';
import {
	consultationRecords,
	openErrorCounts,
	openObjectionCounts,
	proposedList,
	returnOrigins,
	voteOutcomes
} from './gate-facts';

export interface MoveRequest {
	campaignId: number;
	candidateIds: number[];
	to: Stage;
	/** joint → proposed for a 代表家站: `collective` (先进集体) or `station` (通报表扬). */
	targetTrack?: Track;
	/**
	 * A secretary's written reason: overrides a refused gate that is not a hard one, and is
	 * required to send a card to 撤销 or 未入选 or to bring it back.
	 */
	reason?: string;
	/** proposed → approved: the party-group meeting's date; approved → notice: the first day. */
	date?: string;
	actor: { id: number; name: string };
	/** Today in Beijing; tests pass a fixed day. */
	today?: string;
}

export interface MoveResult {
	outcomes: MoveOutcome[];
	/** The event number of the moves, or null when nothing moved. */
	seq: number | null;
}

const dateNeeded: Partial<Record<Stage, string>> = {
	approved: '请填写审定该名单的党组会议日期。',
	notice: '请填写公示开始日期。'
};

export async function moveCandidates(db: Db, request: MoveRequest): Promise<MoveResult> {
	const today = request.today ?? todayInChina();
	const reason = request.reason?.trim() || undefined;
	return db.transaction(async (tx) => {
		const [owner] = await tx
			.select({ parameters: campaign.parameters })
			.from(campaign)
			.where(eq(campaign.id, request.campaignId))
			.for('update');
		if (!owner) throw new Error(`campaign ${request.campaignId} not found`);
		const params = owner.parameters;
		const ids = [...new Set(request.candidateIds)];
		const rows = await tx
			.select()
			.from(candidate)
			.where(and(eq(candidate.campaignId, request.campaignId), inArray(candidate.id, ids)));
		const byId = new Map(rows.map((row) => [row.id, row]));
		// One after another: a transaction is one connection, which runs one query at a time.
		const errors = await openErrorCounts(tx, ids);
		const consultations = await consultationRecords(tx, ids);
		const votes = await voteOutcomes(tx, request.campaignId, rows);
		const objections = await openObjectionCounts(tx, ids);
		const origins = await returnOrigins(tx, rows);
		const entries: ProposedEntry[] = await proposedList(tx, request.campaignId);
		const outcomes: MoveOutcome[] = [];
		const moved: MovedCard[] = [];

		for (const id of ids) {
			const row = byId.get(id);
			if (!row) {
				outcomes.push(refusal(id, 'NOT-FOUND', '找不到该候选对象。', false));
				continue;
			}
			const origin = origins.get(id) ?? null;
			const returning = isReturn(row.stage, request.to, origin?.stage);
			const why = reasonRequired(row.stage, request.to);
			if (why && !reason && isMoveDefined(row.stage, request.to, origin?.stage)) {
				outcomes.push(refusal(id, 'REASON-REQUIRED', why, true));
				continue;
			}
			const need = dateNeeded[request.to];
			if (need && !returning && row.stage !== request.to && !request.date) {
				outcomes.push(refusal(id, 'DATE-REQUIRED', need, false));
				continue;
			}
			const targetTrack: Track = returning
				? (origin?.proposedTrack ?? row.track)
				: request.to === 'proposed'
					? (request.targetTrack ?? (row.isStation ? 'station' : row.track))
					: (row.proposedTrack ?? row.track);
			const entry: ProposedEntry = {
				ref: String(id),
				track: targetTrack,
				division: row.isDivisionCadre,
				municipalOrgan: row.isMunicipalOrgan,
				enterpriseHead: row.isEnterpriseHead
			};
			const facts = {
				from: row.stage,
				to: request.to,
				nominationTrack: row.track,
				isStation: row.isStation,
				targetTrack,
				openErrorFindings: errors.get(id) ?? 0,
				consultation: consultationStatus(
					row.requiredConsultations as ConsultationDepartment[],
					consultations.get(id) ?? []
				),
				votePassed: votes.get(id) ?? null,
				proposedInTrack: entries.filter((e) => e.track === targetTrack).length,
				quota: params.quotas[targetTrack],
				capsExceeded: capsExceededAfter(entries, entry, params),
				noticeEndsOn: row.noticeEnd,
				today,
				openObjections: objections.get(id) ?? 0,
				returnsTo: origin?.stage ?? null
			};
			const strict = checkMove(facts);
			const check = strict.allowed || !reason ? strict : checkMove({ ...facts, reason });
			if (!check.allowed) {
				outcomes.push(refusal(id, check.code, check.message, check.overridable));
				continue;
			}
			const overridden = strict.allowed ? null : strict.code;
			const change = stageChange(
				row.stage,
				request.to,
				targetTrack,
				returning ? undefined : request.date,
				params
			);
			await tx
				.update(candidate)
				.set({ ...change, version: sql`${candidate.version} + 1`, updatedAt: sql`now()` })
				.where(eq(candidate.id, id));
			const nowOnList = listStages.includes(request.to);
			const index = entries.findIndex((e) => e.ref === String(id));
			if (index >= 0 && !nowOnList) entries.splice(index, 1);
			if (index < 0 && nowOnList) entries.push(entry);
			await recordAudit(tx, {
				action: overridden
					? 'candidate.override'
					: returning
						? 'candidate.return'
						: 'candidate.move',
				campaignId: request.campaignId,
				actorId: request.actor.id,
				actorName: request.actor.name,
				subjectType: 'candidate',
				subjectId: id,
				before: { stage: row.stage, proposedTrack: row.proposedTrack },
				after: {
					stage: request.to,
					proposedTrack: change.proposedTrack,
					overridden,
					...dates(change)
				},
				reason
			});
			// On an off-ramp, the card keeps its way back: the forward stage it left.
			const card: MovedCard = {
				candidateId: id,
				from: row.stage,
				to: request.to,
				proposedTrack: change.proposedTrack
			};
			if (isOffRamp(request.to)) {
				card.returnsTo = forwardStages.includes(row.stage) ? row.stage : (origin?.stage ?? null);
			}
			moved.push(card);
			outcomes.push({ ...card, ok: true, overridden });
		}
		const seq =
			moved.length > 0
				? await appendEvent(tx, request.campaignId, 'candidates.moved', {
						moves: moved,
						cards: await boardCards(tx, request.campaignId, {
							ids: moved.map((card) => card.candidateId)
						}),
						list: listCounts(entries, params)
					})
				: null;
		return { outcomes, seq };
	});
}

function refusal(
	candidateId: number,
	code: Extract<MoveOutcome, { ok: false }>['code'],
	message: string,
	overridable: boolean
): MoveOutcome {
	return { candidateId, ok: false, code, message, overridable };
}

/** The columns a move sets besides the stage: the list track and the approval and notice dates. */
function stageChange(
	from: Stage,
	to: Stage,
	targetTrack: Track,
	date: string | undefined,
	params: CampaignParameters
) {
	const onList = listStages.includes(to);
	return {
		stage: to,
		proposedTrack: onList ? targetTrack : null,
		...(to === 'approved' && from !== 'approved' && date ? { approvedOn: date } : {}),
		...(to === 'notice' && date
			? { noticeStart: date, noticeEnd: addWorkingDays(date, params.finalNoticeWorkingDays) }
			: {})
	};
}

function dates(change: ReturnType<typeof stageChange>) {
	const { stage: _stage, proposedTrack: _track, ...rest } = change;
	return rest;
}
