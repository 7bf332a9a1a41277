/** What the board shows of a candidate: no form data, so no personal data (SPEC §7). */
import type { NominationTrack, Track } from '../domain/campaign';
import type { ListCounts } from '../domain/meters';
import type { MoveRefusalCode, Stage } from '../domain/stages';

export interface BoardCard {
	id: number;
	title: string;
	/** The suggestion's number, a person's post, or a collective's kind. */
	subtitle: string;
	track: NominationTrack;
	stage: Stage;
	/** The track whose place it holds while on the proposed list. */
	proposedTrack: Track | null;
	isStation: boolean;
	unitId: number;
	unitName: string;
	district: string | null;
	division: boolean;
	municipalOrgan: boolean;
	enterpriseHead: boolean;
	grassroots: boolean;
	errors: number;
	warnings: number;
	infos: number;
	/** Codes of its open findings, for filtering. */
	codes: string[];
	/** Consultations: departments required, answered 无异议, answered 有异议. */
	consultRequired: number;
	consultClear: number;
	consultObjections: number;
	/** Its 评审意见 holds text (absent: none). */
	hasComment?: boolean;
	/** Someone is writing in its 评审意见 right now (live only; absent after a reload). */
	commentWriting?: boolean;
	/** On 未入选 or 撤销: the forward stage a secretary may bring it back to (absent: none). */
	returnsTo?: Stage | null;
}

/** One moved card as a `candidates.moved` board event carries it. */
export interface MovedCard {
	candidateId: number;
	from: Stage;
	to: Stage;
	proposedTrack: Track | null;
	/** Into 未入选 or 撤销: the forward stage it may come back to; null otherwise. */
	returnsTo?: Stage | null;
}

/** The server's verdict on moving one card (the board's `?/move` action). */
export type MoveOutcome =
	| {
			candidateId: number;
			ok: true;
			from: Stage;
			to: Stage;
			proposedTrack: Track | null;
			returnsTo?: Stage | null;
			/** The gate a secretary's reason passed, if any. */
			overridden: MoveRefusalCode | null;
	  }
	| {
			candidateId: number;
			ok: false;
			/** A gate's code, or what the request lacks (a date, a reason) or names wrongly. */
			code: MoveRefusalCode | 'NOT-FOUND' | 'DATE-REQUIRED' | 'REASON-REQUIRED';
			message: string;
			/** True when a written reason would let it pass. */
			overridable: boolean;
	  };

/** How many cards each column holds. */
export type ColumnCounts = Record<Stage, number>;

/** A card's place in its column's order (推荐单位, then track, then id): keyset paging. */
export interface CardKey {
	unitId: number;
	track: string;
	id: number;
}

/**
 * The board as the server sends it for one filter set: the first page of each column, the
 * columns' sizes (all cards, and those passing the filters), the proposed list's counts for the
 * meters, and the finding codes present (for the filter bar).
 */
export interface BoardColumns {
	cards: BoardCard[];
	all: ColumnCounts;
	shown: ColumnCounts;
	list: ListCounts;
	codes: string[];
}
