import { getRuntime } from '$lib/server/runtime';
import { hasDemoAccounts } from '$lib/server/users';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const { db } = await getRuntime();
	return {
		user: locals.user
			? { username: locals.user.username, displayName: locals.user.displayName }
			: null,
		demoMode: await hasDemoAccounts(db)
	};
}) satisfies LayoutServerLoad;
