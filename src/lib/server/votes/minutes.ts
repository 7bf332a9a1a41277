/**
 * 会议纪要: each meeting of a campaign with its date, attendance, and every round with its
 * candidates, counts, results and recusals. Who took part is listed; how anyone voted is not
 * stored and so cannot be listed.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { ClosedRoundResult } from '../../board/events';
import type { Track } from '../../domain/campaign';
import { approvalsNeeded, type PassRule } from '../../domain/tally';
import type { Db } from '../db';
import {
	attendance,
	candidate,
	meeting,
	round,
	roundCandidate,
	roundRecusal,
	roundVoter,
	unit,
	user
} from '../db/schema';
import { panelMembers } from './meeting';

/** One round in the minutes. */
export interface MinutesRound {
	id: number;
	kind: 'single' | 'ballot';
	places: number | null;
	passRule: PassRule;
	status: 'open' | 'closed';
	openedAt: Date;
	closedAt: Date | null;
	tookPart: string[];
	candidates: (ClosedRoundResult & {
		title: string;
		unitName: string;
		/** The list track it is reviewed on (a station proposed into 先进集体 counts there). */
		track: Track;
		recused: { name: string; reason: string }[];
	})[];
}

/** One meeting in the minutes. */
export interface MinutesMeeting {
	id: number;
	heldOn: string;
	startedAt: Date;
	/** Null while the meeting is still open. */
	endedAt: Date | null;
	expected: string[];
	present: string[];
	rounds: MinutesRound[];
}

/** The minutes of every meeting of a campaign, oldest first. */
export async function meetingMinutes(db: Db, campaignId: number): Promise<MinutesMeeting[]> {
	const meetings = await db
		.select()
		.from(meeting)
		.where(eq(meeting.campaignId, campaignId))
		.orderBy(asc(meeting.id));
	const panel = await panelMembers(db, campaignId);
	const users = await db.select({ id: user.id, name: user.displayName }).from(user);
	const nameOf = new Map(users.map((u) => [u.id, u.name]));
	const out: MinutesMeeting[] = [];
	for (const m of meetings) {
		const present = await db
			.select({ userId: attendance.userId })
			.from(attendance)
			.where(and(eq(attendance.meetingId, m.id), eq(attendance.present, true)));
		const rounds = await db
			.select()
			.from(round)
			.where(eq(round.meetingId, m.id))
			.orderBy(asc(round.id));
		const minutesRounds: MinutesRound[] = [];
		for (const r of rounds) {
			const rows = await db
				.select({
					rc: roundCandidate,
					title: candidate.title,
					unitName: unit.name,
					track: candidate.track,
					proposedTrack: candidate.proposedTrack
				})
				.from(roundCandidate)
				.innerJoin(candidate, eq(candidate.id, roundCandidate.candidateId))
				.innerJoin(unit, eq(unit.id, candidate.unitId))
				.where(eq(roundCandidate.roundId, r.id))
				.orderBy(asc(roundCandidate.position));
			const recusals = await db.select().from(roundRecusal).where(eq(roundRecusal.roundId, r.id));
			const voters = await db
				.select({ userId: roundVoter.userId })
				.from(roundVoter)
				.where(and(eq(roundVoter.roundId, r.id), eq(roundVoter.tookPart, true)));
			minutesRounds.push({
				id: r.id,
				kind: r.kind,
				places: r.places,
				passRule: r.passRule,
				status: r.status,
				openedAt: r.openedAt,
				closedAt: r.closedAt,
				tookPart: voters.map((v) => nameOf.get(v.userId) ?? ''),
				candidates: rows.map(({ rc, title, unitName, track, proposedTrack }) => ({
					candidateId: rc.candidateId,
					title,
					unitName,
					track: proposedTrack ?? track,
					voters: rc.voters,
					approve: rc.approve ?? 0,
					reject: rc.reject ?? 0,
					abstain: rc.abstain ?? 0,
					needed: approvalsNeeded(rc.voters, r.passRule),
					rank: rc.rank,
					outcome: rc.outcome ?? 'failed',
					recused: recusals
						.filter((x) => x.candidateId === rc.candidateId)
						.map((x) => ({ name: nameOf.get(x.userId) ?? '', reason: x.reason }))
				}))
			});
		}
		out.push({
			id: m.id,
			heldOn: m.heldOn,
			startedAt: m.startedAt,
			endedAt: m.endedAt,
			expected: panel.map((id) => nameOf.get(id) ?? ''),
			present: present.map((p) => nameOf.get(p.userId) ?? ''),
			rounds: minutesRounds
		});
	}
	return out;
}
