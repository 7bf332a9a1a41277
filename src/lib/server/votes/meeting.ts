/**
 * The joint review meeting on the server (SPEC §6): the panel, attendance and the quorum,
 * recusals, the current candidate, and secret-ballot rounds. Every change is one transaction
 * with its audit row and its board event; refusals are `MeetingRefusal`s with a Chinese message
 * that says what to do.
 *
 * Concurrency: a round's row is locked (FOR UPDATE) by every ballot and by the close, so ballots
 * are counted one after another, none lands after the close, and the count each `vote.cast`
 * event carries is exact. The partial unique index `round_one_open_uq` keeps one open round per
 * campaign.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { trackLabels, type Track } from '../../domain/campaign';
import {
	passRuleOf,
	quorum,
	roundResults,
	type Quorum,
	type RoundCount,
	type VoteChoice
} from '../../domain/tally';
import type { ClosedRoundResult } from '../../board/events';
import {
	canChairMeeting,
	canDeclareConflict,
	canManagePanel,
	canVote,
	type Actor
} from '../../permissions';
import type { Role } from '../../roles';
import { todayInChina } from '../../clock';
import { recordAudit } from '../audit/record';
import type { Db, Tx } from '../db';
import {
	attendance,
	ballot,
	campaign,
	candidate,
	conflict,
	meeting,
	membership,
	panelistUnit,
	round,
	roundCandidate,
	roundRecusal,
	roundVoter,
	user
} from '../db/schema';
import { notifyAccessChanged } from '../auth/access';
import { appendEvent } from '../live/events';
import { proposedList } from '../board/gate-facts';

/** Someone acting in the meeting: their user and their standing in the campaign. */
export interface MeetingActor extends Actor {
	id: number;
	name: string;
	role: Role;
}

/** The signed-in user's campaign role as the meeting services take it. */
export function meetingActor(role: {
	userId: number;
	userName: string;
	role: Role;
	unitId: number | null;
}): MeetingActor {
	return { id: role.userId, name: role.userName, role: role.role, unitId: role.unitId };
}

/** A refused meeting action; `message` is shown to the user as it is. */
export class MeetingRefusal extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = 'MeetingRefusal';
	}
}

const refuse = (code: string, message: string): never => {
	throw new MeetingRefusal(code, message);
};

function requireChair(actor: MeetingActor) {
	if (!canChairMeeting(actor)) refuse('NOT-CHAIR', '只有秘书处可以主持会议。');
}

/** The panel (应到): panelists of the campaign who sit on its panel, by user id. */
export async function panelMembers(tx: Db | Tx, campaignId: number): Promise<number[]> {
	const rows = await tx
		.select({ userId: membership.userId })
		.from(membership)
		.where(
			and(
				eq(membership.campaignId, campaignId),
				eq(membership.role, 'panelist'),
				eq(membership.onPanel, true)
			)
		)
		.orderBy(asc(membership.userId));
	return rows.map((row) => row.userId);
}

/** The campaign's open meeting (the latest not ended), or undefined. */
export async function openMeetingOf(tx: Db | Tx, campaignId: number) {
	const [row] = await tx
		.select()
		.from(meeting)
		.where(and(eq(meeting.campaignId, campaignId), isNull(meeting.endedAt)))
		.orderBy(desc(meeting.id))
		.limit(1);
	return row;
}

/** Present members of a meeting who still sit on the panel. */
async function presentMembers(tx: Tx, meetingId: number, panel: number[]): Promise<number[]> {
	if (panel.length === 0) return [];
	const rows = await tx
		.select({ userId: attendance.userId })
		.from(attendance)
		.where(
			and(
				eq(attendance.meetingId, meetingId),
				eq(attendance.present, true),
				inArray(attendance.userId, panel)
			)
		);
	return rows.map((row) => row.userId).sort((a, b) => a - b);
}

