/**
 * The board's live socket, `/live/<campaignId>`: a hello with the campaign's sequence number,
 * then every board event of the campaign, and a keep-alive each round. Refusals are HTTP
 * statuses (401/403) before the handshake; the board client reconnects with backoff.
 */
import { eq } from 'drizzle-orm';
import type { WebSocket } from 'ws';
import type { LiveEvent } from '../src/lib/board/events';
import { canViewBoard } from '../src/lib/permissions';
import { campaign } from '../src/lib/server/db/schema';
import type { Runtime } from '../src/lib/server/runtime';
import { defineRoute } from './upgrade';

/** The board socket only listens: a client frame beyond this closes it (1009). */
const MAX_PAYLOAD = 4 * 1024;

/** The `/live/<campaignId>` route (campaign ids up to 9 digits; anything else is 404). */
export const liveRoute = defineRoute({
	name: 'live',
	match(pathname) {
		const match = /^\/live\/([1-9]\d{0,8})$/.exec(pathname);
		return match ? { campaignId: Number(match[1]) } : null;
	},
	refusal: 'http',
	maxPayload: MAX_PAYLOAD,
	authorize: ({ role }) => canViewBoard(role),
	async accept(ws, { runtime, params: { campaignId } }) {
		ws.on('message', () => {}); // nothing to hear from the board's clients
		// Subscribe first, then read the sequence number for the hello: an event committed in
		// between is then both in the hello's count and held back here — never lost between them.
		let helloSeq: number | null = null;
		const early: LiveEvent[] = [];
		const unsubscribe = runtime.hub.subscribe(campaignId, (event) => {
			if (helloSeq === null) early.push(event);
			else if (event.seq > helloSeq) sendEvent(ws, event);
		});
		ws.on('close', unsubscribe);
		const seq = await currentSeq(runtime, campaignId);
		helloSeq = seq;
		runtime.feed.track(campaignId, seq);
		send(ws, { type: 'hello', campaignId, seq });
		for (const event of early) if (event.seq > seq) sendEvent(ws, event);
	},
	keepalive(ws) {
		send(ws, { type: 'keepalive', at: Date.now() });
	}
});

function send(ws: WebSocket, message: object): void {
	ws.send(JSON.stringify(message));
}

/**
 * Each event is encoded once, however many sockets it goes to: the hub hands every listener the
 * same object, and a closed 100-candidate ballot is kilobytes of JSON.
 */
const encoded = new WeakMap<LiveEvent, Buffer>();

function sendEvent(ws: WebSocket, event: LiveEvent): void {
	let frame = encoded.get(event);
	if (!frame) {
		frame = Buffer.from(JSON.stringify(event));
		encoded.set(event, frame);
	}
	ws.send(frame, { binary: false });
}

async function currentSeq(runtime: Runtime, campaignId: number): Promise<number> {
	const [row] = await runtime.db
		.select({ seq: campaign.eventSeq })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	return row?.seq ?? 0;
}
