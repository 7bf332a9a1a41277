/**
 * One dedicated PostgreSQL connection for LISTEN. If it drops (a database restart, a network
 * hiccup) it reconnects with backoff and listens again; notifications sent meanwhile are lost,
 * which is why readers also catch up periodically from the rows (ARCHITECTURE.md).
 */
import pg from 'pg';

const MAX_RETRY_MS = 30_000;

export class PgListener {
	#url: string;
	#client: pg.Client | null = null;
	#connecting: Promise<pg.Client> | null = null;
	#handlers = new Map<string, Set<(payload: string) => void>>();
	#resumers = new Set<() => void>();
	#connectedBefore = false;
	#retryMs = 1000;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	constructor(url: string) {
		this.#url = url;
	}

	/**
	 * Calls `onPayload` for each NOTIFY on `channel`, and `onResume` each time the connection is
	 * back after a loss (notifications sent meanwhile are lost: read what you missed). Returns the
	 * unsubscribe function.
	 */
	async listen(
		channel: string,
		onPayload: (payload: string) => void,
		onResume?: () => void
	): Promise<() => Promise<void>> {
		let set = this.#handlers.get(channel);
		if (!set) {
			set = new Set();
			this.#handlers.set(channel, set);
			const client = await this.#connected();
			await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
		}
		set.add(onPayload);
		if (onResume) this.#resumers.add(onResume);
		return async () => {
			set.delete(onPayload);
			if (onResume) this.#resumers.delete(onResume);
		};
	}

	async close(): Promise<void> {
		this.#closed = true;
		clearTimeout(this.#timer);
		const client = this.#client;
		this.#client = null;
		await client?.end();
	}

	#connected(): Promise<pg.Client> {
		if (this.#client) return Promise.resolve(this.#client);
		this.#connecting ??= this.#connect().finally(() => (this.#connecting = null));
		return this.#connecting;
	}

	async #connect(): Promise<pg.Client> {
		const client = new pg.Client({ connectionString: this.#url });
		client.on('notification', (message) => {
			for (const handler of this.#handlers.get(message.channel) ?? [])
				handler(message.payload ?? '');
		});
		client.on('error', (error) => this.#lost(client, error));
		client.on('end', () => this.#lost(client));
		await client.connect();
		for (const channel of this.#handlers.keys()) {
			await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
		}
		this.#client = client;
		this.#retryMs = 1000;
		if (this.#connectedBefore) for (const resume of this.#resumers) resume();
		this.#connectedBefore = true;
		return client;
	}

	#lost(client: pg.Client, error?: Error): void {
		if (this.#closed || this.#client !== client) return;
		this.#client = null;
		console.error(`LISTEN connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
		client.removeAllListeners('end');
		void client.end().catch(() => {});
		this.#reconnectLater();
	}

	#reconnectLater(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#connected().catch((error: unknown) => {
				console.error('LISTEN reconnect failed', error instanceof Error ? error.message : error);
				this.#retryMs = Math.min(MAX_RETRY_MS, this.#retryMs * 2);
				this.#reconnectLater();
			});
		}, this.#retryMs);
		this.#timer.unref();
	}
}