/** 应到 / 实到 and the quorum of a meeting, with who is present. */
export async function meetingQuorum(
	tx: Tx,
	campaignId: number,
	meetingId: number
): Promise<Quorum & { presentIds: number[] }> {
	const panel = await panelMembers(tx, campaignId);
	const present = await presentMembers(tx, meetingId, panel);
	return { ...quorum(panel.length, present.length), presentIds: present };
}

async function announceAttendance(tx: Tx, campaignId: number, meetingId: number) {
	const q = await meetingQuorum(tx, campaignId, meetingId);
	await appendEvent(tx, campaignId, 'attendance.changed', {
		meetingId,
		expected: q.expected,
		present: q.present,
		quorumMet: q.met,
		presentIds: q.presentIds
	});
}

/** Starting and ending meetings of a campaign happen one at a time (its row is locked). */
async function lockCampaign(tx: Tx, campaignId: number): Promise<void> {
	await tx
		.select({ id: campaign.id })
		.from(campaign)
		.where(eq(campaign.id, campaignId))
		.for('update');
}

/** Starts the campaign's meeting for today, or returns the one already open. */
export async function startMeeting(
	db: Db,
	request: { campaignId: number; actor: MeetingActor; heldOn?: string }
): Promise<{ meetingId: number }> {
	requireChair(request.actor);
	return db.transaction(async (tx) => {
		await lockCampaign(tx, request.campaignId);
		const open = await openMeetingOf(tx, request.campaignId);
		if (open) return { meetingId: open.id };
		const [row] = await tx
			.insert(meeting)
			.values({
				campaignId: request.campaignId,
				heldOn: request.heldOn ?? todayInChina(),
				startedBy: request.actor.id
			})
			.returning({ id: meeting.id });
		await recordAudit(tx, {
			action: 'meeting.start',
			campaignId: request.campaignId,
			actorId: request.actor.id,
			actorName: request.actor.name,
			subjectType: 'meeting',
			subjectId: row!.id
		});
		await announceAttendance(tx, request.campaignId, row!.id);
		return { meetingId: row!.id };
	});
}

/**
 * Ends the campaign's open meeting (结束会议): refused while a round is open (its ballots are
 * not counted yet: close it first). The minutes keep the end time; screens are told.
 */
export async function endMeeting(
	db: Db,
	request: { campaignId: number; actor: MeetingActor }
): Promise<{ meetingId: number; endedAt: Date }> {
	requireChair(request.actor);
	return db.transaction(async (tx) => {
		await lockCampaign(tx, request.campaignId);
		const open = await requireOpenMeeting(tx, request.campaignId);
		const [running] = await tx
			.select({ id: round.id })
			.from(round)
			.where(and(eq(round.meetingId, open.id), eq(round.status, 'open')));
		if (running) refuse('ROUND-OPEN', '本轮表决尚未结束，请先结束表决（C），再结束会议。');
		const [ended] = await tx
			.update(meeting)
			.set({ endedAt: sql`now()`, currentCandidateId: null })
			.where(eq(meeting.id, open.id))
			.returning({ endedAt: meeting.endedAt });
		const endedAt = ended!.endedAt!;
		await recordAudit(tx, {
			action: 'meeting.end',
			campaignId: request.campaignId,
			actorId: request.actor.id,
			actorName: request.actor.name,
			subjectType: 'meeting',
			subjectId: open.id
		});
		await appendEvent(tx, request.campaignId, 'meeting.ended', {
			meetingId: open.id,
			endedAt: endedAt.toISOString()
		});
		return { meetingId: open.id, endedAt };
	});
}

async function requireOpenMeeting(tx: Tx, campaignId: number) {
	const open = await openMeetingOf(tx, campaignId);
	return open ?? refuse('NO-MEETING', '会议尚未开始，请秘书处先开始会议。');
}

/**
 * Signs a panel member in as present (or out). The secretary may mark anyone on the panel; a
 * panelist only themselves.
 */
