import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { canViewOwnUnit } from '$lib/permissions';
import { requireAccess } from '$lib/server/auth/guard';
import { boardCards } from '$lib/server/board/cards';
import { campaign, unit } from '$lib/server/db/schema';
import { findingsOf } from '$lib/server/import/findings';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** A recommending unit's own nominations, their status, and the unit's own findings (SPEC §4.2). */
export const load = (async ({ locals, params }) => {
	const role = requireAccess(locals, params.campaignId, canViewOwnUnit);
	if (!role.unitId) error(403, '您的账号没有关联推荐单位，请联系秘书处。');
	const { db } = await getRuntime();
	const [own] = await db.select().from(unit).where(eq(unit.id, role.unitId));
	if (!own) error(404, '找不到您的推荐单位。');
	const unitFindings = await findingsOf(db, { unitId: own.id }, role);
	const [owner] = await db
		.select({ parameters: campaign.parameters })
		.from(campaign)
		.where(eq(campaign.id, role.campaignId));
	return {
		campaignId: role.campaignId,
		unitName: own.name,
		/** The organisers' contacts printed in the notice (通知六), for the unit to call. */
		organisers: owner?.parameters.organisers ?? [],
		candidates: await boardCards(db, role.campaignId, { unitId: own.id }),
		unitFindings: unitFindings.map(({ id, code, severity, field, message }) => ({
			id,
			code,
			severity,
			field,
			message
		}))
	};
}) satisfies PageServerLoad;
