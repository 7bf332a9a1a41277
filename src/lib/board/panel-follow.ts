/**
 * The side panel follows its candidate: which live messages concern it (so the panel refetches
 * its view) and the stage a move gives it at once (so it never shows a stale stage meanwhile).
 */
import type { BoardMessage } from './events';
import type { MovedCard } from './types';

/**
 * True when the message changes what the panel of candidate `id` shows: a move of it, a
 * consultation or an objection recorded on it, or a reload of the whole board.
 */
export function concernsCandidate(message: BoardMessage, id: number): boolean {
	switch (message.type) {
		case 'candidates.moved':
			return message.moves.some((move) => move.candidateId === id);
		case 'candidate.consulted':
		case 'candidate.objection':
			return message.candidateId === id;
		case 'board.reloaded':
			return true;
		default:
			return false;
	}
}

/** The move of candidate `id` in the message, if it carries one. */
export function moveOf(message: BoardMessage, id: number): MovedCard | null {
	if (message.type !== 'candidates.moved') return null;
	return message.moves.find((move) => move.candidateId === id) ?? null;
}