export async function setAttendance(
	db: Db,
	request: { campaignId: number; userId: number; present: boolean; actor: MeetingActor }
): Promise<void> {
	const { actor } = request;
	const self = actor.role === 'panelist' && actor.id === request.userId;
	if (!canChairMeeting(actor) && !self) refuse('NOT-ALLOWED', '只能由秘书处或评审委员本人签到。');
	await db.transaction(async (tx) => {
		const open = await requireOpenMeeting(tx, request.campaignId);
		const panel = await panelMembers(tx, request.campaignId);
		if (!panel.includes(request.userId))
			refuse('NOT-ON-PANEL', '该用户不是本次评审委员会成员，请先在成员页把他加入评审委员会。');
		await tx
			.insert(attendance)
			.values({
				meetingId: open.id,
				userId: request.userId,
				present: request.present,
				markedBy: actor.id
			})
			.onConflictDoUpdate({
				target: [attendance.meetingId, attendance.userId],
				set: { present: request.present, markedBy: actor.id, markedAt: sql`now()` }
			});
		await recordAudit(tx, {
			action: 'meeting.attendance',
			campaignId: request.campaignId,
			actorId: actor.id,
			actorName: actor.name,
			subjectType: 'user',
			subjectId: request.userId,
			after: { meetingId: open.id, present: request.present }
		});
		await announceAttendance(tx, request.campaignId, open.id);
	});
}

/** Puts a panelist on the campaign's panel or takes them off it (members page). */
export async function setOnPanel(
	db: Db,
	request: { campaignId: number; userId: number; onPanel: boolean; actor: MeetingActor }
): Promise<void> {
	if (!canManagePanel(request.actor)) refuse('NOT-ALLOWED', '只有秘书处可以调整评审委员会成员。');
	await db.transaction(async (tx) => {
		const changed = await tx
			.update(membership)
			.set({ onPanel: request.onPanel })
			.where(
				and(
					eq(membership.campaignId, request.campaignId),
					eq(membership.userId, request.userId),
					eq(membership.role, 'panelist')
				)
			)
			.returning({ userId: membership.userId });
		if (changed.length === 0) refuse('NOT-PANELIST', '只有评审委员角色的成员可以加入评审委员会。');
		await recordAudit(tx, {
			action: 'membership.panel',
			campaignId: request.campaignId,
			actorId: request.actor.id,
			actorName: request.actor.name,
			subjectType: 'user',
			subjectId: request.userId,
			after: { onPanel: request.onPanel }
		});
		const open = await openMeetingOf(tx, request.campaignId);
		if (open) await announceAttendance(tx, request.campaignId, open.id);
	});
}

/** Why each panelist is recused from each candidate: unit link (自动) or a declared conflict. */
export async function recusals(
	tx: Db | Tx,
	campaignId: number,
	candidates: readonly { id: number; unitId: number }[]
): Promise<Map<number, Map<number, string>>> {
	const result = new Map<number, Map<number, string>>(candidates.map((c) => [c.id, new Map()]));
	if (candidates.length === 0) return result;
	const unitIds = [...new Set(candidates.map((c) => c.unitId))];
	const links = await tx
		.select({ userId: panelistUnit.userId, unitId: panelistUnit.unitId })
		.from(panelistUnit)
		.where(inArray(panelistUnit.unitId, unitIds));
	for (const c of candidates)
		for (const link of links)
			if (link.unitId === c.unitId) result.get(c.id)!.set(link.userId, '所在单位推荐');
	const declared = await tx
		.select({ userId: conflict.userId, candidateId: conflict.candidateId, reason: conflict.reason })
		.from(conflict)
		.where(
			and(
				eq(conflict.campaignId, campaignId),
				inArray(
					conflict.candidateId,
					candidates.map((c) => c.id)
				)
			)
		);
	for (const d of declared)
		if (!result.get(d.candidateId)!.has(d.userId))
			result.get(d.candidateId)!.set(d.userId, `申报回避：${d.reason}`);
	return result;
}

/** A panelist's conflict with a candidate, declared or withdrawn by `actor`, with the reason. */
interface ConflictRequest {
	campaignId: number;
	candidateId: number;
	userId: number;
	reason: string;
	actor: MeetingActor;
}

