/**
 * What the meeting view shows, read for one viewer (SPEC §6, §7): the meeting and its
 * attendance, the agenda, the open round's progress (and the viewer's own marks, to themselves
 * only), the results of closed rounds, the current candidate's key facts without personal data,
 * and the proposed list for the meters. Never anyone else's marks.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ClosedRoundResult } from '../../board/events';
import { trackLabels, type Track } from '../../domain/campaign';
import type { MeterTallies } from '../../domain/meters';
import type { ProposedEntry } from '../../domain/rules/list-composition';
import type { Quorum, VoteChoice } from '../../domain/tally';
import { approvalFormOf } from '../../domain/approval-forms';
import type { Nomination } from '../../domain/interchange';
import { leadSentences } from '../../domain/text';
import type { Db } from '../db';
import { HIDDEN, nominationFor } from '../privacy';
import {
	ballot,
	candidate,
	candidateComment,
	consultation,
	finding,
	meeting,
	objection,
	panelistUnit,
	conflict,
	round,
	roundCandidate,
	roundRecusal,
	roundVoter,
	unit,
	user
} from '../db/schema';
import { proposedList } from '../board/gate-facts';
import { meetingQuorum, openMeetingOf, panelMembers } from './meeting';
import { meterTallies } from './tallies';

/** A candidate on the agenda: name, second line, unit and track — no personal data. */
export interface AgendaItem {
	id: number;
	title: string;
	subtitle: string;
	unitName: string;
	track: string;
	trackLabel: string;
	isStation: boolean;
	stage: string;
}

/** A round as the meeting view shows it. */
export interface RoundView {
	id: number;
	kind: 'single' | 'ballot';
	track: Track | null;
	places: number | null;
	status: 'open' | 'closed';
	candidateIds: number[];
	cast: number;
	expected: number;
	/** Closed: each candidate's counts and outcome. */
	results: ClosedRoundResult[];
	/** Per candidate, how many were recused (for the minutes and the screen). */
	recusedCounts: Record<number, number>;
}

/** Short facts of the current candidate for the screen (SPEC §7: nothing personal). */
export interface CurrentFacts {
	id: number;
	title: string;
	subtitle: string;
	unitName: string;
	trackLabel: string;
	phrases: string[];
	/** The first sentences of 主要事迹 (or 建议内容摘要), read as the shared screen may. */
	deeds: string;
	/** Its 评审意见 holds text. */
	hasComment: boolean;
}

/** The whole meeting view for one viewer. */
export interface MeetingView {
	meeting: { id: number; heldOn: string; currentCandidateId: number | null } | null;
	/** With no meeting open: the latest one ended (结束会议), for the screens to say so. */
	ended: { id: number; heldOn: string; endedAt: string } | null;
	panel: { userId: number; name: string; present: boolean }[];
	quorum: Quorum | null;
	agenda: AgendaItem[];
	openRound: RoundView | null;
	lastClosed: RoundView | null;
	entries: ProposedEntry[];
	/** 待拟表彰 and 本轮通过 per track, for the meters. */
	tallies: MeterTallies;
	current: CurrentFacts | null;
	/** The viewer's own marks in the open round, and whom they are recused from (panelists). */
	mine: { choices: Record<number, VoteChoice>; recusedFrom: number[]; voter: boolean } | null;
}

