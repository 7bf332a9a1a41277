import { requireUser } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	requireUser(locals, url);
	return {
		roles: locals.roles.map(({ campaignId, campaignName, role }) => ({
			campaignId,
			campaignName,
			role
		}))
	};
}) satisfies LayoutServerLoad;
