import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { handleError } from '../../../src/hooks.server';
import {
	CONNECTION_LOST_MESSAGE,
	handleConnectionLost,
	isConnectionLost
} from '../../../src/lib/server/db/errors';

/**
 * Issue 7, finding 2: a request cut off by a lost database connection is told so in Chinese
 * ("try again"), with a reference and no internals; the log gets the driver's code and message,
 * never the query's parameters.
 */

/** An error shaped like node-postgres's DatabaseError. */
function pgError(code: string, message: string): Error {
	return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

/** drizzle wraps driver errors: the query text and parameters ride on the wrapper. */
function wrapped(cause: unknown): Error {
	return Object.assign(
		new Error('Failed query: update candidate set id_number = $1\nparams: 500101199001011234'),
		{ cause }
	);
}

const lost: [string, unknown][] = [
	[
		'57P01 admin shutdown (pg_terminate_backend)',
		pgError('57P01', 'terminating connection due to administrator command')
	],
	[
		'57P02 crash shutdown',
		pgError('57P02', 'terminating connection because of crash of another server process')
	],
	['57P03 cannot connect now', pgError('57P03', 'the database system is starting up')],
	['08006 connection failure', pgError('08006', 'connection failure')],
	['08003 connection does not exist', pgError('08003', 'connection does not exist')],
	['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
	[
		'ECONNREFUSED (database down)',
		Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
	],
	['Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
	[
		'rollback on a dead client',
		new Error('Client has encountered a connection error and is not queryable')
	],
	[
		'wrapped by drizzle',
		wrapped(pgError('57P01', 'terminating connection due to administrator command'))
	],
	['wrapped twice', wrapped(wrapped(new Error('Connection terminated')))]
];

const notLost: [string, unknown][] = [
	['unique violation 23505', pgError('23505', 'duplicate key value violates unique constraint')],
	['serialization failure 40001', pgError('40001', 'could not serialize access')],
	['wrapped syntax error', wrapped(pgError('42601', 'syntax error'))],
	['plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
	['a string', 'Connection terminated'],
	['null', null]
];

function event(): RequestEvent {
	return {
		request: new Request('http://app.test/c/1/board?/move', { method: 'POST' }),
		url: new URL('http://app.test/c/1/board?/move')
	} as unknown as RequestEvent;
}

describe('handleError', () => {
	afterEach(() => vi.restoreAllMocks());

	test.each(lost)('%s → “try again”, logged without parameters', async (_name, error) => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(isConnectionLost(error)).toBe(true);
		const body = await handleError({
			error,
			event: event(),
			status: 500,
			message: 'Internal Error'
		});
		expect(body).toEqual({ message: CONNECTION_LOST_MESSAGE, errorId: expect.any(String) });
		const logged = log.mock.calls.flat().map(String).join(' ');
		expect(logged).not.toMatch(/500101199001011234|Failed query/);
		expect(logged).toContain((body as { errorId: string }).errorId);
	});

	test.each(notLost)('%s → the general message', async (_name, error) => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(isConnectionLost(error)).toBe(false);
		const body = await handleError({
			error,
			event: event(),
			status: 500,
			message: 'Internal Error'
		});
		expect(body).toEqual({
			message: '服务器出了点问题，请稍后重试。',
			errorId: expect.any(String)
		});
	});

	test('a request cut off by a lost connection answers 503 with Retry-After, others keep 500', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const resolve = async () => new Response('error page', { status: 500 });
		const cut = event();
		await handleError({ error: lost[0]![1], event: cut, status: 500, message: 'Internal Error' });
		const response = await handleConnectionLost({ event: cut, resolve });
		expect(response.status).toBe(503);
		expect(response.headers.get('Retry-After')).toBe('5');
		expect(await response.text()).toBe('error page');

		const broken = event();
		await handleError({ error: notLost[0]![1], event: broken, status: 500, message: 'x' });
		expect((await handleConnectionLost({ event: broken, resolve })).status).toBe(500);
	});

	test('the message is Chinese and says what to do, with no internals', () => {
		expect(CONNECTION_LOST_MESSAGE).toBe('与数据库的连接中断，这次操作没有完成，请稍后重试。');
	});
});
