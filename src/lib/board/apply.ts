/**
 * Applying live board events to the board a client holds: the cards it has loaded (the first
 * pages of its columns, and any shown since), the columns' sizes, and the list's counts. Events
 * carry the campaign's sequence number: the next one is applied, an old one is ignored, and a
 * gap means something was missed — the client reloads from the server rather than guess
 * (ARCHITECTURE.md). A move carries its cards as they are now, so a card the client had not
 * loaded is counted in the right columns (and shown, when it passes the filters) all the same.
 */
import type { ListCounts } from '../domain/meters';
import type { Stage } from '../domain/stages';
import type { BoardMessage } from './events';
import { matchesFilters, type BoardFilters } from './filters';
import type { BoardCard, CardKey, ColumnCounts, MovedCard } from './types';

/** What a board holds between loads. */
export interface BoardView {
	/** The loaded cards, in board order. */
	cards: BoardCard[];
	/** Every column's size, and how many of its cards pass the filters. */
	all: ColumnCounts;
	shown: ColumnCounts;
	list: ListCounts;
	seq: number;
}

export type ApplyResult =
	{ kind: 'applied'; view: BoardView } | { kind: 'ignored' } | { kind: 'reload' };

/** The board's order within a column: 推荐单位, then track, then id (the server's ORDER BY). */
export function compareCards(a: CardKey, b: CardKey): number {
	return a.unitId - b.unitId || (a.track < b.track ? -1 : a.track > b.track ? 1 : 0) || a.id - b.id;
}

/** The cards with `incoming` put in (replacing a held card of the same id), in board order. */
export function mergeCards(cards: readonly BoardCard[], incoming: readonly BoardCard[]) {
	const ids = new Set(incoming.map((card) => card.id));
	return [...cards.filter((card) => !ids.has(card.id)), ...incoming].sort(compareCards);
}

export function applyMessage(
	view: BoardView,
	filters: BoardFilters,
	message: BoardMessage
): ApplyResult {
	if (message.type === 'keepalive') return { kind: 'ignored' };
	if (message.type === 'hello')
		return message.seq === view.seq ? { kind: 'ignored' } : { kind: 'reload' };
	if (message.seq <= view.seq) return { kind: 'ignored' };
	if (message.seq > view.seq + 1) return { kind: 'reload' };
	const next = { ...view, seq: message.seq };
	switch (message.type) {
		case 'candidates.moved': {
			// An event stored before moves carried their cards cannot be placed: reload.
			if (!Array.isArray(message.cards) || !message.list) return { kind: 'reload' };
			return { kind: 'applied', view: applyMovedCards(next, filters, message) };
		}
		case 'candidate.consulted': {
			const held = view.cards.find((card) => card.id === message.candidateId);
			// Its findings may have changed whether it passes a finding filter: unknown when the
			// card is not loaded, so ask the server.
			if (!held) return filters.finding ? { kind: 'reload' } : { kind: 'applied', view: next };
			const card = {
				...held,
				consultClear: message.consultClear,
				consultObjections: message.consultObjections,
				...message.findings
			};
			return { kind: 'applied', view: replaceCard(next, filters, held, card) };
		}
		case 'candidate.comment':
			return {
				kind: 'applied',
				view: {
					...next,
					cards: view.cards.map((card) =>
						card.id === message.candidateId
							? { ...card, hasComment: message.hasComment, commentWriting: message.writing }
							: card
					)
				}
			};
		case 'candidate.objection':
			// Objections show in the candidate's panel, not on its card: nothing to redraw.
			return { kind: 'applied', view: next };
		case 'board.reloaded':
			return { kind: 'reload' };
		case 'attendance.changed':
		case 'meeting.current':
		case 'round.opened':
		case 'vote.cast':
		case 'round.closed':
		case 'conflict.declared':
		case 'conflict.withdrawn':
		case 'meeting.ended':
			// Meeting events: the meeting view follows them; the cards stay as they are.
			return { kind: 'applied', view: next };
		default:
			return { kind: 'reload' };
	}
}

/** Counts each moved card out of its old column and into its new one, and places it. */
function applyMovedCards(
	view: BoardView,
	filters: BoardFilters,
	message: Extract<BoardMessage, { type: 'candidates.moved' }>
): BoardView {
	const all = { ...view.all };
	const shown = { ...view.shown };
	const now = new Map(message.cards.map((card) => [card.id, card]));
	const arriving: BoardCard[] = [];
	const leaving = new Set<number>();
	for (const move of message.moves) {
		const card = now.get(move.candidateId);
		all[move.from]--;
		all[move.to]++;
		if (!card) continue;
		// Only the stage changes whether a card passes the filters when it moves.
		const at = (stage: Stage) => matchesFilters({ ...card, stage }, filters);
		if (at(move.from)) shown[move.from]--;
		leaving.add(move.candidateId);
		if (at(move.to)) {
			shown[move.to]++;
			arriving.push({ ...card, ...movedFields(move) });
		}
	}
	return {
		...view,
		all,
		shown,
		list: message.list,
		cards: mergeCards(
			view.cards.filter((card) => !leaving.has(card.id)),
			arriving
		)
	};
}

/** Puts a changed held card in place, or takes it off when it no longer passes the filters. */
function replaceCard(
	view: BoardView,
	filters: BoardFilters,
	before: BoardCard,
	after: BoardCard
): BoardView {
	const was = matchesFilters(before, filters);
	const is = matchesFilters(after, filters);
	const shown = { ...view.shown };
	shown[after.stage] += Number(is) - Number(was);
	return {
		...view,
		shown,
		cards: is
			? view.cards.map((card) => (card.id === after.id ? after : card))
			: view.cards.filter((card) => card.id !== after.id)
	};
}

const movedFields = (move: MovedCard) => ({
	stage: move.to,
	proposedTrack: move.proposedTrack,
	returnsTo: move.returnsTo ?? null
});

/** The cards with the moves applied (a move the server confirmed is idempotent to re-apply). */
export function applyMoves(cards: BoardCard[], moves: readonly MovedCard[]): BoardCard[] {
	const byId = new Map(moves.map((move) => [move.candidateId, move]));
	return cards.map((card) => {
		const move = byId.get(card.id);
		return move ? { ...card, ...movedFields(move) } : card;
	});
}