/**
 * Records a declared conflict of interest: by the panelist for themselves, or by the secretary
 * for any panelist. Refused while a round on the candidate is open (its denominator is fixed).
 * The panelist's open sockets are re-checked at the commit: their comment socket for the
 * candidate closes with 4403 (a recused panelist gets no comment document).
 */
export async function declareConflict(db: Db, request: ConflictRequest): Promise<void> {
	const { actor } = request;
	if (!canDeclareConflict({ ...actor, userId: actor.id }, request.userId))
		refuse('NOT-ALLOWED', '只能由评审委员本人或秘书处申报回避。');
	const reason = request.reason.trim();
	if (!reason) refuse('REASON-REQUIRED', '请填写回避理由。');
	await db.transaction(async (tx) => {
		const [target] = await tx
			.select({ role: membership.role })
			.from(membership)
			.where(
				and(eq(membership.campaignId, request.campaignId), eq(membership.userId, request.userId))
			);
		if (target?.role !== 'panelist') refuse('NOT-PANELIST', '只能为评审委员登记回避。');
		const [row] = await tx
			.select({ id: candidate.id })
			.from(candidate)
			.where(
				and(eq(candidate.id, request.candidateId), eq(candidate.campaignId, request.campaignId))
			);
		if (!row) refuse('NOT-FOUND', '找不到该候选对象。');
		await refuseWhileVoting(
			tx,
			request.candidateId,
			'该候选对象正在表决，请在本轮结束后再登记回避。'
		);
		await tx
			.insert(conflict)
			.values({
				campaignId: request.campaignId,
				userId: request.userId,
				candidateId: request.candidateId,
				reason,
				recordedBy: actor.id
			})
			.onConflictDoUpdate({
				target: [conflict.userId, conflict.candidateId],
				set: { reason, recordedBy: actor.id }
			});
		await recordAudit(tx, {
			action: 'conflict.declare',
			campaignId: request.campaignId,
			actorId: actor.id,
			actorName: actor.name,
			subjectType: 'candidate',
			subjectId: request.candidateId,
			after: { userId: request.userId },
			reason
		});
		await appendEvent(tx, request.campaignId, 'conflict.declared', {
			candidateId: request.candidateId,
			userId: request.userId
		});
		await notifyAccessChanged(tx, request.userId);
	});
}

/**
 * Withdraws a declared conflict recorded by mistake (撤回回避): the secretary only, with a reason
 * for the audit. Refused while a round on the candidate is open (its denominator is fixed); the
 * automatic recusal of a panelist linked to the candidate's unit cannot be withdrawn. The
 * panelist's sockets are re-checked at the commit and their comment document opens again.
 */
export async function withdrawConflict(db: Db, request: ConflictRequest): Promise<void> {
	const { actor } = request;
	if (!canManagePanel(actor)) refuse('NOT-ALLOWED', '只有秘书处可以撤回回避登记。');
	const reason = request.reason.trim();
	if (!reason) refuse('REASON-REQUIRED', '请填写撤回理由。');
	await db.transaction(async (tx) => {
		await refuseWhileVoting(
			tx,
			request.candidateId,
			'该候选对象正在表决，请在本轮结束后再撤回回避。'
		);
		const [removed] = await tx
			.delete(conflict)
			.where(
				and(
					eq(conflict.campaignId, request.campaignId),
					eq(conflict.userId, request.userId),
					eq(conflict.candidateId, request.candidateId)
				)
			)
			.returning({ reason: conflict.reason });
		if (!removed) refuse('NOT-FOUND', '没有这条回避登记，可能已被撤回。');
		await recordAudit(tx, {
			action: 'conflict.withdraw',
			campaignId: request.campaignId,
			actorId: actor.id,
			actorName: actor.name,
			subjectType: 'candidate',
			subjectId: request.candidateId,
			before: { userId: request.userId, reason: removed!.reason },
			reason
		});
		await appendEvent(tx, request.campaignId, 'conflict.withdrawn', {
			candidateId: request.candidateId,
			userId: request.userId
		});
		await notifyAccessChanged(tx, request.userId);
	});
}

