/**
 * Live events on a board that holds only some of its cards (issue 11): a move carries its cards
 * as they are now, so columns count it in and out, and a card that passes the filters appears,
 * whether or not this screen had loaded it.
 */
import { describe, expect, test } from 'vitest';
import { applyMessage, applyMoves, compareCards, mergeCards } from '../../src/lib/board/apply';
import type { BoardMessage } from '../../src/lib/board/events';
import { noFilters, type BoardFilters } from '../../src/lib/board/filters';
import type { BoardCard, MovedCard } from '../../src/lib/board/types';
import { listCounts } from '../../src/lib/domain/meters';
import { presets } from '../../src/lib/domain/campaign';
import { boardCard, columnCounts, fullView, movesTo, noList } from './board-fixtures';

const cards: BoardCard[] = [1, 2, 3].map((id) => boardCard(id, { track: 'suggestion' }));
const params = presets['chongqing-2022'];
const afterList = listCounts(
	[
		{
			ref: '2',
			track: 'suggestion',
			division: false,
			municipalOrgan: false,
			enterpriseHead: false
		}
	],
	params
);

/** A move event carrying each moved card as it is after the move. */
function movedEvent(seq: number, moves: MovedCard[], now: BoardCard[]): BoardMessage {
	return {
		type: 'candidates.moved',
		campaignId: 1,
		seq,
		moves,
		cards: now.map((card) => {
			const move = moves.find((m) => m.candidateId === card.id)!;
			return { ...card, stage: move.to, proposedTrack: move.proposedTrack };
		}),
		list: afterList
	};
}
const moveTwo = (seq: number) =>
	movedEvent(
		seq,
		[{ candidateId: 2, from: 'joint', to: 'proposed', proposedTrack: 'suggestion' }],
		[cards[1]!]
	);

describe('applyMessage: which events apply', () => {
	const cases: [string, BoardMessage, number, string][] = [
		['the next event is applied', moveTwo(11), 10, 'applied'],
		['an event already seen is ignored', moveTwo(10), 10, 'ignored'],
		['an older event is ignored', moveTwo(4), 10, 'ignored'],
		['a gap reloads', moveTwo(12), 10, 'reload'],
		[
			'a hello at the same number is ignored',
			{ type: 'hello', campaignId: 1, seq: 10 },
			10,
			'ignored'
		],
		['a hello at another number reloads', { type: 'hello', campaignId: 1, seq: 13 }, 10, 'reload'],
		['keep-alives are ignored', { type: 'keepalive', at: 0 }, 10, 'ignored'],
		[
			'a move stored before moves carried their cards reloads',
			{ type: 'candidates.moved', campaignId: 1, seq: 11, moves: movesTo('proposed', 2) } as never,
			10,
			'reload'
		],
		[
			'an event of a kind the board does not know reloads',
			{ type: 'candidate.renamed', campaignId: 1, seq: 11 } as never,
			10,
			'reload'
		]
	];
	test.each(cases)('%s', (_name, message, seq, kind) => {
		expect(applyMessage(fullView(cards, seq), noFilters, message).kind).toBe(kind);
	});
});

describe('applyMessage: a move', () => {
	test('moves the card, counts it out and in, takes the list counts, advances the number', () => {
		const result = applyMessage(fullView(cards, 10), noFilters, moveTwo(11));
		expect(result.kind).toBe('applied');
		if (result.kind !== 'applied') return;
		expect(result.view.seq).toBe(11);
		expect(result.view.cards.map((c) => [c.id, c.stage, c.proposedTrack])).toEqual([
			[1, 'joint', null],
			[2, 'proposed', 'suggestion'],
			[3, 'joint', null]
		]);
		expect([result.view.all.joint, result.view.all.proposed]).toEqual([2, 1]);
		expect([result.view.shown.joint, result.view.shown.proposed]).toEqual([2, 1]);
		expect(result.view.list).toEqual(afterList);
	});

	// A board holding only card 1 of a 联合评审 column of 100 (99 not loaded), and 5 in 拟表彰.
	const partial = (filters: BoardFilters = noFilters) => ({
		view: {
			cards: [boardCard(1)],
			all: columnCounts({ joint: 100, proposed: 5 }),
			shown: columnCounts({ joint: 100, proposed: 5 }),
			list: noList,
			seq: 10
		},
		filters
	});
	const unloaded = boardCard(77, { unitId: 9, title: '未载入的候选人', district: '万州区' });
	const moveUnloaded = movedEvent(
		11,
		[{ candidateId: 77, from: 'joint', to: 'proposed', proposedTrack: 'individual' }],
		[unloaded]
	);
	const cases: {
		what: string;
		filters: BoardFilters;
		joint: [number, number];
		proposed: [number, number];
		held: number[];
	}[] = [
		{
			what: 'no filters: counted out and in, and it appears',
			filters: noFilters,
			joint: [99, 99],
			proposed: [6, 6],
			held: [1, 77]
		},
		{
			what: 'a filter it passes (district 万州区): shown counts move too',
			filters: { ...noFilters, district: '万州区' },
			joint: [99, 99],
			proposed: [6, 6],
			held: [1, 77]
		},
		{
			what: 'a filter it fails (district 渝中区): only the whole columns change',
			filters: { ...noFilters, district: '渝中区' },
			joint: [99, 100],
			proposed: [6, 5],
			held: [1]
		},
		{
			what: 'a stage filter on 联合评审: counted out, not shown in 拟表彰',
			filters: { ...noFilters, stage: 'joint' },
			joint: [99, 99],
			proposed: [6, 5],
			held: [1]
		},
		{
			what: 'a search it matches',
			filters: { ...noFilters, query: '未载入' },
			joint: [99, 99],
			proposed: [6, 6],
			held: [1, 77]
		}
	];
	test.each(cases)('$what', ({ filters, joint, proposed, held }) => {
		const { view } = partial(filters);
		const result = applyMessage(view, filters, moveUnloaded);
		if (result.kind !== 'applied') throw new Error(`not applied: ${result.kind}`);
		expect([result.view.all.joint, result.view.shown.joint]).toEqual(joint);
		expect([result.view.all.proposed, result.view.shown.proposed]).toEqual(proposed);
		expect(result.view.cards.map((c) => c.id)).toEqual(held);
		expect(result.view.list).toEqual(afterList);
	});

	test('a card this screen already moved (confirmed early) is counted once', () => {
		const view = fullView(cards, 10);
		const early = { ...view, cards: applyMoves(view.cards, movesTo('proposed', 2)) };
		const result = applyMessage(early, noFilters, moveTwo(11));
		if (result.kind !== 'applied') throw new Error('not applied');
		expect([result.view.shown.joint, result.view.shown.proposed]).toEqual([2, 1]);
		expect(result.view.cards.filter((c) => c.id === 2)).toHaveLength(1);
	});
});

