/**
 * The browser's side of `/live/:campaign`: connects, reconnects with exponential backoff (with
 * jitter), and treats 30 s without any message as a lost connection (the server sends a
 * keep-alive every 20 s). `status` drives the connection indicator. A socket the server closes
 * because the session ended (4401) sends the page to sign-in; one closed because the account's
 * rights changed (4403) reloads the page.
 */
import type { BoardMessage } from '../board/events';
import { socketUrl } from './socket-url';

export type LiveStatus = 'connecting' | 'open' | 'lost';

const SILENCE_MS = 30_000;
/** Close codes the server ends a socket with when its session ended or its rights changed. */
const SESSION_ENDED = 4401;
const FORBIDDEN = 4403;
const MAX_BACKOFF_MS = 10_000;
/** How long the indicator says the connection is back before it returns to normal. */
const RECOVERED_NOTICE_MS = 8_000;

export class LiveConnection {
	status = $state<LiveStatus>('connecting');
	/** True once the connection came back after being lost (for a "reconnected" notice). */
	recovered = $state(false);

	#url: string;
	#onMessage: (message: BoardMessage) => void;
	#socket: WebSocket | null = null;
	#attempt = 0;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#silenceTimer: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	constructor(path: string, onMessage: (message: BoardMessage) => void) {
		this.#url = socketUrl(path);
		this.#onMessage = onMessage;
		this.#connect();
	}

	close(): void {
		this.#closed = true;
		clearTimeout(this.#retryTimer);
		clearTimeout(this.#silenceTimer);
		this.#socket?.close(1000);
	}

	#connect(): void {
		const socket = new WebSocket(this.#url);
		this.#socket = socket;
		this.status = this.#attempt === 0 ? 'connecting' : 'lost';
		socket.onopen = () => {
			if (this.#attempt > 0) {
				this.recovered = true;
				setTimeout(() => (this.recovered = false), RECOVERED_NOTICE_MS);
			}
			this.#attempt = 0;
			this.status = 'open';
			this.#heard();
		};
		socket.onmessage = (event) => {
			this.#heard();
			try {
				this.#onMessage(JSON.parse(String(event.data)) as BoardMessage);
			} catch (error) {
				console.error('board message not understood', error);
			}
		};
		socket.onclose = (event) => {
			clearTimeout(this.#silenceTimer);
			if (this.#closed || this.#socket !== socket) return;
			if (event.code === SESSION_ENDED || event.code === FORBIDDEN) {
				// Signed out elsewhere, or the role changed: retrying cannot help. Sign in again,
				// or reload to see what this account may still see.
				this.close();
				if (event.code === SESSION_ENDED) {
					const next = encodeURIComponent(location.pathname + location.search);
					location.assign(`/login?next=${next}`);
				} else location.reload();
				return;
			}
			this.status = 'lost';
			this.recovered = false;
			const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.#attempt) * (0.75 + Math.random() / 2);
			this.#attempt++;
			this.#retryTimer = setTimeout(() => this.#connect(), delay);
		};
	}

	/** Any message proves the connection alive; silence past the limit closes it to reconnect. */
	#heard(): void {
		clearTimeout(this.#silenceTimer);
		this.#silenceTimer = setTimeout(() => this.#socket?.close(4000, 'silent'), SILENCE_MS);
	}
}