/** Refuses a change of who may vote on a candidate while a round on it is open. */
async function refuseWhileVoting(tx: Tx, candidateId: number, message: string): Promise<void> {
	const [busy] = await tx
		.select({ id: round.id })
		.from(roundCandidate)
		.innerJoin(round, eq(round.id, roundCandidate.roundId))
		.where(and(eq(roundCandidate.candidateId, candidateId), eq(round.status, 'open')));
	if (busy) refuse('ROUND-OPEN', message);
}

/** The chair puts a candidate on every following screen (null: none). */
export async function setCurrentCandidate(
	db: Db,
	request: { campaignId: number; candidateId: number | null; actor: MeetingActor }
): Promise<void> {
	requireChair(request.actor);
	await db.transaction(async (tx) => {
		const open = await requireOpenMeeting(tx, request.campaignId);
		if (request.candidateId !== null) {
			const [row] = await tx
				.select({ id: candidate.id })
				.from(candidate)
				.where(
					and(eq(candidate.id, request.candidateId), eq(candidate.campaignId, request.campaignId))
				);
			if (!row) refuse('NOT-FOUND', '找不到该候选对象。');
		}
		await tx
			.update(meeting)
			.set({ currentCandidateId: request.candidateId })
			.where(eq(meeting.id, open.id));
		await appendEvent(tx, request.campaignId, 'meeting.current', {
			meetingId: open.id,
			candidateId: request.candidateId
		});
	});
}

/** What opening a round needs. */
export interface OpenRoundRequest {
	campaignId: number;
	candidateIds: number[];
	/** A 差额 ballot on a track: each panelist approves at most the track's places left. */
	competitiveTrack?: Track;
	actor: MeetingActor;
}

/**
 * Opens a round on one candidate or a ballot of many, all in 联合评审. Refused without a quorum,
 * while another round is open, and on a 差额 ballot when the track has no places left. The
 * round's voters are the members present now; each candidate's denominator leaves out those
 * recused from it.
 */
