import { describe, expect, test } from 'vitest';
import {
	approvalsNeeded,
	passRuleOf,
	quorum,
	roundResults,
	type PassRule,
	type RoundCount,
	type RoundOutcome
} from '$lib/domain';

describe('quorum: 实到 ≥ 应到 × 2/3', () => {
	const cases: [number, number, number, boolean][] = [
		// expected, present, needed, met
		[7, 5, 5, true],
		[7, 4, 5, false],
		[9, 6, 6, true],
		[9, 5, 6, false],
		[3, 2, 2, true],
		[3, 1, 2, false],
		[6, 4, 4, true],
		[1, 1, 1, true],
		[0, 0, 0, false]
	];
	test.each(cases)(
		'%i members, %i present → needs %i, met %s',
		(expected, present, needed, met) => {
			expect(quorum(expected, present)).toEqual({ expected, present, needed, met });
		}
	);
});

describe('approvals needed', () => {
	const cases: [number, PassRule, number][] = [
		[7, 'majority', 4],
		[6, 'majority', 4],
		[5, 'majority', 3],
		[1, 'majority', 1],
		[7, 'two-thirds', 5],
		[6, 'two-thirds', 4],
		[9, 'two-thirds', 6]
	];
	test.each(cases)('%i voters under %s → %i', (voters, rule, needed) => {
		expect(approvalsNeeded(voters, rule)).toBe(needed);
	});
	test('the campaign parameter names the rule', () => {
		expect([
			passRuleOf('majority-of-panel'),
			passRuleOf('two-thirds'),
			passRuleOf(undefined)
		]).toEqual(['majority', 'two-thirds', 'majority']);
	});
});

const count = (candidateId: number, approve: number, reject = 0, voters = 7): RoundCount => ({
	candidateId,
	voters,
	approve,
	reject
});

describe('roundResults: the pass rule, unmarked = 弃权', () => {
	test('counts, abstentions and the rule per candidate', () => {
		const results = roundResults([count(1, 4, 2), count(2, 3, 1), count(3, 0, 0, 0)], 'majority');
		expect(results.map((r) => [r.approve, r.reject, r.abstain, r.needed, r.outcome])).toEqual([
			[4, 2, 1, 4, 'passed'],
			[3, 1, 3, 4, 'failed'],
			[0, 0, 0, 1, 'failed']
		]);
	});
	test('recused members are left out of the denominator (6 voters: 4 needed)', () => {
		expect(roundResults([count(1, 3, 0, 6)], 'majority')[0]!.outcome).toBe('failed');
		expect(roundResults([count(1, 3, 0, 5)], 'majority')[0]!.outcome).toBe('passed');
	});
	test('2/3 rule', () => {
		expect(roundResults([count(1, 4)], 'two-thirds')[0]!.outcome).toBe('failed');
		expect(roundResults([count(1, 5)], 'two-thirds')[0]!.outcome).toBe('passed');
	});
});

describe('roundResults on a 差额 ballot: rank by approvals, a tie at the last place', () => {
	const cases: [string, number[], number, RoundOutcome[]][] = [
		['fewer passing than places', [7, 5, 2], 3, ['passed', 'passed', 'failed']],
		['exactly the places', [7, 5, 4], 3, ['passed', 'passed', 'passed']],
		['one too many, clear order', [7, 6, 5, 4], 3, ['passed', 'passed', 'passed', 'outranked']],
		['tie at the last place', [7, 5, 5, 4], 2, ['passed', 'tie', 'tie', 'outranked']],
		[
			'tie above the last place passes',
			[6, 6, 5, 4],
			3,
			['passed', 'passed', 'passed', 'outranked']
		],
		['all tied for one place', [5, 5, 5], 1, ['tie', 'tie', 'tie']],
		['no places left', [7, 6], 0, ['outranked', 'outranked']],
		['failures are not ranked', [7, 3, 6, 6], 2, ['passed', 'failed', 'tie', 'tie']]
	];
	test.each(cases)('%s', (_name, approvals, places, outcomes) => {
		const results = roundResults(
			approvals.map((a, i) => count(i + 1, a)),
			'majority',
			places
		);
		expect(results.map((r) => r.outcome)).toEqual(outcomes);
	});
	test('ranks share a place when tied', () => {
		const results = roundResults(
			[count(1, 5), count(2, 7), count(3, 5), count(4, 2)],
			'majority',
			3
		);
		expect(results.map((r) => r.rank)).toEqual([2, 1, 2, null]);
	});
});
