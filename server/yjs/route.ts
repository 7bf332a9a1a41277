/**
 * The comment socket, `/yjs/<campaignId>/<candidateId>`: the y-websocket client is given
 * `ws(s)://host/yjs/<campaignId>` and the room `<candidateId>` (a stable URL; scripts use it).
 * The upgrade router has checked Origin, session and the campaign role; this route asks the
 * permissions module about the candidate (same campaign, not recused, read or write) and hands
 * the socket to this runtime's comment rooms. Refusals are accepted sockets closed with 4401 or
 * 4403, which the y-websocket client treats as final.
 */
import { defineRoute, type SocketContext, type SocketRoute } from '../upgrade';
import { commentAccess, type CommentAccess } from '../../src/lib/server/comments/access';
import { CommentStore } from '../../src/lib/server/comments/store';
import type { Runtime } from '../../src/lib/server/runtime';
import type { RawData } from 'ws';
import { CommentRooms, type EarlyFrame, type RoomsSettings } from './rooms';
import { keepaliveFrame } from './protocol';

/** Largest frame a client may send (a pasted comment fits many times); larger closes with 1009. */
export const COMMENT_MAX_PAYLOAD = 1024 * 1024;

interface CommentParams {
	campaignId: number;
	candidateId: number;
}

/** The comment route, with the rooms it serves. */
export interface YjsRoute extends SocketRoute<CommentParams> {
	/** The comment rooms of `runtime`, started (listening for other instances) on first use. */
	rooms(runtime: Runtime): Promise<CommentRooms>;
}

/**
 * Makes the comment route. Each route keeps one set of rooms per runtime, and its `close` (the
 * router's shutdown) commits and unloads them. Tests make their own, with shorter delays or a
 * store that is slow or fails.
 */
export function createYjsRoute(
	settings: Partial<RoomsSettings> = {},
	makeStore: (runtime: Runtime) => CommentStore = (runtime) =>
		new CommentStore(runtime.db, { shared: runtime.database.kind === 'postgres' })
): YjsRoute {
	const roomsByRuntime = new WeakMap<Runtime, Promise<CommentRooms>>();
	const started = new Set<Promise<CommentRooms>>();
	/** The write right found by `authorize`, for `accept` (the router passes the same context). */
	const writeRight = new WeakMap<SocketContext<CommentParams>, boolean>();
	/**
	 * Checks in flight, by user, role and document: the router re-checks every open socket at
	 * once each keep-alive round, and fifty sockets of one document need one query, not fifty.
	 */
	const checking = new WeakMap<Runtime, Map<string, Promise<CommentAccess>>>();

	function access(context: SocketContext<CommentParams>): Promise<CommentAccess> {
		const { runtime, user, role, params } = context;
		const key = `${user.id}:${role.role}:${role.unitId}:${params.campaignId}:${params.candidateId}`;
		let inFlight = checking.get(runtime);
		if (!inFlight) checking.set(runtime, (inFlight = new Map()));
		let check = inFlight.get(key);
		if (!check) {
			check = commentAccess(runtime.db, user.id, params.campaignId, params.candidateId).finally(
				() => inFlight.delete(key)
			);
			inFlight.set(key, check);
		}
		return check;
	}

	function rooms(runtime: Runtime): Promise<CommentRooms> {
		let ready = roomsByRuntime.get(runtime);
		if (!ready) {
			const created = new CommentRooms({
				database: runtime.database,
				store: makeStore(runtime),
				settings
			});
			ready = created.start().then(() => created);
			roomsByRuntime.set(runtime, ready);
			started.add(ready);
		}
		return ready;
	}

	const route = defineRoute<CommentParams>({
		name: 'yjs',
		match(pathname) {
			const match = /^\/yjs\/([1-9]\d{0,8})\/([1-9]\d{0,8})$/.exec(pathname);
			return match ? { campaignId: Number(match[1]), candidateId: Number(match[2]) } : null;
		},
		refusal: 'close',
		maxPayload: COMMENT_MAX_PAYLOAD,
		async authorize(context) {
			const verdict = await access(context);
			if (verdict.ok) writeRight.set(context, verdict.canWrite);
			return verdict.ok;
		},
		async accept(ws, context) {
			// The client speaks as soon as the socket is open; hold what it says while the rooms
			// start (the first socket of a process waits for their LISTEN).
			const early: EarlyFrame[] = [];
			const hold = (data: RawData, isBinary: boolean) => early.push({ data, isBinary });
			ws.on('message', hold);
			try {
				const open = await rooms(context.runtime);
				open.accept(ws, context.params, context.user, writeRight.get(context) ?? false, early);
			} finally {
				ws.off('message', hold);
			}
		},
		keepalive(ws) {
			ws.send(keepaliveFrame);
		},
		async close() {
			const all = [...started];
			started.clear();
			await Promise.allSettled(all.map(async (ready) => (await ready).stop()));
		}
	});
	return { ...route, rooms };
}

/** The app's comment route (server/websocket.ts lists it). */
export const yjsRoute: YjsRoute = createYjsRoute();
