import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { nominationTracks, type NominationTrack } from '$lib/domain/campaign';
import { canImport } from '$lib/permissions';
import { requireAccess } from '$lib/server/auth/guard';
import { campaign } from '$lib/server/db/schema';
import { attachment, mimeTypes } from '$lib/server/export/documents';
import { templateFileName, templateXlsx } from '$lib/server/intake/template';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The empty .xlsx template of one track (`collective`, `individual`, `suggestion`). */
export const GET = (async ({ locals, params }) => {
	const role = requireAccess(locals, params.campaignId, canImport);
	if (!(nominationTracks as readonly string[]).includes(params.track))
		error(404, '没有这个推荐类别的模板。');
	const track = params.track as NominationTrack;
	const { db } = await getRuntime();
	const [owner] = await db
		.select({ parameters: campaign.parameters })
		.from(campaign)
		.where(eq(campaign.id, role.campaignId));
	if (!owner) error(404, '找不到这个评选活动。');
	const body = await templateXlsx(track, owner.parameters);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': mimeTypes.xlsx,
			'content-disposition': attachment(templateFileName(track)),
			'cache-control': 'no-store'
		}
	});
}) satisfies RequestHandler;
