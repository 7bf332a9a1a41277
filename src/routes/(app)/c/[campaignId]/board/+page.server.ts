import { requireRole } from '$lib/server/auth/guard';
import { listCandidates } from '$lib/server/board/candidates';
import { boardRoles } from '$lib/server/memberships';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const role = requireRole(locals, params.campaignId, boardRoles);
	const { db } = await getRuntime();
	return {
		campaignId: role.campaignId,
		role: role.role,
		candidates: await listCandidates(db, role.campaignId)
	};
}) satisfies PageServerLoad;
