/**
 * Cards that just arrived in a column, on every screen: each is highlighted for a few seconds
 * (a card that arrives is always drawn, however long its column) and announced to screen readers — unless this screen moved it itself (its notice says so already).
 */
import { SvelteSet } from 'svelte/reactivity';
import { announce } from './announce';
import type { BoardCard, MovedCard } from './types';

/** How long an arrived card stays highlighted. */
export const HIGHLIGHT_MS = 4_000;

export class Arrivals {
	/** Highlighted now. */
	readonly highlighted = new SvelteSet<number>();
	/** The polite live region's text (the latest arrival from another screen). */
	announcement = $state('');
	/** The highlight timers, by card (plain: nothing is drawn from them). */
	#timers: Record<number, ReturnType<typeof setTimeout>> = {};

	/**
	 * Marks the moved cards as arrived. `cards` names them; `mine` tells which this screen moved
	 * (those are highlighted but not announced).
	 */
	arrive(moves: readonly MovedCard[], cards: readonly BoardCard[], mine: (id: number) => boolean) {
		for (const { candidateId } of moves) {
			this.highlighted.add(candidateId);
			clearTimeout(this.#timers[candidateId]);
			this.#timers[candidateId] = setTimeout(() => {
				this.highlighted.delete(candidateId);
				delete this.#timers[candidateId];
			}, HIGHLIGHT_MS);
		}
		const others = moves.filter((move) => !mine(move.candidateId));
		if (others.length > 0) this.announcement = announce(others, cards);
	}

	/** Stops the timers (the board is going away). */
	destroy(): void {
		for (const timer of Object.values(this.#timers)) clearTimeout(timer);
		this.#timers = {};
	}
}
