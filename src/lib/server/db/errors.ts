/**
 * Telling a lost database connection apart from other failures: a failover, a restart or an
 * idle-connection killer ends the requests in flight, which then deserve "try again" (503), not
 * "something is broken" (500).
 */
import type { Handle } from '@sveltejs/kit';

/** What the person whose request was cut off is told (no internals). */
export const CONNECTION_LOST_MESSAGE = '与数据库的连接中断，这次操作没有完成，请稍后重试。';

/** PostgreSQL error codes of a connection ended by the server (class 08 is matched whole). */
const LOST_CODES = new Set(['57P01', '57P02', '57P03']);

/** Node socket error codes of a connection that dropped. */
const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/** node-postgres messages of a connection that ended (they carry no code). */
const LOST_MESSAGES = [
	'Connection terminated',
	'connection error and is not queryable',
	'Client was closed and is not queryable',
	'timeout exceeded when trying to connect'
];

/**
 * The error in `error`'s `cause` chain (drizzle wraps driver errors) that says the connection to
 * the database was lost, as "code: message" for a log line — or null if it is another failure.
 * Only that error's own code and message, never a wrapper's query text or parameters.
 */
export function connectionLostReason(error: unknown): string | null {
	let current = error;
	for (let depth = 0; depth < 10 && current && typeof current === 'object'; depth++) {
		const { code, message, cause } = current as {
			code?: unknown;
			message?: unknown;
			cause?: unknown;
		};
		const text = typeof message === 'string' ? message : '';
		if (
			(typeof code === 'string' &&
				(LOST_CODES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code))) ||
			LOST_MESSAGES.some((lost) => text.includes(lost))
		)
			return typeof code === 'string' ? `${code}: ${text}` : text;
		current = cause;
	}
	return null;
}

/** True if `error` (or its cause) says the connection to the database was lost. */
export function isConnectionLost(error: unknown): boolean {
	return connectionLostReason(error) !== null;
}

/** Requests whose failure `handleError` traced to a lost connection (see `handleConnectionLost`). */
const cutOff = new WeakSet<object>();

/** Notes that this request (its RequestEvent) failed because the connection was lost. */
export function markConnectionLost(event: object): void {
	cutOff.add(event);
}

/**
 * A `handle` step: a request that failed on a lost database connection answers 503 with
 * `Retry-After` instead of 500 (SvelteKit's `handleError` can shape the message but not the
 * status). List it last in `sequence(…)` so it sees the response as rendered.
 */
export const handleConnectionLost: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.status !== 500 || !cutOff.has(event)) return response;
	const headers = new Headers(response.headers);
	headers.set('Retry-After', '5');
	return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
};
