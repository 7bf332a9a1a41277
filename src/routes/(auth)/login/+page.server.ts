import { fail, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/auth/safe-next';
import { signIn } from '$lib/server/auth/sign-in';
import {
	createSession,
	generateSessionToken,
	setSessionTokenCookie
} from '$lib/server/auth/session';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { signedOut: url.searchParams.has('signedOut') };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!username || !password) {
			return fail(400, { username, message: '请输入用户名和密码。' });
		}
		if (username.length > 100 || password.length > 200) {
			return fail(400, { username: '', message: '用户名或密码过长。' });
		}
		const { db, config } = await getRuntime();
		const result = await signIn(db, username, password, getClientAddress());
		if (!result.ok) {
			if (result.reason === 'limited') {
				const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60_000));
				return fail(429, {
					username,
					message: `登录失败次数过多，已暂时锁定。请在 ${minutes} 分钟后再试，或联系系统管理员。`
				});
			}
			return fail(400, { username, message: '用户名或密码不正确。' });
		}
		const token = generateSessionToken();
		const session = await createSession(db, token, result.userId);
		setSessionTokenCookie(cookies, token, session.expiresAt, config.secureCookies);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
} satisfies Actions;