export async function openRound(
	db: Db,
	request: OpenRoundRequest
): Promise<{ roundId: number; expected: number }> {
	requireChair(request.actor);
	const ids = [...new Set(request.candidateIds)];
	if (ids.length === 0) refuse('EMPTY', '请至少选择一个候选对象。');
	try {
		return await db.transaction(async (tx) => {
			const [owner] = await tx
				.select({ parameters: campaign.parameters })
				.from(campaign)
				.where(eq(campaign.id, request.campaignId))
				.for('update');
			if (!owner) refuse('NOT-FOUND', '找不到这个评选活动。');
			const open = await requireOpenMeeting(tx, request.campaignId);
			const [running] = await tx
				.select({ id: round.id })
				.from(round)
				.where(and(eq(round.campaignId, request.campaignId), eq(round.status, 'open')));
			if (running) refuse('ROUND-OPEN', '已有一轮表决正在进行，请先结束该轮表决。');
			const q = await meetingQuorum(tx, request.campaignId, open.id);
			if (!q.met)
				refuse(
					'NO-QUORUM',
					`实到 ${q.present} 人，不足应到 ${q.expected} 人的三分之二（至少 ${q.needed} 人），不能开始表决。请先签到。`
				);
			const rows = await tx
				.select({
					id: candidate.id,
					unitId: candidate.unitId,
					stage: candidate.stage,
					title: candidate.title
				})
				.from(candidate)
				.where(and(eq(candidate.campaignId, request.campaignId), inArray(candidate.id, ids)));
			if (rows.length !== ids.length) refuse('NOT-FOUND', '找不到部分候选对象，请刷新后重试。');
			const notJoint = rows.find((r) => r.stage !== 'joint');
			if (notJoint) refuse('NOT-JOINT', `「${notJoint.title}」不在联合评审阶段，不能表决。`);
			let places: number | null = null;
			const track = request.competitiveTrack ?? null;
			if (track) {
				const proposed = (await proposedList(tx, request.campaignId)).filter(
					(e) => e.track === track
				).length;
				places = owner!.parameters.quotas[track] - proposed;
				if (places <= 0) refuse('NO-PLACES', `${trackLabels[track]}名额已满，不能进行差额表决。`);
			}
			const recused = await recusals(tx, request.campaignId, rows);
			const [created] = await tx
				.insert(round)
				.values({
					campaignId: request.campaignId,
					meetingId: open.id,
					kind: ids.length === 1 ? 'single' : 'ballot',
					track,
					places,
					passRule: passRuleOf(owner!.parameters.passRule),
					openedBy: request.actor.id
				})
				.returning({ id: round.id });
			const roundId = created!.id;
			await tx.insert(roundVoter).values(q.presentIds.map((userId) => ({ roundId, userId })));
			await tx.insert(roundCandidate).values(
				ids.map((candidateId, position) => ({
					roundId,
					candidateId,
					position,
					voters: q.presentIds.filter((u) => !recused.get(candidateId)!.has(u)).length,
					recused: q.presentIds.filter((u) => recused.get(candidateId)!.has(u)).length
				}))
			);
			const recusalRows = ids.flatMap((candidateId) =>
				[...recused.get(candidateId)!].map(([userId, reason]) => ({
					roundId,
					candidateId,
					userId,
					reason
				}))
			);
			if (recusalRows.length > 0) await tx.insert(roundRecusal).values(recusalRows);
			const expected = q.presentIds.filter((u) =>
				ids.some((id) => !recused.get(id)!.has(u))
			).length;
			await recordAudit(tx, {
				action: 'round.open',
				campaignId: request.campaignId,
				actorId: request.actor.id,
				actorName: request.actor.name,
				subjectType: 'round',
				subjectId: roundId,
				after: { candidateIds: ids, track, places, present: q.present, expected: q.expected }
			});
			await appendEvent(tx, request.campaignId, 'round.opened', {
				roundId,
				kind: ids.length === 1 ? 'single' : 'ballot',
				track,
				places,
				candidateIds: ids,
				expected
			});
			return { roundId, expected };
		});
	} catch (error) {
		if (isUniqueViolation(error)) refuse('ROUND-OPEN', '已有一轮表决正在进行，请先结束该轮表决。');
		throw error;
	}
}

function isUniqueViolation(error: unknown): boolean {
	for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause)
		if ((e as { code?: string }).code === '23505') return true;
	return false;
}

/**
 * How many of the round's voters are expected to vote: those present at the opening, except one
 * recused from every candidate on the ballot. Fixed for the round's life (its voters, candidates
 * and recusals are written at the opening).
 */
const expectedVoters = (roundId: number) => sql<number>`(
	select count(*)::int from ${roundVoter} rv
	where rv.round_id = ${roundId}
	and (select count(*) from ${roundRecusal} rr where rr.round_id = ${roundId} and rr.user_id = rv.user_id)
		< (select count(*) from ${roundCandidate} rc where rc.round_id = ${roundId}))`;

/** One panelist's mark on one candidate of an open round. */
export interface CastRequest {
	campaignId: number;
	roundId: number;
	candidateId: number;
	choice: VoteChoice;
	actor: MeetingActor;
}

/**
 * Records (or changes) a panelist's mark. Refused for anyone but a panelist who was present when
 * the round opened and is not recused from the candidate, after the close, and on a 差额 ballot
 * beyond the places left. Announces only how many have voted.
 */
