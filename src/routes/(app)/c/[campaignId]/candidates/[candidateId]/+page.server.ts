import { error, fail } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { consultationDepartments } from '$lib/domain/vocabulary';
import { historyOf } from '$lib/server/audit/history';
import { idParam, requireRole } from '$lib/server/auth/guard';
import { getCandidate } from '$lib/server/board/candidates';
import { findingsOf } from '$lib/server/import/findings';
import { recordConsultation } from '$lib/server/board/consultations';
import { consultation } from '$lib/server/db/schema';
import { seesPersonalData, withoutPersonalData } from '$lib/server/privacy';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

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
	const [findings, consultations, history] = await Promise.all([
		findingsOf(db, { candidateId: found.id }),
		db
			.select({
				dept: consultation.dept,
				result: consultation.result,
				date: consultation.date,
				note: consultation.note
			})
			.from(consultation)
			.where(eq(consultation.candidateId, found.id))
			.orderBy(asc(consultation.id)),
		role.role === 'unit' ? [] : historyOf(db, 'candidate', found.id)
	]);
	return {
		role: role.role,
		candidate,
		form: seesPersonalData(role, found.unitId) ? form : withoutPersonalData(form),
		findings,
		consultations,
		history
	};
}) satisfies PageServerLoad;

const consultForm = z.object({
	dept: z.enum(consultationDepartments),
	result: z.enum(['无异议', '有异议']),
	date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	note: z.string().trim().max(500)
});

export const actions = {
	consult: async ({ locals, params, request }) => {
		const role = requireRole(locals, params.campaignId, ['secretary']);
		const parsed = consultForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			return fail(400, {
				message: '请选择部门和意见，并填写日期（YYYY-MM-DD）；备注不超过 500 字。'
			});
		}
		const { db, feed } = await getRuntime();
		const saved = await recordConsultation(db, {
			campaignId: role.campaignId,
			candidateId: idParam(params.candidateId),
			...parsed.data,
			actor: { id: locals.user!.id, name: locals.user!.username }
		});
		if (!saved) error(404, '找不到该候选对象。');
		feed.poke(role.campaignId);
		return { message: `已记录${parsed.data.dept}意见：${parsed.data.result}。` };
	}
} satisfies Actions;
