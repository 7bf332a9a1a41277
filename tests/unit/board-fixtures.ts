/** Cards and board views for the board's client-side tests. */
import type { BoardView } from '../../src/lib/board/apply';
import type { BoardCard, ColumnCounts, MovedCard } from '../../src/lib/board/types';
import { listCounts, type ListCounts } from '../../src/lib/domain/meters';
import { stages, type Stage } from '../../src/lib/domain/stages';
import { presets } from '../../src/lib/domain/campaign';

/** A clean individual in 联合评审 of unit 1; `overrides` change what a case needs. */
export function boardCard(id: number, overrides: Partial<BoardCard> = {}): BoardCard {
	return {
		id,
		title: '某某',
		subtitle: '',
		track: 'individual',
		stage: 'joint',
		proposedTrack: null,
		isStation: false,
		unitId: 1,
		unitName: '渝中区人大代表联系组',
		district: '渝中区',
		division: false,
		municipalOrgan: false,
		enterpriseHead: false,
		grassroots: false,
		errors: 0,
		warnings: 0,
		infos: 0,
		codes: [],
		consultRequired: 0,
		consultClear: 0,
		consultObjections: 0,
		...overrides
	};
}

/** Column sizes: zero everywhere but where given. */
export function columnCounts(given: Partial<ColumnCounts> = {}): ColumnCounts {
	return Object.fromEntries(stages.map((stage) => [stage, given[stage] ?? 0])) as ColumnCounts;
}

/** An empty proposed list's counts. */
export const noList: ListCounts = listCounts([], presets['chongqing-2022']);

/** A board holding `cards` with every column fully loaded and no filters. */
export function fullView(cards: BoardCard[], seq: number): BoardView {
	const counts = columnCounts();
	for (const card of cards) counts[card.stage]++;
	return { cards, all: counts, shown: { ...counts }, list: noList, seq };
}

/** Moves of the given cards from 联合评审 to `stage`. */
export const movesTo = (stage: Stage, ...ids: number[]): MovedCard[] =>
	ids.map((candidateId) => ({ candidateId, from: 'joint', to: stage, proposedTrack: null }));