/** Reads the meeting view of a campaign for `viewer`. */
export async function meetingView(
	db: Db,
	campaignId: number,
	viewer: { id: number; role: string }
): Promise<MeetingView> {
	return db.transaction(async (tx) => {
		const open = await openMeetingOf(tx, campaignId);
		const panelIds = await panelMembers(tx, campaignId);
		const names = panelIds.length
			? await tx
					.select({ id: user.id, name: user.displayName })
					.from(user)
					.where(inArray(user.id, panelIds))
			: [];
		const q = open ? await meetingQuorum(tx, campaignId, open.id) : null;
		const present = new Set(q?.presentIds ?? []);
		const agendaRows = await tx
			.select({
				id: candidate.id,
				title: candidate.title,
				subtitle: candidate.subtitle,
				unitName: unit.name,
				track: candidate.track,
				isStation: candidate.isStation,
				stage: candidate.stage
			})
			.from(candidate)
			.innerJoin(unit, eq(unit.id, candidate.unitId))
			.where(and(eq(candidate.campaignId, campaignId), eq(candidate.stage, 'joint')))
			.orderBy(asc(candidate.track), asc(candidate.id));
		const agenda: AgendaItem[] = agendaRows.map((row) => ({
			...row,
			trackLabel: row.isStation ? '代表家站' : trackLabels[row.track as Track]
		}));
		const rounds = open
			? await tx
					.select()
					.from(round)
					.where(eq(round.meetingId, open.id))
					.orderBy(desc(round.id))
					.limit(2)
			: [];
		const openRow = rounds.find((r) => r.status === 'open') ?? null;
		const closedRow = rounds.find((r) => r.status === 'closed') ?? null;
		const openRound = openRow ? await roundView(tx, openRow) : null;
		const lastClosed = closedRow ? await roundView(tx, closedRow) : null;
		let mine: MeetingView['mine'] = null;
		if (viewer.role === 'panelist' && openRow) {
			const marks = await tx
				.select({ candidateId: ballot.candidateId, choice: ballot.choice })
				.from(ballot)
				.where(and(eq(ballot.roundId, openRow.id), eq(ballot.userId, viewer.id)));
			const rec = await tx
				.select({ candidateId: roundRecusal.candidateId })
				.from(roundRecusal)
				.where(and(eq(roundRecusal.roundId, openRow.id), eq(roundRecusal.userId, viewer.id)));
			const [voter] = await tx
				.select({ userId: roundVoter.userId })
				.from(roundVoter)
				.where(and(eq(roundVoter.roundId, openRow.id), eq(roundVoter.userId, viewer.id)));
			// The round's recusals, and those on the rest of the agenda (declared since, say).
			const agendaRecusals = await recusedFromAgenda(tx, viewer.id, agenda);
			mine = {
				choices: Object.fromEntries(marks.map((m) => [m.candidateId, m.choice])),
				recusedFrom: [...new Set([...rec.map((r) => r.candidateId), ...agendaRecusals])],
				voter: Boolean(voter)
			};
		} else if (viewer.role === 'panelist') {
			mine = {
				choices: {},
				recusedFrom: await recusedFromAgenda(tx, viewer.id, agenda),
				voter: false
			};
		}
		const currentId = open?.currentCandidateId ?? null;
		const [last] = open
			? []
			: await tx
					.select({ id: meeting.id, heldOn: meeting.heldOn, endedAt: meeting.endedAt })
					.from(meeting)
					.where(and(eq(meeting.campaignId, campaignId), isNotNull(meeting.endedAt)))
					.orderBy(desc(meeting.id))
					.limit(1);
		return {
			meeting: open ? { id: open.id, heldOn: open.heldOn, currentCandidateId: currentId } : null,
			ended: last
				? { id: last.id, heldOn: last.heldOn, endedAt: last.endedAt!.toISOString() }
				: null,
			panel: panelIds.map((id) => ({
				userId: id,
				name: names.find((n) => n.id === id)?.name ?? '',
				present: present.has(id)
			})),
			quorum: q ? { expected: q.expected, present: q.present, needed: q.needed, met: q.met } : null,
			agenda,
			openRound,
			lastClosed,
			entries: await proposedList(tx, campaignId),
			tallies: await meterTallies(tx, campaignId),
			current: currentId ? await currentFacts(tx, currentId) : null,
			mine
		};
	});
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function recusedFromAgenda(tx: Tx, userId: number, agenda: AgendaItem[]) {
	if (agenda.length === 0) return [];
	const ids = agenda.map((a) => a.id);
	const linked = await tx
		.select({ id: candidate.id })
		.from(candidate)
		.innerJoin(panelistUnit, eq(panelistUnit.unitId, candidate.unitId))
		.where(and(inArray(candidate.id, ids), eq(panelistUnit.userId, userId)));
	const declared = await tx
		.select({ id: conflict.candidateId })
		.from(conflict)
		.where(and(inArray(conflict.candidateId, ids), eq(conflict.userId, userId)));
	return [...new Set([...linked, ...declared].map((r) => r.id))];
}

async function roundView(tx: Tx, row: typeof round.$inferSelect): Promise<RoundView> {
	const onBallot = await tx
		.select()
		.from(roundCandidate)
		.where(eq(roundCandidate.roundId, row.id))
		.orderBy(asc(roundCandidate.position));
	let cast = 0;
	let expected = 0;
	const voters = await tx
		.select({ userId: roundVoter.userId, tookPart: roundVoter.tookPart })
		.from(roundVoter)
		.where(eq(roundVoter.roundId, row.id));
	const recused = await tx
		.select({ userId: roundRecusal.userId, n: sql<number>`count(*)::int` })
		.from(roundRecusal)
		.where(eq(roundRecusal.roundId, row.id))
		.groupBy(roundRecusal.userId);
	const recusedN = new Map(recused.map((r) => [r.userId, r.n]));
	expected = voters.filter((v) => (recusedN.get(v.userId) ?? 0) < onBallot.length).length;
	if (row.status === 'open') {
		const [n] = await tx
			.select({ n: sql<number>`count(distinct ${ballot.userId})::int` })
			.from(ballot)
			.where(eq(ballot.roundId, row.id));
		cast = n?.n ?? 0;
	} else cast = voters.filter((v) => v.tookPart).length;
	return {
		id: row.id,
		kind: row.kind,
		track: row.track,
		places: row.places,
		status: row.status,
		candidateIds: onBallot.map((c) => c.candidateId),
		cast,
		expected,
		results:
			row.status === 'closed'
				? onBallot.map((c) => ({
						candidateId: c.candidateId,
						voters: c.voters,
						approve: c.approve ?? 0,
						reject: c.reject ?? 0,
						abstain: c.abstain ?? 0,
						needed: 0,
						rank: c.rank,
						outcome: c.outcome ?? 'failed'
					}))
				: [],
		recusedCounts: Object.fromEntries(onBallot.map((c) => [c.candidateId, c.recused]))
	};
}

/** What the shared screen reads of a candidate: the observer's view (SPEC §7). */
const screenViewer = { role: 'observer', unitId: null } as const;

/** The first sentences of 主要事迹 or 建议内容摘要, through the privacy filter. */
function deedsSummary(unitId: number, form: Nomination): string {
	const visible = nominationFor(screenViewer, { unitId }, form);
	const section = (visible as Record<string, unknown>)[approvalFormOf(form.track).section] as
		Record<string, unknown> | undefined;
	const text = section?.deeds ?? section?.summary;
	return typeof text === 'string' && text !== HIDDEN ? leadSentences(text, 120) : '';
}

/** Key facts for the screen as short phrases: findings, consultations, objections. */
async function currentFacts(tx: Tx, id: number): Promise<CurrentFacts | null> {
	const [row] = await tx
		.select({
			id: candidate.id,
			title: candidate.title,
			subtitle: candidate.subtitle,
			unitName: unit.name,
			track: candidate.track,
			isStation: candidate.isStation,
			required: candidate.requiredConsultations,
			unitId: candidate.unitId,
			form: candidate.form,
			hasComment: sql<boolean>`coalesce(${candidateComment.hasText}, false)`
		})
		.from(candidate)
		.innerJoin(unit, eq(unit.id, candidate.unitId))
		.leftJoin(candidateComment, eq(candidateComment.candidateId, candidate.id))
		.where(eq(candidate.id, id));
	if (!row) return null;
	const [errors] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(finding)
		.where(and(eq(finding.candidateId, id), eq(finding.severity, 'error')));
	const consults = await tx
		.select({ result: consultation.result })
		.from(consultation)
		.where(eq(consultation.candidateId, id));
	const [objections] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(objection)
		.where(eq(objection.candidateId, id));
	const clear = consults.filter((c) => c.result === '无异议').length;
	const phrases = [
		errors?.n ? `初审问题 ${errors.n} 项` : '初审无问题',
		row.required.length === 0
			? '无需征求意见'
			: `征求意见 ${clear} / ${row.required.length} 无异议`,
		...(consults.length > clear ? [`${consults.length - clear} 个部门有异议`] : []),
		...(objections?.n ? [`收到异议 ${objections.n} 件`] : [])
	];
	return {
		id: row.id,
		title: row.title,
		subtitle: row.subtitle,
		unitName: row.unitName,
		trackLabel: row.isStation ? '代表家站' : trackLabels[row.track as Track],
		phrases,
		deeds: deedsSummary(row.unitId, row.form),
		hasComment: row.hasComment
	};
}
