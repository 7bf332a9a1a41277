/** The board's comment markers arrive as `candidate.comment` events and redraw one card. */
import { describe, expect, test } from 'vitest';
import { applyMessage } from '../../src/lib/board/apply';
import type { BoardMessage } from '../../src/lib/board/events';
import type { BoardCard } from '../../src/lib/board/types';

const card = (id: number): BoardCard => ({
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
	consultObjections: 0
});

const comment = (seq: number, hasComment: boolean, writing: boolean): BoardMessage => ({
	type: 'candidate.comment',
	campaignId: 1,
	seq,
	candidateId: 2,
	hasComment,
	writing
});

describe('applyMessage: candidate.comment', () => {
	const cases = [
		{ what: 'someone starts writing', message: comment(6, false, true), marks: [false, true] },
		{
			what: 'the comment has text and they still write',
			message: comment(6, true, true),
			marks: [true, true]
		},
		{ what: 'they stopped', message: comment(6, true, false), marks: [true, false] },
		{ what: 'the text was deleted', message: comment(6, false, false), marks: [false, false] }
	];
	for (const { what, message, marks } of cases) {
		test(`${what}: only that card's markers change, no reload`, () => {
			const result = applyMessage([card(1), card(2)], 5, message);
			expect(result.kind).toBe('applied');
			if (result.kind !== 'applied') return;
			expect(result.seq).toBe(6);
			expect([result.cards[1]!.hasComment, result.cards[1]!.commentWriting]).toEqual(marks);
			expect(result.cards[0]).toEqual(card(1));
		});
	}

	test('a gap before it still reloads the board', () => {
		expect(applyMessage([card(2)], 3, comment(6, true, false)).kind).toBe('reload');
	});
});
