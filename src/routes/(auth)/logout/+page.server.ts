import { redirect } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/audit/record';
import { deleteSessionTokenCookie, invalidateSession } from '$lib/server/auth/session';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	return { displayName: locals.user.displayName };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, cookies, getClientAddress }) => {
		const { db, config } = await getRuntime();
		if (locals.session && locals.user) {
			await invalidateSession(db, locals.session.id);
			await recordAudit(db, {
				action: 'auth.sign-out',
				actorId: locals.user.id,
				actorName: locals.user.username,
				ip: getClientAddress()
			});
		}
		deleteSessionTokenCookie(cookies, config.secureCookies);
		redirect(303, '/login?signedOut');
	}
} satisfies Actions;
