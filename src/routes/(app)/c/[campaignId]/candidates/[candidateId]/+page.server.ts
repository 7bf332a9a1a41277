import { error } from '@sveltejs/kit';
import { idParam, requireRole } from '$lib/server/auth/guard';
import { findingsOf, getCandidate } from '$lib/server/board/candidates';
import { seesPersonalData, withoutPersonalData } from '$lib/server/privacy';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const role = requireRole(locals, params.campaignId, [
		'admin',
		'secretary',
		'panelist',
		'observer',
		'unit'
	]);
	const { db } = await getRuntime();
	const found = await getCandidate(db, role.campaignId, idParam(params.candidateId));
	// A unit user sees only its own unit's nominations; others' do not exist for it.
	if (!found || (role.role === 'unit' && found.unitId !== role.unitId)) {
		error(404, '找不到该候选对象，或您没有查看权限。');
	}
	const { form, ...candidate } = found;
	return {
		role: role.role,
		candidate,
		form: seesPersonalData(role, found.unitId) ? form : withoutPersonalData(form),
		findings: await findingsOf(db, found.id)
	};
}) satisfies PageServerLoad;
