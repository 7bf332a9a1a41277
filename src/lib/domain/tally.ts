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
