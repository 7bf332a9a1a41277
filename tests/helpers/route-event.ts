/**
 * Calling a route's `load` or form action directly, as SvelteKit would, against a test database:
 * the process runtime is pointed at that database, and the event carries a real `Request`, the
 * route parameters and the `locals` the session hook would have set for a user.
 */
import {
	createSession,
	generateSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { readConfig } from '../../src/lib/server/config';
import type { Database } from '../../src/lib/server/db';
import { BoardFeed } from '../../src/lib/server/live/feed';
import { LiveHub } from '../../src/lib/server/live/hub';
import { rolesOf } from '../../src/lib/server/memberships';
import type { Runtime } from '../../src/lib/server/runtime';

const RUNTIME_KEY = Symbol.for('shortlist.runtime');

/** Makes `getRuntime()` answer with this database (its feed is not started: no live events). */
export function useDatabaseAsRuntime(database: Database): void {
	const hub = new LiveHub();
	const runtime: Runtime = {
		config: { ...readConfig({}), seedDemo: false },
		database,
		db: database.db,
		hub,
		feed: new BoardFeed(database, hub)
	};
	(globalThis as { [RUNTIME_KEY]?: Promise<Runtime> })[RUNTIME_KEY] = Promise.resolve(runtime);
}

/** Forgets the runtime installed by useDatabaseAsRuntime (the test closes the database itself). */
export function forgetRuntime(): void {
	delete (globalThis as { [RUNTIME_KEY]?: Promise<Runtime> })[RUNTIME_KEY];
}

/** `locals` as the session hook sets them for this user, from a real session. */
export async function localsOf(database: Database, userId: number): Promise<App.Locals> {
	const token = generateSessionToken();
	await createSession(database.db, token, userId);
	const { session, user } = await validateSessionToken(database.db, token);
	if (!session) throw new Error(`no session for user ${userId}`);
	return { session, user, roles: await rolesOf(database.db, user.id) };
}

/** What a test supplies of a route's event. */
export interface RouteEventOptions {
	locals: App.Locals;
	params: Record<string, string>;
	/** The request; a GET of `url` (or of the site's root) when absent. */
	request?: Request;
	url?: string;
}

/**
 * Calls a route's load or action with an event as SvelteKit would build it. Only what routes
 * read is real (request, url, params, locals, the client address); a route that reads anything
 * else fails loudly instead of seeing undefined.
 */
export function callRoute<Event, Result>(
	handler: (event: Event) => Result,
	options: RouteEventOptions
): Result {
	const request = options.request ?? new Request(options.url ?? 'http://shortlist.test/');
	const provided: Record<string, unknown> = {
		request,
		url: new URL(request.url),
		params: options.params,
		locals: options.locals,
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {},
		depends: () => {},
		untrack: <T>(read: () => T) => read(),
		isDataRequest: false,
		isSubRequest: false
	};
	const event: object = new Proxy(provided, {
		get(target, key) {
			if (typeof key === 'string' && key in target) return target[key];
			if (key === 'then') return undefined;
			throw new Error(`the route read event.${String(key)}, which this test does not provide`);
		}
	});
	return handler(event as Event);
}

/** A form POST as a browser sends it. */
export function formPost(url: string, fields: Record<string, string | number>): Request {
	const body = new URLSearchParams(
		Object.entries(fields).map(([name, value]) => [name, String(value)])
	);
	return new Request(url, { method: 'POST', body });
}
