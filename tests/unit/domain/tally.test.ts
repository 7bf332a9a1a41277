import { describe, expect, test } from 'vitest';
import { tally, type Vote, type VoteChoice } from '$lib/domain';

const panel = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const votes = (...choices: VoteChoice[]): Vote[] =>
	choices.map((choice, i) => ({ panelistId: `p${i + 1}`, choice }));

describe('tally (过半数 of the panel’s voting members)', () => {
	const cases: [string, Vote[], string[], string[], boolean, number][] = [
		[
			'4 of 7 approve',
			votes('approve', 'approve', 'approve', 'approve', 'reject', 'reject', 'reject'),
			panel,
			[],
			true,
			4
		],
		['3 of 7 approve', votes('approve', 'approve', 'approve', 'reject'), panel, [], false, 4],
		[
			'4 of 7 with 3 not voting',
			votes('approve', 'approve', 'approve', 'approve'),
			panel,
			[],
			true,
			4
		],
		[
			'abstentions do not help',
			votes('approve', 'approve', 'approve', 'abstain', 'abstain', 'abstain', 'abstain'),
			panel,
			[],
			false,
			4
		],
		[
			'exactly half of 6 is not more than half',
			votes('approve', 'approve', 'approve', 'reject', 'reject', 'reject'),
			panel.slice(0, 6),
			[],
			false,
			4
		],
		[
			'one of 6 recused: 3 of the 5 voting members pass',
			votes('approve', 'approve', 'approve'),
			panel.slice(0, 6),
			['p6'],
			true,
			3
		],
		[
			'recused member’s vote ignored',
			votes('approve', 'approve', 'approve', 'reject'),
			panel.slice(0, 6),
			['p1'],
			false,
			3
		],
		['nobody can vote', votes('approve'), ['p1'], ['p1'], false, 1]
	];
	test.each(cases)('%s', (_name, cast, members, recused, passed, needed) => {
		const result = tally({ votes: cast, panel: members, recused });
		expect(result.passed).toBe(passed);
		expect(result.needed).toBe(needed);
	});

	test('counts each kind, the last vote of a member, and ignores non-members', () => {
		const result = tally({
			votes: [
				{ panelistId: 'p1', choice: 'reject' },
				{ panelistId: 'p1', choice: 'approve' },
				{ panelistId: 'p2', choice: 'abstain' },
				{ panelistId: 'x', choice: 'approve' }
			],
			panel: ['p1', 'p2', 'p3'],
			recused: []
		});
		expect(result).toEqual({
			approve: 1,
			reject: 0,
			abstain: 1,
			notVoted: 1,
			votingMembers: 3,
			needed: 2,
			passed: false
		});
	});
});
