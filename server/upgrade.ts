/**
 * The one WebSocket upgrade router, on the same port as HTTP (production) or Vite's dev server.
 *
 * Every upgrade is answered: a path no route takes gets `404` and its socket is destroyed; a path
 * a route takes is checked ONCE here — Origin, session cookie, the user's role in the route's
 * campaign — and then by the route's own `authorize` (which may load more facts, e.g. a
 * panelist's recusal) against `src/lib/permissions.ts`. A refusal is either an HTTP status before
 * the handshake (`refusal: 'http'`, the board's `/live`) or an accepted socket closed at once with
 * 4401/4403 (`refusal: 'close'`, what y-websocket needs: 4400–4499 are permanent for its client).
 *
 * Accepted sockets stay checked: a NOTIFY on ACCESS_CHANNEL (sign-out, password or role change)
 * makes every instance re-check that user's sockets, and each keep-alive round re-checks all of
 * them in case a NOTIFY was lost. A socket whose session is gone closes with 4401, one whose
 * rights changed with 4403.
 *
 * A peer never ends the process: the raw socket and every accepted socket have an `error`
 * listener; a bad frame or one over `maxPayload` closes that socket only (ws answers with
 * 1002/1007/1009).
 *
 * Adding a route (e.g. `/yjs/<campaignId>/<candidateId>`): write a `SocketRoute` with
 * `defineRoute` and list it in `server/websocket.ts`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ACCESS_CHANNEL } from '../src/lib/server/auth/access';
import {
	activeSessionIds,
	sessionTokenFromCookieHeader,
	validateSessionToken,
	type SessionUser
} from '../src/lib/server/auth/session';
import { isConnectionLost } from '../src/lib/server/db/errors';
import { rolesOf, type CampaignRole } from '../src/lib/server/memberships';
import type { Runtime } from '../src/lib/server/runtime';

/** What every route's path must yield: the campaign whose role the router loads. */
export interface RouteParams {
	campaignId: number;
}

/** Who is connecting, and to what: given to `authorize` and `accept`. */
export interface SocketContext<P extends RouteParams = RouteParams> {
	runtime: Runtime;
	user: SessionUser;
	/** The session the socket belongs to: when it ends, the socket closes with 4401. */
	sessionId: string;
	/** The user's role in `params.campaignId` (a user without one is refused before the route). */
	role: CampaignRole;
	params: P;
}

/** One kind of socket the router accepts. Declare it with `defineRoute`. */
export interface SocketRoute<P extends RouteParams = RouteParams> {
	/** Short name for logs. */
	name: string;
	/**
	 * The params of a path this route takes (the pathname, without the query), or null. Match
	 * exactly: anything no route takes is answered 404.
	 */
	match(pathname: string): P | null;
	/**
	 * How a refusal reaches the client: `'http'` answers 401/403 before the handshake (a browser
	 * sees only a failed connection); `'close'` accepts and closes at once with 4401 (not signed
	 * in) or 4403 (no right), which y-websocket's client treats as final.
	 */
	refusal: 'http' | 'close';
	/** Largest frame a client may send; a larger one closes that socket with 1009. */
	maxPayload: number;
	/**
	 * May this user, with this role, open this socket? Ask `src/lib/permissions.ts`; load extra
	 * facts from `context.runtime.db` if needed. Asked again at each re-check of an open socket.
	 */
	authorize(context: SocketContext<P>): boolean | Promise<boolean>;
	/**
	 * Takes an accepted, authorized socket, with the very context object `authorize` approved (a
	 * route may keep what it learned there in a WeakMap keyed on it). A throw or rejection closes
	 * the socket with 1011.
	 */
	accept(ws: WebSocket, context: SocketContext<P>): void | Promise<void>;
	/** Called on each keep-alive round for each open socket of this route (app-level keep-alive). */
	keepalive?(ws: WebSocket, context: SocketContext<P>): void;
	/** Graceful shutdown: flush what must be saved. Called before the sockets are closed (1001). */
	close?(): Promise<void>;
}

