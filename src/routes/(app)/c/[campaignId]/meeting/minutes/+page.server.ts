import { canChairMeeting } from '$lib/permissions';
import { requireAccess } from '$lib/server/auth/guard';
import { getRuntime } from '$lib/server/runtime';
import { meetingMinutes } from '$lib/server/votes/minutes';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const role = requireAccess(locals, params.campaignId, canChairMeeting);
	const { db } = await getRuntime();
	return { campaignId: role.campaignId, minutes: await meetingMinutes(db, role.campaignId) };
}) satisfies PageServerLoad;
