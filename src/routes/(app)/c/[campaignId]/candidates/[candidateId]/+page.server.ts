import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { consultationDepartments, consultationResults } from '$lib/domain/vocabulary';
import { canOpenCandidates, canRecord } from '$lib/permissions';
import { idParam, requireAccess } from '$lib/server/auth/guard';
import { candidateView } from '$lib/server/board/candidate-view';
import { recordConsultation } from '$lib/server/board/consultations';
import { ObjectionRefusal, recordObjection, resolveObjection } from '$lib/server/board/objections';
import { getRuntime } from '$lib/server/runtime';
import type { Db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = (async ({ locals, params }) => {
	const role = requireAccess(locals, params.campaignId, canOpenCandidates);
	const { db } = await getRuntime();
	const view = await candidateView(db, role, idParam(params.candidateId));
	if (!view) error(404, '找不到该候选对象，或您没有查看权限。');
	return view;
}) satisfies PageServerLoad;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const consultForm = z.object({
	dept: z.enum(consultationDepartments),
	result: z.enum(consultationResults),
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

/** What every record action gets besides its form: where, and who. */
interface RecordTarget {
	campaignId: number;
	candidateId: number;
	actor: { id: number; name: string };
}

/**
 * A secretary's record on this candidate: checks the role, validates the form (a Chinese
 * message on failure), saves (the service's board event wakes every live board). `save` returns the message to show,
 * or null when there was nothing to save it on.
 */
async function secretaryRecord<T>(
	{ locals, params, request }: RequestEvent,
	form: z.ZodType<T>,
	invalid: string,
	notFound: string,
	save: (db: Db, input: T & RecordTarget) => Promise<string | null>
) {
	const role = requireAccess(locals, params.campaignId, canRecord);
	const parsed = form.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) return fail(400, { message: invalid });
	const { db } = await getRuntime();
	let message: string | null;
	try {
		message = await save(db, {
			...parsed.data,
			campaignId: role.campaignId,
			candidateId: idParam(params.candidateId),
			actor: { id: locals.user!.id, name: locals.user!.username }
		});
	} catch (refusal) {
		// The service refused it for a reason the secretary can act on (e.g. not in 公示).
		if (refusal instanceof ObjectionRefusal) return fail(409, { message: refusal.message });
		throw refusal;
	}
	if (message === null) return fail(404, { message: notFound });
	return { message };
}

export const actions = {
	consult: (event) =>
		secretaryRecord(
			event,
			consultForm,
			'请选择部门和意见，并填写日期（YYYY-MM-DD）；备注不超过 500 字。',
			'找不到该候选对象。',
			async (db, input) =>
				(await recordConsultation(db, input)) ? `已记录${input.dept}意见：${input.result}。` : null
		),
	objection: (event) =>
		secretaryRecord(
			event,
			objectionForm,
			'请填写收到日期（YYYY-MM-DD）和异议内容（2–1000 字）。',
			'找不到该候选对象。',
			async (db, input) =>
				(await recordObjection(db, input)) ? '已登记异议；处理完毕前不能表彰。' : null
		),
	resolveObjection: (event) =>
		secretaryRecord(
			event,
			resolutionForm,
			'请填写处理日期（YYYY-MM-DD）和处理结果（2–1000 字）。',
			'该异议不存在或已处理。',
			async (db, input) => ((await resolveObjection(db, input)) ? '异议已办结。' : null)
		)
} satisfies Actions;
