/**
 * After a ballot: proposing the candidates that passed, in rank order, through the one move
 * service (quota, caps, audit, board events). Whatever does not fit is reported, not forced.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Track } from '../../domain/campaign';
import type { MoveOutcome } from '../../board/types';
import type { Db } from '../db';
import { round, roundCandidate } from '../db/schema';
import { moveCandidates } from '../board/move';
import { MeetingRefusal, type MeetingActor } from './meeting';
import { canMove } from '../../permissions';

/** What proposing did: every passing candidate's move outcome, in rank order. */
export interface ProposeResult {
	outcomes: MoveOutcome[];
	moved: number;
	/** Passing candidates that were not moved (a full quota, a cap to confirm, …). */
	notMoved: Extract<MoveOutcome, { ok: false }>[];
}

/**
 * Moves a closed round's passing candidates to 拟表彰 in rank order (ties in ballot order). A
 * station goes to the round's track when the ballot was on one. Moves are judged one after
 * another under the campaign lock, so a track is never overfilled, also against concurrent moves.
 */
export async function proposePassing(
	db: Db,
	request: { campaignId: number; roundId: number; actor: MeetingActor; today?: string }
): Promise<ProposeResult> {
	if (!canMove(request.actor))
		throw new MeetingRefusal('NOT-CHAIR', '只有秘书处可以提出拟表彰名单。');
	const [r] = await db
		.select()
		.from(round)
		.where(and(eq(round.id, request.roundId), eq(round.campaignId, request.campaignId)));
	if (!r) throw new MeetingRefusal('NOT-FOUND', '找不到这一轮表决。');
	if (r.status !== 'closed')
		throw new MeetingRefusal('ROUND-OPEN', '请先结束本轮表决，再提出拟表彰名单。');
	const passing = await db
		.select({ candidateId: roundCandidate.candidateId, approve: roundCandidate.approve })
		.from(roundCandidate)
		.where(and(eq(roundCandidate.roundId, r.id), eq(roundCandidate.outcome, 'passed')))
		.orderBy(asc(roundCandidate.rank), asc(roundCandidate.position));
	if (passing.length === 0) return { outcomes: [], moved: 0, notMoved: [] };
	const { outcomes } = await moveCandidates(db, {
		campaignId: request.campaignId,
		candidateIds: passing.map((p) => p.candidateId),
		to: 'proposed',
		targetTrack: (r.track as Track | null) ?? undefined,
		actor: { id: request.actor.id, name: request.actor.name },
		today: request.today
	});
	const notMoved = outcomes.filter((o): o is Extract<MoveOutcome, { ok: false }> => !o.ok);
	return { outcomes, moved: outcomes.length - notMoved.length, notMoved };
}
