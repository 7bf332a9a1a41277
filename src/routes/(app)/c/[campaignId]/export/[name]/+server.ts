import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { parseFilters } from '$lib/board/filters';
import { canExport } from '$lib/permissions';
import { requireAccess } from '$lib/server/auth/guard';
import {
	attachment,
	buildListDocument,
	isListDocument,
	listDocuments,
	mimeTypes
} from '$lib/server/export/documents';
import { approvalFormsZip, formSetIds } from '$lib/server/export/forms';
import {
	buildMeetingDocument,
	isMeetingDocument,
	meetingDocuments
} from '$lib/server/export/meeting';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'private, no-store' };

/**
 * The campaign's documents at stable URLs for scripts: the lists (`proposed-list.docx|xlsx`,
 * `public-notice.docx|xlsx`) and `approval-forms.zip` — the forms of the candidates matching
 * the board's filters, passed as the board's own query string — streamed as it is built — and
 * the meeting's `minutes.docx` (会议纪要) and `votes.docx` (表决记录).
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const role = requireAccess(locals, params.campaignId, canExport);
	const actor = { id: role.userId, name: role.userName };
	const { db } = await getRuntime();
	const name = params.name;
	if (isListDocument(name)) {
		const { bytes } = await buildListDocument(db, role.campaignId, name, actor);
		const extension = name.endsWith('.xlsx') ? 'xlsx' : 'docx';
		return new Response(new Uint8Array(bytes), {
			headers: {
				...noStore,
				'content-type': mimeTypes[extension],
				'content-disposition': attachment(listDocuments[name].fileName)
			}
		});
	}
	if (name === 'approval-forms.zip') {
		const ids = await formSetIds(db, role.campaignId, parseFilters(url.searchParams));
		const stream = await approvalFormsZip(db, role.campaignId, ids, actor);
		return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
			headers: {
				...noStore,
				'content-type': mimeTypes.zip,
				'content-disposition': attachment('推荐审批表.zip'),
				'x-forms-total': String(ids.length)
			}
		});
	}
	if (isMeetingDocument(name)) {
		const { bytes } = await buildMeetingDocument(db, role.campaignId, name, actor);
		return new Response(new Uint8Array(bytes), {
			headers: {
				...noStore,
				'content-type': mimeTypes.docx,
				'content-disposition': attachment(meetingDocuments[name].fileName)
			}
		});
	}
	error(
		404,
		'没有这个文档。可下载：拟表彰对象建议名单、公示名单、推荐审批表、会议纪要、表决记录。'
	);
};
