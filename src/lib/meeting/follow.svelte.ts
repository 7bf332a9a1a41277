/**
 * Which candidate a meeting device shows: the chair's current one while following, or one the
 * panelist picked after stepping away; one click goes back to following.
 */
export class FollowState {
	following = $state(true);
	picked = $state<number | null>(null);

	/** The candidate to show, given the chair's current one. */
	shown(current: number | null): number | null {
		return this.following ? current : this.picked;
	}

	/** Steps away to look at another candidate. */
	pick(id: number): void {
		this.following = false;
		this.picked = id;
	}

	/** Back to the chair's candidate. */
	follow(): void {
		this.following = true;
		this.picked = null;
	}
}
