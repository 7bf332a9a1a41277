/**
 * The live board's contract, one typed map shared by the server that appends events and the
 * browsers that apply them (STYLE.md, "Seams"). An event is a row first (`board_event`, with the
 * campaign's sequence number) and a message second.
 */
import type { ListCounts } from '../domain/meters';
import type { BoardCard, MovedCard } from './types';

/** Each board event type and what it carries besides `type`, `campaignId` and `seq`. */
export interface BoardEventMap {
	/**
	 * Cards changed column (one event for a whole bulk move): each card as it is now (a screen
	 * that had not loaded it can place and count it), and the proposed list's counts after the
	 * move (the meters, counted over the whole campaign).
	 */
	'candidates.moved': { moves: MovedCard[]; cards: BoardCard[]; list: ListCounts };
	/**
	 * A consultation was recorded: the card's consultation counts, and its findings as judged
	 * again (a recorded answer clears CONSULT-MISSING / CONSULT-OBJECTION).
	 */
	'candidate.consulted': {
		candidateId: number;
		consultClear: number;
		consultObjections: number;
		findings: FindingSummary;
	};
	/** An objection was recorded or settled (shown in the candidate's panel). */
	'candidate.objection': { candidateId: number };
	/**
	 * A candidate's 评审意见 gained or lost its text, or someone started or stopped writing in it
	 * (the card's two comment markers).
	 */
	'candidate.comment': { candidateId: number; hasComment: boolean; writing: boolean };
	/**
	 * Many candidates changed at once (an import or a restore of a backup): every board reloads.
	 * `count` is how many nominations the change touched.
	 */
	'board.reloaded': { cause: 'import' | 'restore'; count: number };
	/** The meeting's attendance changed: 应到 / 实到, the quorum, and who is present (user ids). */
	'attendance.changed': {
		meetingId: number;
		expected: number;
		present: number;
		quorumMet: boolean;
		presentIds: number[];
	};
	/** The chair put a candidate on screen (null: none); every following screen opens it. */
	'meeting.current': { meetingId: number; candidateId: number | null };
	/** A voting round opened on one candidate or a ballot (差额: `places` set). */
	'round.opened': {
		roundId: number;
		kind: 'single' | 'ballot';
		track: string | null;
		places: number | null;
		candidateIds: number[];
		expected: number;
	};
	/** A ballot came in or changed: ONLY how many have voted (secret ballot, SPEC §6). */
	'vote.cast': { roundId: number; cast: number; expected: number };
	/** A round closed: per candidate its anonymous counts and outcome. */
	'round.closed': { roundId: number; results: ClosedRoundResult[] };
	/** A panelist was recused from a candidate by a declared conflict (回避; not secret). */
	'conflict.declared': { candidateId: number; userId: number };
	/** A declared conflict recorded by mistake was withdrawn (撤回回避): the panelist votes again. */
	'conflict.withdrawn': { candidateId: number; userId: number };
	/** The chair ended the meeting (结束会议); `endedAt` is an ISO timestamp. */
	'meeting.ended': { meetingId: number; endedAt: string };
}

/** One candidate's result as a closed round announces it: counts only, never a voter. */
export interface ClosedRoundResult {
	candidateId: number;
	voters: number;
	approve: number;
	reject: number;
	abstain: number;
	needed: number;
	rank: number | null;
	outcome: 'passed' | 'failed' | 'tie' | 'outranked';
}

export type BoardEventType = keyof BoardEventMap;

/** A card's findings: counts by severity and the codes (for its badges and the filters). */
export interface FindingSummary {
	errors: number;
	warnings: number;
	infos: number;
	codes: string[];
}

/** The closed list of event types, for validating stored rows. */
export const boardEventTypes = [
	'candidates.moved',
	'candidate.consulted',
	'candidate.objection',
	'candidate.comment',
	'board.reloaded',
	'attendance.changed',
	'meeting.current',
	'round.opened',
	'vote.cast',
	'round.closed',
	'conflict.declared',
	'conflict.withdrawn',
	'meeting.ended'
] as const satisfies readonly BoardEventType[];

/** A board event as the live socket delivers it: one member per type of the map. */
export type LiveEvent = {
	[K in BoardEventType]: { type: K; campaignId: number; seq: number } & BoardEventMap[K];
}[BoardEventType];

/** Everything the live socket sends: events, plus the hello and the keep-alives. */
export type BoardMessage =
	| LiveEvent
	| { type: 'hello'; campaignId: number; seq: number }
	| { type: 'keepalive'; at: number };

/** Builds the delivered event from a stored row; the row's type decides the payload's shape. */
export function liveEvent<K extends BoardEventType>(row: {
	campaignId: number;
	seq: number;
	type: K;
	payload: BoardEventMap[K];
}): LiveEvent {
	return { ...row.payload, type: row.type, campaignId: row.campaignId, seq: row.seq } as LiveEvent;
}
