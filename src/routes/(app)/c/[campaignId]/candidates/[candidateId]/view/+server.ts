import { error, json } from '@sveltejs/kit';
import { canOpenCandidates } from '$lib/permissions';
import { idParam, requireAccess } from '$lib/server/auth/guard';
import { candidateView } from '$lib/server/board/candidate-view';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The candidate's detail as JSON, always fresh: the board's side panel reads it. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const role = requireAccess(locals, params.campaignId, canOpenCandidates);
	const { db } = await getRuntime();
	const view = await candidateView(db, role, idParam(params.candidateId));
	if (!view) error(404, '找不到该候选对象，或您没有查看权限。');
	return json(view, { headers: { 'cache-control': 'private, no-store' } });
};
