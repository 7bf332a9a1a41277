import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import {
	SESSION_COOKIE,
	deleteSessionTokenCookie,
	setSessionTokenCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { rolesOf } from '$lib/server/memberships';
import {
	CONNECTION_LOST_MESSAGE,
	connectionLostReason,
	handleConnectionLost,
	markConnectionLost
} from '$lib/server/db/errors';
import { formContentTypeHandle } from '$lib/server/form-content-type';
import { getRuntime } from '$lib/server/runtime';

/** Migrate (and seed the demo on an empty embedded database) before the first request. */
export const init: ServerInit = async () => {
	await getRuntime();
};

/** Always sets `locals.user`, `locals.session` and `locals.roles`; renews or clears the cookie. */
const handleSession: Handle = async ({ event, resolve }) => {
	const { db, config } = await getRuntime();
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	event.locals.user = null;
	event.locals.session = null;
	event.locals.roles = [];
	if (token) {
		const { session, user } = await validateSessionToken(db, token);
		if (session) {
			setSessionTokenCookie(event.cookies, token, session.expiresAt, config.secureCookies);
			event.locals.session = session;
			event.locals.user = user;
			event.locals.roles = await rolesOf(db, user.id);
		} else {
			deleteSessionTokenCookie(event.cookies, config.secureCookies);
		}
	}
	return resolve(event);
};

/** Headers the CSP (svelte.config.js) does not cover. */
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

/** A POST to a page's actions whose body is not form data: 400, before any action runs. */
const handleFormContentType: Handle = formContentTypeHandle();

export const handle = sequence(
	handleSession,
	handleSecurityHeaders,
	handleFormContentType,
	handleConnectionLost
);

/**
 * Unexpected errors are logged with a reference; the user gets the reference, never the stack.
 * A lost database connection (failover, restart) is told as such: try again.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const errorId = crypto.randomUUID().slice(0, 8);
	const lost = connectionLostReason(error);
	if (lost) {
		// Only the driver's code and message: a wrapped query's parameters stay out of the log.
		console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}: ${lost}`);
		markConnectionLost(event);
		return { message: CONNECTION_LOST_MESSAGE, errorId };
	}
	if (status !== 404)
		console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return {
		message: status === 404 ? '找不到这个页面。' : '服务器出了点问题，请稍后重试。',
		errorId
	};
};
