import { error } from '@sveltejs/kit';
import { canDownloadApprovalForm, canOpenCandidates } from '$lib/permissions';
import { idParam, requireAccess } from '$lib/server/auth/guard';
import { getCandidate } from '$lib/server/board/candidates';
import { attachment, mimeTypes } from '$lib/server/export/documents';
import { exportApprovalForm } from '$lib/server/export/forms';
import { nominationFor } from '$lib/server/privacy';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * One candidate's approval form (附件1–3) as .docx, named as the notice asks: for secretaries,
 * for the unit that submitted it, and for panelists with personal data hidden (SPEC §7). Each
 * download is audited.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const role = requireAccess(locals, params.campaignId, canOpenCandidates);
	const { db } = await getRuntime();
	const found = await getCandidate(db, role.campaignId, idParam(params.candidateId));
	if (!found) error(404, '找不到该候选对象。');
	if (!canDownloadApprovalForm(role, found))
		error(
			403,
			role.role === 'unit'
				? '只能下载本单位推荐对象的审批表。'
				: '大屏（观察员）账号不能下载审批表，请用秘书处或评审委员账号下载。'
		);
	const form = await exportApprovalForm(
		db,
		role.campaignId,
		found.id,
		{ id: role.userId, name: role.userName },
		(nomination) => nominationFor(role, found, nomination)
	);
	if (!form) error(404, '找不到该候选对象。');
	return new Response(new Uint8Array(form.bytes), {
		headers: {
			'cache-control': 'private, no-store',
			'content-type': mimeTypes.docx,
			'content-disposition': attachment(form.fileName)
		}
	});
};
