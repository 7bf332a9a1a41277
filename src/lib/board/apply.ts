/**
 * Applying live board events to the cards a client holds. Events carry the campaign's sequence
 * number: the next one is applied, an old one is ignored, and a gap means something was missed —
 * the client reloads the board from the server rather than guess (ARCHITECTURE.md).
 */
import type { BoardMessage } from './events';
import type { BoardCard, MovedCard } from './types';

export type ApplyResult =
	{ kind: 'applied'; cards: BoardCard[]; seq: number } | { kind: 'ignored' } | { kind: 'reload' };

export function applyMessage(cards: BoardCard[], seq: number, message: BoardMessage): ApplyResult {
	if (message.type === 'keepalive') return { kind: 'ignored' };
	if (message.type === 'hello')
		return message.seq === seq ? { kind: 'ignored' } : { kind: 'reload' };
	if (message.seq <= seq) return { kind: 'ignored' };
	if (message.seq > seq + 1) return { kind: 'reload' };
	switch (message.type) {
		case 'candidates.moved':
			return { kind: 'applied', cards: applyMoves(cards, message.moves), seq: message.seq };
		case 'candidate.consulted':
			return {
				kind: 'applied',
				cards: cards.map((card) =>
					card.id === message.candidateId
						? {
								...card,
								consultClear: message.consultClear,
								consultObjections: message.consultObjections,
								...message.findings
							}
						: card
				),
				seq: message.seq
			};
		case 'candidate.comment':
			return {
				kind: 'applied',
				cards: cards.map((card) =>
					card.id === message.candidateId
						? { ...card, hasComment: message.hasComment, commentWriting: message.writing }
						: card
				),
				seq: message.seq
			};
		case 'candidate.objection':
			// Objections show in the candidate's panel, not on its card: nothing to redraw.
			return { kind: 'applied', cards, seq: message.seq };
		case 'board.reloaded':
			return { kind: 'reload' };
		case 'attendance.changed':
		case 'meeting.current':
		case 'round.opened':
		case 'vote.cast':
		case 'round.closed':
			// Meeting events: the meeting view follows them; the cards stay as they are.
			return { kind: 'applied', cards, seq: message.seq };
		default:
			return { kind: 'reload' };
	}
}

/** The cards with the moves applied (a move the server confirmed is idempotent to re-apply). */
export function applyMoves(cards: BoardCard[], moves: readonly MovedCard[]): BoardCard[] {
	const byId = new Map(moves.map((move) => [move.candidateId, move]));
	return cards.map((card) => {
		const move = byId.get(card.id);
		return move
			? {
					...card,
					stage: move.to,
					proposedTrack: move.proposedTrack,
					returnsTo: move.returnsTo ?? null
				}
			: card;
	});
}
