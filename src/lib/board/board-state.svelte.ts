/**
 * The board a client holds: the cards it has loaded, the columns' sizes, the list's counts for
 * the meters, and the event number they reflect — all from the server for the filters in the
 * URL. Live events are applied through `applyMessage`; anything it cannot apply (a gap, an
 * unknown event) asks for a reload.
 */
import type { Stage } from '../domain/stages';
import type { ListCounts } from '../domain/meters';
import { applyMessage, applyMoves, mergeCards, type BoardView } from './apply';
import type { BoardMessage } from './events';
import { noFilters, type BoardFilters } from './filters';
import type { BoardCard, BoardColumns, ColumnCounts, MovedCard } from './types';

export class BoardState {
	cards = $state.raw<BoardCard[]>([]);
	seq = $state(0);
	all = $state.raw<ColumnCounts>({} as ColumnCounts);
	shown = $state.raw<ColumnCounts>({} as ColumnCounts);
	list = $state.raw<ListCounts>({} as ListCounts);
	/** Cards in the whole campaign, and those passing the filters. */
	total = $derived(Object.values(this.all).reduce((sum, n) => sum + n, 0));
	totalShown = $derived(Object.values(this.shown).reduce((sum, n) => sum + n, 0));
	/** The filters the server applied to what it sent (judges the cards events bring). */
	#filters: BoardFilters = noFilters;

	constructor(data: BoardColumns, seq: number, filters: BoardFilters) {
		this.reset(data, seq, filters);
	}

	/** Takes fresh data from the server. */
	reset(data: BoardColumns, seq: number, filters: BoardFilters): void {
		this.cards = data.cards;
		this.all = data.all;
		this.shown = data.shown;
		this.list = data.list;
		this.seq = seq;
		this.#filters = filters;
	}

	/** The loaded cards of one column. */
	inColumn(stage: Stage): BoardCard[] {
		return this.cards.filter((card) => card.stage === stage);
	}

	/** Cards of a column passing the filters that are not loaded yet. */
	remaining(stage: Stage): number {
		return Math.max(0, (this.shown[stage] ?? 0) - this.inColumn(stage).length);
	}

	/** Adds a page of a column fetched from the server. */
	addPage(cards: readonly BoardCard[]): void {
		this.cards = mergeCards(this.cards, cards);
	}

	/** Applies a live message; returns true when the board must be reloaded from the server. */
	receive(message: BoardMessage): boolean {
		const view: BoardView = {
			cards: this.cards,
			all: this.all,
			shown: this.shown,
			list: this.list,
			seq: this.seq
		};
		const result = applyMessage(view, this.#filters, message);
		if (result.kind === 'applied') {
			this.cards = result.view.cards;
			this.all = result.view.all;
			this.shown = result.view.shown;
			this.list = result.view.list;
			this.seq = result.view.seq;
		}
		return result.kind === 'reload';
	}

	/** Shows moves the server confirmed before their event arrives (re-applying is harmless). */
	confirm(moves: readonly MovedCard[]): void {
		this.cards = applyMoves(this.cards, moves);
	}
}