describe('applyMessage: a consultation', () => {
	const consulted = (candidateId: number, errors: number): BoardMessage => ({
		type: 'candidate.consulted',
		campaignId: 1,
		seq: 11,
		candidateId,
		consultClear: 2,
		consultObjections: 1,
		findings: { errors, warnings: 1, infos: 0, codes: ['CONSULT-DATE'] }
	});

	test('updates the counts and findings of its card', () => {
		const result = applyMessage(fullView(cards, 10), noFilters, consulted(3, 0));
		expect(result.kind === 'applied' && result.view.cards[2]).toMatchObject({
			consultClear: 2,
			consultObjections: 1,
			errors: 0,
			warnings: 1,
			codes: ['CONSULT-DATE']
		});
	});

	const errorsOnly = { ...noFilters, finding: 'error' };
	const cases: [string, BoardFilters, number, number, string, number | null][] = [
		['a card not loaded, no finding filter: nothing to redraw', noFilters, 9, 0, 'applied', 3],
		['a card not loaded under a finding filter: ask the server', errorsOnly, 9, 0, 'reload', null],
		['a loaded card that stops passing the filter leaves', errorsOnly, 3, 0, 'applied', 2],
		['a loaded card that still passes stays', errorsOnly, 3, 2, 'applied', 3]
	];
	test.each(cases)('%s', (_name, filters, id, errors, kind, shownJoint) => {
		const held = cards.map((card) => ({ ...card, errors: 1 }));
		const result = applyMessage(fullView(held, 10), filters, consulted(id, errors));
		expect(result.kind).toBe(kind);
		if (result.kind === 'applied') {
			expect(result.view.shown.joint).toBe(shownJoint);
			expect(result.view.cards).toHaveLength(shownJoint!);
		}
	});
});

test('an objection event advances the number without touching the cards', () => {
	const view = fullView(cards, 10);
	const result = applyMessage(view, noFilters, {
		type: 'candidate.objection',
		campaignId: 1,
		seq: 11,
		candidateId: 2
	});
	expect(result).toEqual({ kind: 'applied', view: { ...view, seq: 11 } });
});

test('applying the same moves twice gives the same cards', () => {
	const moves = movesTo('not_selected', 1);
	expect(applyMoves(applyMoves(cards, moves), moves)).toEqual(applyMoves(cards, moves));
});

describe('the board order (the server ORDER BY unit, track, id)', () => {
	test.each([
		[{ unitId: 1, track: 'suggestion', id: 1 }, { unitId: 2, track: 'collective', id: 0 }, -1],
		[{ unitId: 2, track: 'collective', id: 9 }, { unitId: 2, track: 'individual', id: 1 }, -1],
		[{ unitId: 2, track: 'individual', id: 3 }, { unitId: 2, track: 'individual', id: 2 }, 1],
		[{ unitId: 2, track: 'individual', id: 3 }, { unitId: 2, track: 'individual', id: 3 }, 0]
	])('%o vs %o', (a, b, sign) => {
		expect(Math.sign(compareCards(a, b))).toBe(sign);
	});

	test('a page merged in replaces held copies and keeps the order', () => {
		const held = [boardCard(5, { unitId: 3 }), boardCard(2, { unitId: 1 })].sort(compareCards);
		const page = [boardCard(5, { unitId: 3, title: '新' }), boardCard(4, { unitId: 2 })];
		expect(mergeCards(held, page).map((c) => [c.id, c.title])).toEqual([
			[2, '某某'],
			[4, '某某'],
			[5, '新']
		]);
	});
});
