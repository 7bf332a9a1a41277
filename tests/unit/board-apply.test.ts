import { describe, expect, test } from 'vitest';
import { applyMessage, applyMoves } from '../../src/lib/board/apply';
import type { BoardMessage } from '../../src/lib/board/events';
import type { BoardCard } from '../../src/lib/board/types';

const base: Omit<BoardCard, 'id'> = {
	title: '某某',
	subtitle: '',
	track: 'suggestion',
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
	consultObjections: 0
};
const cards: BoardCard[] = [1, 2, 3].map((id) => ({ ...base, id }));
const moved = (seq: number): BoardMessage => ({
	type: 'candidates.moved',
	campaignId: 1,
	seq,
	moves: [{ candidateId: 2, from: 'joint', to: 'proposed', proposedTrack: 'suggestion' }]
});

describe('applyMessage', () => {
	const cases: [string, BoardMessage, number, string][] = [
		['the next event is applied', moved(11), 10, 'applied'],
		['an event already seen is ignored', moved(10), 10, 'ignored'],
		['an older event is ignored', moved(4), 10, 'ignored'],
		['a gap reloads', moved(12), 10, 'reload'],
		[
			'a hello at the same number is ignored',
			{ type: 'hello', campaignId: 1, seq: 10 },
			10,
			'ignored'
		],
		['a hello at another number reloads', { type: 'hello', campaignId: 1, seq: 13 }, 10, 'reload'],
		['keep-alives are ignored', { type: 'keepalive', at: 0 }, 10, 'ignored']
	];
	test.each(cases)('%s', (_name, message, seq, kind) => {
		expect(applyMessage(cards, seq, message).kind).toBe(kind);
	});

	test('an applied move changes that card only and advances the number', () => {
		const result = applyMessage(cards, 10, moved(11));
		expect(result).toMatchObject({ kind: 'applied', seq: 11 });
		if (result.kind !== 'applied') return;
		expect(result.cards.map((c) => [c.id, c.stage, c.proposedTrack])).toEqual([
			[1, 'joint', null],
			[2, 'proposed', 'suggestion'],
			[3, 'joint', null]
		]);
	});

	test('a consultation event updates the counts of its card', () => {
		const result = applyMessage(cards, 10, {
			type: 'candidate.consulted',
			campaignId: 1,
			seq: 11,
			candidateId: 3,
			consultClear: 2,
			consultObjections: 1,
			findings: { errors: 0, warnings: 1, infos: 0, codes: ['CONSULT-DATE'] }
		});
		expect(result.kind === 'applied' && result.cards[2]).toMatchObject({
			consultClear: 2,
			consultObjections: 1,
			errors: 0,
			warnings: 1,
			codes: ['CONSULT-DATE']
		});
	});
});

test('an objection event advances the number without touching the cards', () => {
	const result = applyMessage(cards, 10, {
		type: 'candidate.objection',
		campaignId: 1,
		seq: 11,
		candidateId: 2
	});
	expect(result).toEqual({ kind: 'applied', cards, seq: 11 });
});

test('an event of a kind the board does not know makes it reload', () => {
	const unknown = { type: 'candidate.renamed', campaignId: 1, seq: 11 } as unknown as BoardMessage;
	expect(applyMessage(cards, 10, unknown).kind).toBe('reload');
});

test('applying the same moves twice gives the same cards', () => {
	const moves = [
		{ candidateId: 1, from: 'joint' as const, to: 'not_selected' as const, proposedTrack: null }
	];
	expect(applyMoves(applyMoves(cards, moves), moves)).toEqual(applyMoves(cards, moves));
});
