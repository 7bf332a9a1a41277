/**
 * What the board does with live events besides moving cards: the side panel knows which events
 * concern its candidate, an arriving card is announced by name, and a card sent to an off-ramp
 * keeps its way back.
 */
import { describe, expect, test } from 'vitest';
import { announce } from '../../src/lib/board/announce';
import { applyMoves } from '../../src/lib/board/apply';
import type { BoardMessage } from '../../src/lib/board/events';
import { concernsCandidate, moveOf } from '../../src/lib/board/panel-follow';
import type { MovedCard } from '../../src/lib/board/types';
import { boardCard, movesTo, noList } from './board-fixtures';

const card = (id: number, title: string) => boardCard(id, { title });
const cards = [card(1, '张三'), card(2, '李四'), card(3, '王五'), card(4, '赵六')];
const to = movesTo;
const head = { campaignId: 1, seq: 5 };
/** A move event; the panel follows the moves, whatever cards and counts it carries. */
const moved = (moves: MovedCard[]): BoardMessage => ({
	...head,
	type: 'candidates.moved',
	moves,
	cards: [],
	list: noList
});

describe('concernsCandidate', () => {
	const cases: [string, BoardMessage, boolean][] = [
		['its move', moved(to('proposed', 1, 2)), true],
		['others’ moves', moved(to('proposed', 2, 3)), false],
		[
			'a consultation on it',
			{
				...head,
				type: 'candidate.consulted',
				candidateId: 1,
				consultClear: 1,
				consultObjections: 0,
				findings: { errors: 0, warnings: 0, infos: 0, codes: [] }
			},
			true
		],
		[
			'a consultation on another',
			{
				...head,
				type: 'candidate.consulted',
				candidateId: 2,
				consultClear: 1,
				consultObjections: 0,
				findings: { errors: 0, warnings: 0, infos: 0, codes: [] }
			},
			false
		],
		['an objection on it', { ...head, type: 'candidate.objection', candidateId: 1 }, true],
		['an objection on another', { ...head, type: 'candidate.objection', candidateId: 9 }, false],
		['a reload of the board', { ...head, type: 'board.reloaded', cause: 'import', count: 3 }, true],
		[
			'someone typing in its comment (the panel has its own live editor)',
			{ ...head, type: 'candidate.comment', candidateId: 1, hasComment: true, writing: true },
			false
		],
		['a keep-alive', { type: 'keepalive', at: 1 }, false]
	];
	test.each(cases)('%s', (_name, message, expected) => {
		expect(concernsCandidate(message, 1)).toBe(expected);
	});

	test('moveOf finds the candidate’s own move', () => {
		const message = moved(to('notice', 2, 1));
		expect(moveOf(message, 1)).toMatchObject({ candidateId: 1, to: 'notice' });
		expect(moveOf(message, 3)).toBeNull();
		expect(moveOf({ ...head, type: 'candidate.objection', candidateId: 1 }, 1)).toBeNull();
	});
});

describe('announce', () => {
	const cases: [string, MovedCard[], string][] = [
		['one card', to('notice', 1), '「张三」已移至“公示”。'],
		['three cards by name', to('withdrawn', 1, 2, 3), '「张三」、「李四」、「王五」已移至“撤销”。'],
		['four cards by count', to('not_selected', 1, 2, 3, 4), '4 项已移至“未入选”。'],
		[
			'two columns',
			[...to('proposed', 1), ...to('withdrawn', 2)],
			'「张三」已移至“拟表彰”；「李四」已移至“撤销”。'
		],
		['a card this screen does not hold', to('joint', 99), '「一项」已移至“联合评审”。']
	];
	test.each(cases)('%s', (_name, moves, expected) => {
		expect(announce(moves, cards)).toBe(expected);
	});
});

describe('applyMoves: the way back', () => {
	test('a card sent to 撤销 keeps where it came from; leaving the off-ramp clears it', () => {
		const away = applyMoves(cards, [{ ...to('withdrawn', 1)[0]!, returnsTo: 'joint' }]);
		expect(away[0]).toMatchObject({ stage: 'withdrawn', returnsTo: 'joint' });
		const back = applyMoves(away, [
			{ candidateId: 1, from: 'withdrawn', to: 'joint', proposedTrack: null }
		]);
		expect(back[0]).toMatchObject({ stage: 'joint', returnsTo: null });
	});
});
