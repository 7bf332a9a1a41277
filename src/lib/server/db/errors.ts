/**
 * Telling a lost database connection apart from other failures: a failover, a restart or an
 * idle-connection killer ends the requests in flight, which then deserve "try again" (503), not
 * "something is broken" (500).
 */

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