/** Declares a route with its params type inferred from `match`. */
export function defineRoute<P extends RouteParams>(route: SocketRoute<P>): SocketRoute<P> {
	return route;
}

/** Close codes the router uses on accepted sockets. */
export const CLOSE = {
	/** The server is shutting down ("going away"). */
	goingAway: 1001,
	/** Something failed on our side; the client may retry. */
	internalError: 1011,
	/** Not signed in, or the session ended (sign-out, password change, expiry). */
	sessionEnded: 4401,
	/** No right to this socket, or the user's rights changed. */
	forbidden: 4403
} as const;

export interface UpgradeRouterOptions {
	getRuntime: () => Promise<Runtime>;
	routes: readonly SocketRoute[];
	/**
	 * Upgrades left to another `upgrade` listener, untouched (dev: Vite's HMR). Everything else is
	 * answered by this router.
	 */
	passThrough?: (request: IncomingMessage) => boolean;
	/** Milliseconds between keep-alive rounds (ping, route keep-alives, re-check of every socket). */
	keepaliveMs?: number;
}

/** The `upgrade` listener, plus what a server and tests need around it. */
export interface UpgradeRouter {
	(request: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Re-checks the open sockets of one user (or of everyone) now; resolves when done. */
	revalidate(userId?: number): Promise<void>;
	/** How many accepted sockets are open. */
	readonly openSockets: number;
	/**
	 * Graceful shutdown: refuses new upgrades (503), calls the routes' close hooks, closes every
	 * socket with 1001 (terminating those that do not answer within a second) and stops listening
	 * for access changes. The database is the caller's to close afterwards.
	 */
	close(): Promise<void>;
}

/** Keep-alive rounds: a peer that missed a whole round's pong is dropped. */
const KEEPALIVE_MS = 20_000;
/** How long a refused upgrade's answer may take to leave before its socket is destroyed. */
const REFUSE_WAIT_MS = 5000;
/** How long shutdown waits for peers to answer the close handshake. */
const CLOSE_WAIT_MS = 1000;

interface Tracked {
	ws: WebSocket;
	route: SocketRoute;
	context: SocketContext;
	alive: boolean;
}

/** An upgrade being authorized: an access change meanwhile means re-checking once accepted. */
interface Pending {
	userId: number | null;
	stale: boolean;
}

type Decision = { ok: true; context: SocketContext } | { ok: false; status: 401 | 403 | 500 | 503 };

/** Makes the upgrade router for `routes`. */
export function createUpgradeRouter(options: UpgradeRouterOptions): UpgradeRouter {
	const { getRuntime, routes } = options;
	const servers = new Map(
		routes.map((route) => [
			route,
			new WebSocketServer({ noServer: true, maxPayload: route.maxPayload })
		])
	);
	const tracked = new Set<Tracked>();
	const pending = new Set<Pending>();
	let closing = false;

	// Listen for access changes before the first socket is accepted.
	let unlisten: (() => Promise<void>) | undefined;
	const listening = getRuntime()
		.then((runtime) => runtime.database.listen(ACCESS_CHANNEL, onAccessChanged))
		.then(
			(stop) => void (unlisten = stop),
			(error: unknown) => console.error('socket access listener failed:', describe(error))
		);

	function onAccessChanged(payload: string): void {
		const userId = Number(payload);
		if (!Number.isSafeInteger(userId)) return;
		for (const upgrade of pending) {
			if (upgrade.userId === null || upgrade.userId === userId) upgrade.stale = true;
		}
		void revalidate(userId);
	}

	const keepalive = setInterval(() => {
		for (const entry of tracked) {
			if (!entry.alive) {
				entry.ws.terminate();
				continue;
			}
			entry.alive = false;
			entry.ws.ping();
			try {
				entry.route.keepalive?.(entry.ws, entry.context);
			} catch (error) {
				console.error(`${entry.route.name} keep-alive failed:`, describe(error));
			}
		}
		void revalidate();
	}, options.keepaliveMs ?? KEEPALIVE_MS);
	keepalive.unref();

	/** Re-checks sockets; never rejects (a database outage keeps sockets open until it is back). */
	async function revalidate(userId?: number): Promise<void> {
		const entries = [...tracked].filter(
			(entry) => userId === undefined || entry.context.user.id === userId
		);
		if (entries.length === 0) return;
		try {
			const runtime = await getRuntime();
			const sessions = await activeSessionIds(runtime.db, [
				...new Set(entries.map((entry) => entry.context.sessionId))
			]);
			const users = [...new Set(entries.map((entry) => entry.context.user.id))];
			const roles = new Map(
				await Promise.all(users.map(async (id) => [id, await rolesOf(runtime.db, id)] as const))
			);
			await Promise.all(
				entries.map(async (entry) => {
					if (!tracked.has(entry)) return;
					const verdict = await recheck(entry, sessions, roles.get(entry.context.user.id) ?? []);
					if (verdict !== null && tracked.has(entry)) {
						tracked.delete(entry);
						entry.ws.close(verdict, verdict === CLOSE.sessionEnded ? 'session ended' : 'forbidden');
					}
				})
			);
		} catch (error) {
			console.error('socket re-check failed:', describe(error));
		}
	}

	/** Null if the socket may stay open, else the close code. */
	async function recheck(
		entry: Tracked,
		sessions: Set<string>,
		roles: CampaignRole[]
	): Promise<number | null> {
		const { context, route } = entry;
		if (!sessions.has(context.sessionId)) return CLOSE.sessionEnded;
		const role = roles.find((r) => r.campaignId === context.params.campaignId);
		// A changed role closes the socket even if the new one may open it: the route set it up for
		// the old role (an observer's read-only room, say); the client reconnects as what it is now.
		if (!role || role.role !== context.role.role || role.unitId !== context.role.unitId)
			return CLOSE.forbidden;
		return (await route.authorize({ ...context, role })) ? null : CLOSE.forbidden;
	}

	async function decide(
		request: IncomingMessage,
		route: SocketRoute,
		params: RouteParams,
		upgrade: Pending
	): Promise<Decision> {
		await listening;
		const runtime = await getRuntime();
		if (!originAllowed(request, runtime.config.origin)) return { ok: false, status: 403 };
		const token = sessionTokenFromCookieHeader(request.headers.cookie);
		if (!token) return { ok: false, status: 401 };
		const { session, user } = await validateSessionToken(runtime.db, token);
		if (!session) return { ok: false, status: 401 };
		upgrade.userId = user.id;
		const role = (await rolesOf(runtime.db, user.id)).find(
			(r) => r.campaignId === params.campaignId
		);
		if (!role) return { ok: false, status: 403 };
		const context: SocketContext = { runtime, user, sessionId: session.id, role, params };
		if (!(await route.authorize(context))) return { ok: false, status: 403 };
		return { ok: true, context };
	}

	function accept(
		route: SocketRoute,
		decision: Decision,
		upgrade: Pending
	): (ws: WebSocket) => void {
		return (ws) => {
			// First: a bad frame from this peer must close this socket, never end the process. ws
			// has already begun the close with the fitting code (1002, 1007, 1009) and destroys the
			// socket if the peer does not answer; the listener only keeps the error from escaping.
			ws.on('error', () => {});
			if (!decision.ok) {
				const code =
					decision.status === 401
						? CLOSE.sessionEnded
						: decision.status === 403
							? CLOSE.forbidden
							: CLOSE.internalError;
				ws.close(code, code === CLOSE.internalError ? 'try again' : 'not allowed');
				return;
			}
			if (closing) {
				ws.close(CLOSE.goingAway, 'server shutting down');
				return;
			}
			const entry: Tracked = { ws, route, context: decision.context, alive: true };
			tracked.add(entry);
			ws.on('pong', () => (entry.alive = true));
			ws.on('close', () => tracked.delete(entry));
			Promise.resolve()
				.then(() => route.accept(ws, decision.context))
				.catch((error: unknown) => {
					console.error(`${route.name} socket failed:`, describe(error));
					tracked.delete(entry);
					ws.close(CLOSE.internalError, 'try again');
				});
			if (upgrade.stale) void revalidate(decision.context.user.id);
		};
	}

	const router = ((request: IncomingMessage, socket: Duplex, head: Buffer) => {
		if (options.passThrough?.(request)) return;
		// A peer resetting the connection mid-handshake ends this socket only.
		socket.on('error', () => socket.destroy());
		if (closing) return refuse(socket, 503);
		const pathname = (request.url ?? '/').split('?')[0] ?? '/';
		let route: SocketRoute | undefined;
		let params: RouteParams | null = null;
		for (const candidate of routes) {
			params = candidate.match(pathname);
			if (params) {
				route = candidate;
				break;
			}
		}
		if (!route || !params) return refuse(socket, 404);
		const server = servers.get(route)!;
		const upgrade: Pending = { userId: null, stale: false };
		pending.add(upgrade);
		decide(request, route, params, upgrade)
			.catch((error: unknown): Decision => {
				console.error(`${route.name} upgrade failed:`, describe(error));
				return { ok: false, status: isConnectionLost(error) ? 503 : 500 };
			})
			.then((decision) => {
				pending.delete(upgrade);
				if (socket.destroyed) return;
				if (closing) return refuse(socket, 503);
				if (!decision.ok && route.refusal === 'http') return refuse(socket, decision.status);
				server.handleUpgrade(request, socket, head, accept(route, decision, upgrade));
			})
			.catch((error: unknown) => {
				console.error(`${route.name} upgrade failed:`, describe(error));
				socket.destroy();
			});
	}) as UpgradeRouter;

	router.revalidate = revalidate;
	Object.defineProperty(router, 'openSockets', { get: () => tracked.size });
	router.close = async () => {
		if (closing) return;
		closing = true;
		clearInterval(keepalive);
		await Promise.allSettled(routes.map((route) => route.close?.()));
		const sockets = [...tracked].map((entry) => entry.ws);
		tracked.clear();
		const closed = sockets.map(
			(ws) => new Promise<void>((resolve) => ws.once('close', () => resolve()))
		);
		for (const ws of sockets) ws.close(CLOSE.goingAway, 'server shutting down');
		let timer: ReturnType<typeof setTimeout> | undefined;
		await Promise.race([
			Promise.all(closed),
			new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))
		]);
		clearTimeout(timer);
		for (const ws of sockets) ws.terminate();
		for (const server of servers.values()) server.close();
		await listening;
		await unlisten?.().catch(() => {});
	};
	return router;
}

/**
 * A browser always sends Origin on a WebSocket handshake. It must be the configured public
 * origin, or — when none is configured — the host the request was sent to.
 */
export function originAllowed(request: IncomingMessage, configured: string | undefined): boolean {
	const origin = request.headers.origin;
	if (!origin) return false;
	if (configured) return origin === configured;
	try {
		return new URL(origin).host === request.headers.host;
	} catch {
		return false;
	}
}

const STATUS_TEXT: Record<number, string> = {
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	500: 'Internal Server Error',
	503: 'Service Unavailable'
};

/**
 * Answers an upgrade we don't take and frees the socket: the response is written, then the
 * socket is destroyed (an HTTP server's sockets are half-open, so `end` alone would leave it to
 * the peer to let go).
 */
function refuse(socket: Duplex, status: number): void {
	if (socket.destroyed) return;
	socket.once('finish', () => socket.destroy());
	// A peer that never reads could hold the write open: it gets a few seconds, not forever.
	setTimeout(() => socket.destroy(), REFUSE_WAIT_MS).unref();
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`
	);
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
