import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Lands each role where its work is: the board, or a unit's own nominations. */
export const load = (async ({ locals }) => {
	const [first, ...others] = locals.roles;
	if (first && others.length === 0) {
		redirect(303, `/c/${first.campaignId}/${first.role === 'unit' ? 'unit' : 'board'}`);
	}
	return {
		campaigns: locals.roles.map((r) => ({
			campaignId: r.campaignId,
			campaignName: r.campaignName,
			view: r.role === 'unit' ? ('unit' as const) : ('board' as const)
		}))
	};
}) satisfies PageServerLoad;
