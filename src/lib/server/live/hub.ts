/**
 * In-process fan-out of board events to the sockets of this instance. Events are published after
 * their transaction commits and carry the campaign's sequence number, so a client that sees a gap
 * reloads instead of guessing (ARCHITECTURE.md, "Live board").
 */

import type { LiveEvent } from '../../board/events';

export type { LiveEvent };

export type LiveListener = (event: LiveEvent) => void;

export class LiveHub {
	#listeners = new Map<number, Set<LiveListener>>();

	/** Listens to one campaign's events; returns the unsubscribe function. */
	subscribe(campaignId: number, listener: LiveListener): () => void {
		let set = this.#listeners.get(campaignId);
		if (!set) {
			set = new Set();
			this.#listeners.set(campaignId, set);
		}
		set.add(listener);
		return () => {
			set.delete(listener);
			if (set.size === 0) this.#listeners.delete(campaignId);
		};
	}

	publish(event: LiveEvent): void {
		for (const listener of this.#listeners.get(event.campaignId) ?? []) listener(event);
	}

	/** Campaigns that have at least one listener here. */
	campaigns(): number[] {
		return [...this.#listeners.keys()];
	}

	subscriberCount(campaignId: number): number {
		return this.#listeners.get(campaignId)?.size ?? 0;
	}
}
