/**
 * Telling a lost database connection apart from other failures: a failover, a restart or an
 * idle-connection killer ends the requests in flight, which then deserve "try again" (503), not
 * "something is broken" (500).
 */

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
 * True if `error` (or any error in its `cause` chain — drizzle wraps driver errors) says the
 * connection to the database was lost.
 */
export function isConnectionLost(error: unknown): boolean {
	for (let current = error, depth = 0; current && depth < 10; depth++) {
		if (typeof current !== 'object') return false;
		const { code, message, cause } = current as {
			code?: unknown;
			message?: unknown;
			cause?: unknown;
		};
		if (
			typeof code === 'string' &&
			(LOST_CODES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code))
		)
			return true;
		if (typeof message === 'string' && LOST_MESSAGES.some((text) => message.includes(text)))
			return true;
		current = cause;
	}
	return false;
}
