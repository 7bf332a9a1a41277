import { error } from '@sveltejs/kit';
import { canExport } from '$lib/permissions';
import { idParam, requireAccess } from '$lib/server/auth/guard';
import { attachment, mimeTypes } from '$lib/server/export/documents';
import { exportApprovalForm } from '$lib/server/export/forms';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** One candidate's approval form (附件1–3) as .docx, named as the notice asks. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const role = requireAccess(locals, params.campaignId, canExport);
	const { db } = await getRuntime();
	const form = await exportApprovalForm(db, role.campaignId, idParam(params.candidateId), {
		id: role.userId,
		name: role.userName
	});
	if (!form) error(404, '找不到该候选对象。');
	return new Response(new Uint8Array(form.bytes), {
		headers: {
			'cache-control': 'private, no-store',
			'content-type': mimeTypes.docx,
			'content-disposition': attachment(form.fileName)
		}
	});
};
