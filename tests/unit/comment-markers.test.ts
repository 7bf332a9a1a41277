/** The board's comment markers arrive as `candidate.comment` events and redraw one card. */
import { describe, expect, test } from 'vitest';
import { applyMessage } from '../../src/lib/board/apply';
import type { BoardMessage } from '../../src/lib/board/events';
import { noFilters } from '../../src/lib/board/filters';
import { boardCard, fullView } from './board-fixtures';

const card = (id: number) => boardCard(id);

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
			const result = applyMessage(fullView([card(1), card(2)], 5), noFilters, message);
			expect(result.kind).toBe('applied');
			if (result.kind !== 'applied') return;
			expect(result.view.seq).toBe(6);
			const [first, second] = result.view.cards;
			expect([second!.hasComment, second!.commentWriting]).toEqual(marks);
			expect(first).toEqual(card(1));
		});
	}

	test('a gap before it still reloads the board', () => {
		expect(applyMessage(fullView([card(2)], 3), noFilters, comment(6, true, false)).kind).toBe(
			'reload'
		);
	});
});