export async function castVote(
	db: Db,
	request: CastRequest
): Promise<{ cast: number; expected: number; approvalsLeft: number | null }> {
	const { actor } = request;
	if (actor.role !== 'panelist')
		refuse(
			'NOT-PANELIST',
			actor.role === 'observer'
				? '观察员（大屏）只能查看，不能投票。'
				: actor.role === 'unit'
					? '推荐单位不能参加联合评审投票。'
					: '只有评审委员可以投票。'
		);
	if (!['approve', 'reject', 'abstain'].includes(request.choice))
		refuse('BAD-CHOICE', '请选择同意、不同意或弃权。');
	return db.transaction(async (tx) => {
		const [r] = await tx
			.select()
			.from(round)
			.where(and(eq(round.id, request.roundId), eq(round.campaignId, request.campaignId)))
			.for('update');
		if (!r) refuse('NOT-FOUND', '找不到这一轮表决。');
		if (r!.status !== 'open') refuse('ROUND-CLOSED', '本轮表决已结束，不能再投票或改票。');
		// What the checks and the count need, in one round trip (after the lock, so it sees every
		// ballot committed before ours): the candidate's unit, presence, recusal, the other voters
		// who have marked, the voter's approvals elsewhere (差额) and how many are expected.
		const { roundId, candidateId } = request;
		const [facts] = await tx
			.select({
				unitId: candidate.unitId,
				voter: sql<boolean>`exists (select 1 from ${roundVoter} where ${roundVoter.roundId} = ${roundId} and ${roundVoter.userId} = ${actor.id})`,
				recusal: sql<
					string | null
				>`(select ${roundRecusal.reason} from ${roundRecusal} where ${roundRecusal.roundId} = ${roundId} and ${roundRecusal.candidateId} = ${candidateId} and ${roundRecusal.userId} = ${actor.id})`,
				othersCast: sql<number>`(select count(distinct b.user_id)::int from ${ballot} b where b.round_id = ${roundId} and b.user_id <> ${actor.id})`,
				approvedElsewhere: sql<number>`(select count(*)::int from ${ballot} b where b.round_id = ${roundId} and b.user_id = ${actor.id} and b.choice = 'approve' and b.candidate_id <> ${candidateId})`,
				expected: expectedVoters(roundId)
			})
			.from(roundCandidate)
			.innerJoin(candidate, eq(candidate.id, roundCandidate.candidateId))
			.where(and(eq(roundCandidate.roundId, roundId), eq(roundCandidate.candidateId, candidateId)));
		if (!facts) refuse('NOT-ON-BALLOT', '该候选对象不在本轮表决中。');
		const onBallot = facts!;
		if (!onBallot.voter) refuse('NOT-PRESENT', '本轮表决开始时您未签到，不能参加本轮投票。');
		const recusal = onBallot.recusal === null ? undefined : { reason: onBallot.recusal };
		if (!canVote(actor, { unitId: onBallot.unitId, recused: Boolean(recusal) }))
			refuse('RECUSED', `您需回避该候选对象（${recusal?.reason ?? '利益冲突'}），不能投票。`);
		let approvalsLeft: number | null = null;
		if (r!.places !== null) {
			const others = onBallot.approvedElsewhere;
			if (request.choice === 'approve' && others >= r!.places)
				refuse(
					'OVER-PLACES',
					`本轮为差额表决，最多可投 ${r!.places} 票同意，您已用完。请先把其他候选对象改为不同意或弃权。`
				);
			approvalsLeft = r!.places - others - (request.choice === 'approve' ? 1 : 0);
		}
		await tx
			.insert(ballot)
			.values({
				roundId: request.roundId,
				candidateId: request.candidateId,
				userId: actor.id,
				choice: request.choice
			})
			.onConflictDoUpdate({
				target: [ballot.roundId, ballot.candidateId, ballot.userId],
				set: { choice: request.choice }
			});
		// Audited as participation only: never the candidate or the choice (secret ballot).
		await recordAudit(tx, {
			action: 'round.ballot',
			campaignId: request.campaignId,
			actorId: actor.id,
			actorName: actor.name,
			subjectType: 'round',
			subjectId: request.roundId
		});
		// The voter has a mark now; the others' are as read under the lock.
		const progress = { cast: onBallot.othersCast + 1, expected: onBallot.expected };
		await appendEvent(tx, request.campaignId, 'vote.cast', {
			roundId: request.roundId,
			...progress
		});
		return { ...progress, approvalsLeft };
	});
}

