/**
 * WebSocket upgrades on the same port as HTTP. Before a socket is accepted: the Origin must be
 * ours, the session cookie valid, and the user's role must allow the campaign. Only then the
 * socket gets a hello and keep-alives (and, later, board events).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { eq } from 'drizzle-orm';
import { WebSocketServer, type WebSocket } from 'ws';
import { sessionTokenFromCookieHeader, validateSessionToken } from '../src/lib/server/auth/session';
import { campaign } from '../src/lib/server/db/schema';
import { canViewBoard } from '../src/lib/permissions';
import { rolesOf } from '../src/lib/server/memberships';
import type { Runtime } from '../src/lib/server/runtime';

/** Seconds between keep-alive messages; the client treats 30 s of silence as a lost connection. */
const KEEPALIVE_MS = 20_000;
/** Largest frame a client may send. */
const MAX_PAYLOAD = 1024 * 1024;

export interface UpgradeHandler {
	(request: IncomingMessage, socket: Duplex, head: Buffer): void;
	close(): void;
}

/** Makes the `upgrade` listener for an `http.Server` (production) or Vite's dev server. */
export function createUpgradeHandler(getRuntime: () => Promise<Runtime>): UpgradeHandler {
	const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
	const keepalive = setInterval(() => {
		for (const client of wss.clients) {
			const live = client as WebSocket & { isAlive?: boolean };
			if (live.isAlive === false) {
				client.terminate();
				continue;
			}
			live.isAlive = false;
			client.ping();
			client.send(JSON.stringify({ type: 'keepalive', at: Date.now() }));
		}
	}, KEEPALIVE_MS);
	keepalive.unref();

	const handler = ((request, socket, head) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const live = /^\/live\/(\d+)$/.exec(url.pathname);
		if (!live) return; // not ours: another listener (Vite's HMR) may take it
		const campaignId = Number(live[1]);
		authorizeLive(request, campaignId, getRuntime).then(
			(decision) => {
				if (!decision.ok) return refuse(socket, decision.status);
				wss.handleUpgrade(request, socket, head, (ws) => {
					const live = ws as WebSocket & { isAlive?: boolean };
					live.isAlive = true;
					ws.on('pong', () => (live.isAlive = true));
					ws.on('message', () => {}); // the board socket only listens
					const unsubscribe = decision.runtime.hub.subscribe(campaignId, (event) =>
						ws.send(JSON.stringify(event))
					);
					ws.on('close', unsubscribe);
					decision.runtime.feed.track(campaignId, decision.seq);
					ws.send(JSON.stringify({ type: 'hello', campaignId, seq: decision.seq }));
				});
			},
			(error: unknown) => {
				console.error('live upgrade failed', error);
				refuse(socket, 500);
			}
		);
	}) as UpgradeHandler;
	handler.close = () => {
		clearInterval(keepalive);
		for (const client of wss.clients) client.close(1001, 'server shutting down');
		wss.close();
	};
	return handler;
}

type LiveDecision = { ok: true; runtime: Runtime; seq: number } | { ok: false; status: number };

async function authorizeLive(
	request: IncomingMessage,
	campaignId: number,
	getRuntime: () => Promise<Runtime>
): Promise<LiveDecision> {
	const runtime = await getRuntime();
	if (!originAllowed(request, runtime.config.origin)) return { ok: false, status: 403 };
	const token = sessionTokenFromCookieHeader(request.headers.cookie);
	if (!token) return { ok: false, status: 401 };
	const { user } = await validateSessionToken(runtime.db, token);
	if (!user) return { ok: false, status: 401 };
	const role = (await rolesOf(runtime.db, user.id)).find((r) => r.campaignId === campaignId);
	if (!role || !canViewBoard(role)) return { ok: false, status: 403 };
	return { ok: true, runtime, seq: await currentSeq(runtime, campaignId) };
}

async function currentSeq(runtime: Runtime, campaignId: number): Promise<number> {
	const [row] = await runtime.db
		.select({ seq: campaign.eventSeq })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	return row?.seq ?? 0;
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
	500: 'Internal Server Error'
};

function refuse(socket: Duplex, status: number): void {
	socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\n\r\n`);
}
