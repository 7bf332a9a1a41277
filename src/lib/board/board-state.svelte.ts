/**
 * The cards a board holds and the event number they reflect. Live events are applied through
 * `applyMessage`; anything it cannot apply (a gap, an unknown event) asks for a reload.
 */
import type { ProposedEntry } from '../domain/rules/list-composition';
import { listStages } from '../domain/stages';
import { applyMessage, applyMoves } from './apply';
import type { BoardMessage } from './events';
import type { BoardCard, MovedCard } from './types';

export class BoardState {
	cards = $state.raw<BoardCard[]>([]);
	seq = $state(0);
	/** The proposed list as the quota and cap meters count it. */
	entries = $derived(
		this.cards
			.filter((card) => listStages.includes(card.stage) && card.proposedTrack)
			.map((card): ProposedEntry => ({
				ref: String(card.id),
				track: card.proposedTrack!,
				division: card.division,
				municipalOrgan: card.municipalOrgan,
				enterpriseHead: card.enterpriseHead
			}))
	);

	constructor(cards: BoardCard[], seq: number) {
		this.reset(cards, seq);
	}

	/** Takes fresh data from the server. */
	reset(cards: BoardCard[], seq: number): void {
		this.cards = cards;
		this.seq = seq;
	}

	/** Applies a live message; returns true when the board must be reloaded from the server. */
	receive(message: BoardMessage): boolean {
		const result = applyMessage(this.cards, this.seq, message);
		if (result.kind === 'applied') {
			this.cards = result.cards;
			this.seq = result.seq;
		}
		return result.kind === 'reload';
	}

	/** Shows moves the server confirmed before their event arrives (re-applying is harmless). */
	confirm(moves: readonly MovedCard[]): void {
		this.cards = applyMoves(this.cards, moves);
	}
}