/**
 * Closes a round: counts each candidate's marks (unmarked = 弃权), applies the pass rule and the
 * 差额 ranking, keeps who took part, and deletes the voter-linked marks — all in one transaction,
 * so after the close no row links a voter to a choice. A closed round is final.
 */
export async function closeRound(
	db: Db,
	request: { campaignId: number; roundId: number; actor: MeetingActor }
): Promise<{ results: ClosedRoundResult[] }> {
	requireChair(request.actor);
	return db.transaction(async (tx) => {
		const [r] = await tx
			.select()
			.from(round)
			.where(and(eq(round.id, request.roundId), eq(round.campaignId, request.campaignId)))
			.for('update');
		if (!r) refuse('NOT-FOUND', '找不到这一轮表决。');
		if (r!.status !== 'open') refuse('ROUND-CLOSED', '本轮表决已经结束，结果不能更改。');
		// Each candidate on the ballot with its marks, in one round trip.
		const counts: RoundCount[] = await tx
			.select({
				candidateId: roundCandidate.candidateId,
				voters: roundCandidate.voters,
				approve: sql<number>`(select count(*)::int from ${ballot} b where b.round_id = ${request.roundId} and b.candidate_id = ${roundCandidate}.candidate_id and b.choice = 'approve')`,
				reject: sql<number>`(select count(*)::int from ${ballot} b where b.round_id = ${request.roundId} and b.candidate_id = ${roundCandidate}.candidate_id and b.choice = 'reject')`
			})
			.from(roundCandidate)
			.where(eq(roundCandidate.roundId, request.roundId))
			.orderBy(asc(roundCandidate.position));
		const results = roundResults(counts, r!.passRule, r!.places);
		// One statement for the whole close: the counts of every candidate on the ballot, who took
		// part, the marks deleted (no row links a voter to a choice any more), the round closed.
		const rows = JSON.stringify(
			results.map((r) => ({
				candidate_id: r.candidateId,
				approve: r.approve,
				reject: r.reject,
				abstain: r.abstain,
				rank: r.rank,
				outcome: r.outcome
			}))
		);
		await tx.execute(sql`
			with counted as (
				update ${roundCandidate} as rc
				set approve = v.approve, reject = v.reject, abstain = v.abstain, rank = v.rank,
					outcome = v.outcome
				from jsonb_to_recordset(${rows}::jsonb)
					as v(candidate_id int, approve int, reject int, abstain int, rank int, outcome text)
				where rc.round_id = ${request.roundId} and rc.candidate_id = v.candidate_id
			),
			marks as (
				delete from ${ballot} where round_id = ${request.roundId} returning user_id
			),
			took_part as (
				update ${roundVoter} set took_part = true
				where round_id = ${request.roundId} and user_id in (select user_id from marks)
			)
			update ${round} set status = 'closed', closed_at = now(), closed_by = ${request.actor.id}
			where id = ${request.roundId}`);
		const announced: ClosedRoundResult[] = results.map((result) => ({
			candidateId: result.candidateId,
			voters: result.voters,
			approve: result.approve,
			reject: result.reject,
			abstain: result.abstain,
			needed: result.needed,
			rank: result.rank,
			outcome: result.outcome
		}));
		await recordAudit(tx, {
			action: 'round.close',
			campaignId: request.campaignId,
			actorId: request.actor.id,
			actorName: request.actor.name,
			subjectType: 'round',
			subjectId: request.roundId,
			after: { results: announced }
		});
		await appendEvent(tx, request.campaignId, 'round.closed', {
			roundId: request.roundId,
			results: announced
		});
		return { results: announced };
	});
}

/** A user's display name, for messages and minutes. */
export async function userNames(tx: Db | Tx, ids: number[]): Promise<Map<number, string>> {
	if (ids.length === 0) return new Map();
	const rows = await tx
		.select({ id: user.id, name: user.displayName })
		.from(user)
		.where(inArray(user.id, ids));
	return new Map(rows.map((row) => [row.id, row.name]));
}
