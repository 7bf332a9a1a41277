import { error } from '@sveltejs/kit';
import { canExport } from '$lib/permissions';
import { idParam, requireAccess } from '$lib/server/auth/guard';
import { attachment, mimeTypes } from '$lib/server/export/documents';
import { exportConsultationForm } from '$lib/server/export/forms';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** One candidate's 征求意见表 (附件4–5) as .docx, with the consultations recorded so far. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const role = requireAccess(locals, params.campaignId, canExport);
	const { db } = await getRuntime();
	const form = await exportConsultationForm(db, role.campaignId, idParam(params.candidateId), {
		id: role.userId,
		name: role.userName
	});
	if (!form) error(404, '找不到该候选对象，或优秀建议无需征求意见。');
	return new Response(new Uint8Array(form.bytes), {
		headers: {
			'cache-control': 'private, no-store',
			'content-type': mimeTypes.docx,
			'content-disposition': attachment(form.fileName)
		}
	});
};
