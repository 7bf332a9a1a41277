import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { consultationDepartments } from '$lib/domain/vocabulary';
import { idParam, requireRole } from '$lib/server/auth/guard';
import { candidateView, viewerRoles } from '$lib/server/board/candidate-view';
import { recordConsultation } from '$lib/server/board/consultations';
import { recordObjection, resolveObjection } from '$lib/server/board/objections';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const role = requireRole(locals, params.campaignId, viewerRoles);
	const { db } = await getRuntime();
	const view = await candidateView(db, role, idParam(params.candidateId));
	if (!view) error(404, '找不到该候选对象，或您没有查看权限。');
	return view;
}) satisfies PageServerLoad;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const consultForm = z.object({
	dept: z.enum(consultationDepartments),
	result: z.enum(['无异议', '有异议']),
	date: isoDate,
	note: z.string().trim().max(500)
});

const objectionForm = z.object({
	receivedOn: isoDate,
	summary: z.string().trim().min(2).max(1000)
});
const resolutionForm = z.object({
	objectionId: z.coerce.number().int().positive(),
	resolvedOn: isoDate,
	resolution: z.string().trim().min(2).max(1000)
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
	},

	objection: async ({ locals, params, request }) => {
		const role = requireRole(locals, params.campaignId, ['secretary']);
		const parsed = objectionForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			return fail(400, { message: '请填写收到日期（YYYY-MM-DD）和异议内容（2–1000 字）。' });
		}
		const { db, feed } = await getRuntime();
		const saved = await recordObjection(db, {
			campaignId: role.campaignId,
			candidateId: idParam(params.candidateId),
			...parsed.data,
			actor: { id: locals.user!.id, name: locals.user!.username }
		});
		if (!saved) error(404, '找不到该候选对象。');
		feed.poke(role.campaignId);
		return { message: '已登记异议；处理完毕前不能表彰。' };
	},

	resolveObjection: async ({ locals, params, request }) => {
		const role = requireRole(locals, params.campaignId, ['secretary']);
		const parsed = resolutionForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			return fail(400, { message: '请填写处理日期（YYYY-MM-DD）和处理结果（2–1000 字）。' });
		}
		const { db, feed } = await getRuntime();
		const resolved = await resolveObjection(db, {
			campaignId: role.campaignId,
			candidateId: idParam(params.candidateId),
			...parsed.data,
			actor: { id: locals.user!.id, name: locals.user!.username }
		});
		if (!resolved) return fail(404, { message: '该异议不存在或已处理。' });
		feed.poke(role.campaignId);
		return { message: '异议已办结。' };
	}
} satisfies Actions;
