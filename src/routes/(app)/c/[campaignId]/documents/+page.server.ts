import { parseFilters, filtersToParams } from '$lib/board/filters';
import { canExport } from '$lib/permissions';
import { requireAccess } from '$lib/server/auth/guard';
import { listDocuments } from '$lib/server/export/documents';
import { formSetIds } from '$lib/server/export/forms';
import { meetingDocuments } from '$lib/server/export/meeting';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** The exports page: the list documents, the meeting's minutes and vote record, and the approval forms of the board's filtered set. */
export const load = (async ({ locals, params, url }) => {
	const role = requireAccess(locals, params.campaignId, canExport);
	const { db } = await getRuntime();
	const filters = parseFilters(url.searchParams);
	const query = filtersToParams(filters).toString();
	const forms = (await formSetIds(db, role.campaignId, filters)).length;
	return {
		campaignId: role.campaignId,
		lists: Object.entries(listDocuments).map(([name, doc]) => ({ name, fileName: doc.fileName })),
		meeting: Object.entries(meetingDocuments).map(([name, doc]) => ({
			name,
			fileName: doc.fileName
		})),
		query,
		forms
	};
}) satisfies PageServerLoad;
