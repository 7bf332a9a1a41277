import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireRole } from '$lib/server/auth/guard';
import { listCandidates } from '$lib/server/board/candidates';
import { unit } from '$lib/server/db/schema';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** A recommending unit's own nominations and their status. */
export const load = (async ({ locals, params }) => {
	const role = requireRole(locals, params.campaignId, ['unit']);
	if (!role.unitId) error(403, '您的账号没有关联推荐单位，请联系秘书处。');
	const { db } = await getRuntime();
	const [own] = await db.select().from(unit).where(eq(unit.id, role.unitId));
	if (!own) error(404, '找不到您的推荐单位。');
	return {
		campaignId: role.campaignId,
		unitName: own.name,
		candidates: await listCandidates(db, role.campaignId, { unitId: own.id })
	};
}) satisfies PageServerLoad;
