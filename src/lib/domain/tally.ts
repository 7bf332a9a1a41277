/**
 * Joint-review votes (SPEC §6) and the pass rule of SPEC §2: a candidate passes when more than
 * half of the panel's voting members approve (过半数). Recused panelists are not voting members;
 * abstentions and members who did not vote count in the denominator, not as approvals.
 */

/** A panelist's vote: 同意, 不同意, 弃权. */
export type VoteChoice = 'approve' | 'reject' | 'abstain';

/** Chinese names of the vote choices. */
export const voteChoiceLabels: Record<VoteChoice, string> = {
	approve: '同意',
	reject: '不同意',
	abstain: '弃权'
};

/** One vote on one candidate. */
export interface Vote {
	panelistId: string;
	choice: VoteChoice;
}

/** Everything a tally needs: the votes, the panel, and who is recused for this candidate. */
export interface TallyInput {
	votes: readonly Vote[];
	/** Ids of the panel's members. */
	panel: readonly string[];
	/** Ids of members recused for this candidate (conflict of interest, SPEC §6). */
	recused?: readonly string[];
}

/** The count of a vote and whether it passed. */
export interface TallyResult {
	approve: number;
	reject: number;
	abstain: number;
	/** Voting members who have not voted. */
	notVoted: number;
	/** Panel members minus recused ones. */
	votingMembers: number;
	/** Approvals needed to pass: floor(votingMembers / 2) + 1. */
	needed: number;
	passed: boolean;
}

/**
 * Counts the votes of voting members only (votes from recused members or non-members are
 * ignored; a member's last vote in the list counts) and applies the majority-of-panel rule.
 * With no voting members nothing passes.
 */
export function tally(input: TallyInput): TallyResult {
	const recused = new Set(input.recused ?? []);
	const voting = new Set(input.panel.filter((id) => !recused.has(id)));
	const choices = new Map<string, VoteChoice>();
	for (const vote of input.votes)
		if (voting.has(vote.panelistId)) choices.set(vote.panelistId, vote.choice);
	const count = (choice: VoteChoice) => [...choices.values()].filter((c) => c === choice).length;
	const approve = count('approve');
	const votingMembers = voting.size;
	const needed = Math.floor(votingMembers / 2) + 1;
	return {
		approve,
		reject: count('reject'),
		abstain: count('abstain'),
		notVoted: votingMembers - choices.size,
		votingMembers,
		needed,
		passed: votingMembers > 0 && approve >= needed
	};
}

/** How a round decides (SPEC §2): 过半数 of the present, non-recused members, or two thirds. */
export type PassRule = 'majority' | 'two-thirds';

/** The pass rule a campaign's parameter names; anything but an explicit 2/3 is 过半数. */
export function passRuleOf(parameter: string | undefined): PassRule {
	return parameter === 'two-thirds' ? 'two-thirds' : 'majority';
}

/** Whether a meeting has its quorum: 实到 ≥ 应到 × 2/3 (SPEC §2). */
export interface Quorum {
	/** 应到: the panel's members. */
	expected: number;
	/** 实到: members signed in as present. */
	present: number;
	/** The fewest present members that make a quorum: ⌈应到 × 2/3⌉. */
	needed: number;
	met: boolean;
}

/** Quorum of a panel of `expected` members with `present` signed in; an empty panel has none. */
export function quorum(expected: number, present: number): Quorum {
	const needed = Math.ceil((expected * 2) / 3);
	return { expected, present, needed, met: expected > 0 && present * 3 >= expected * 2 };
}

/** Approvals needed to pass with `voters` present, non-recused members under `rule`. */
export function approvalsNeeded(voters: number, rule: PassRule): number {
	return rule === 'two-thirds' ? Math.ceil((voters * 2) / 3) : Math.floor(voters / 2) + 1;
}

/** One candidate's counts at the close of a round: the marked approvals and rejections. */
export interface RoundCount {
	candidateId: number;
	/** Present, non-recused members when the round opened (the denominator). */
	voters: number;
	approve: number;
	reject: number;
}

/** How a candidate came out of a round. */
export type RoundOutcome = 'passed' | 'failed' | 'tie' | 'outranked';

/** Chinese names of the outcomes, as the screen and the minutes show them. */
export const roundOutcomeLabels: Record<RoundOutcome, string> = {
	passed: '通过',
	failed: '未通过',
	tie: '票数相同，需再次投票',
	outranked: '超出名额'
};

/** One candidate's result: the three counts (unmarked = 弃权), the rule applied, the outcome. */
export interface RoundResult {
	candidateId: number;
	voters: number;
	approve: number;
	reject: number;
	abstain: number;
	needed: number;
	/** Met the pass rule, before any ranking for places. */
	metRule: boolean;
	/** 1-based rank by approvals among those that met the rule; null for the others. */
	rank: number | null;
	outcome: RoundOutcome;
}

/**
 * Results of a closed round. Each candidate meets the rule when its approvals reach
 * `approvalsNeeded`; unmarked ballots count as 弃权. On a 差额 ballot (`places` set) with more
 * candidates meeting the rule than places, they rank by approvals: those above the last place
 * pass, a tie at the last place is `tie` (a new round decides), and the rest are `outranked`.
 * Results keep the input order.
 */
export function roundResults(
	counts: readonly RoundCount[],
	rule: PassRule,
	places: number | null = null
): RoundResult[] {
	const base = counts.map((c) => {
		const needed = approvalsNeeded(c.voters, rule);
		const metRule = c.voters > 0 && c.approve >= needed;
		return {
			candidateId: c.candidateId,
			voters: c.voters,
			approve: c.approve,
			reject: c.reject,
			abstain: Math.max(0, c.voters - c.approve - c.reject),
			needed,
			metRule,
			rank: null as number | null,
			outcome: (metRule ? 'passed' : 'failed') as RoundOutcome
		};
	});
	const ranked = base.filter((r) => r.metRule).sort((a, b) => b.approve - a.approve);
	for (const r of ranked) r.rank = ranked.filter((o) => o.approve > r.approve).length + 1;
	if (places !== null && ranked.length > places) {
		const cut = places > 0 ? ranked[places - 1]!.approve : Infinity;
		const tiedAtCut = places > 0 && ranked[places]!.approve === cut;
		for (const r of ranked) {
			if (r.approve > cut || (r.approve === cut && !tiedAtCut)) r.outcome = 'passed';
			else if (r.approve === cut) r.outcome = 'tie';
			else r.outcome = 'outranked';
		}
	}
	return base;
}
