/**
 * Reads committed board events and hands them to the hub in order. Woken one way: the NOTIFY that
 * `appendEvent` sends in the event's transaction, which both drivers deliver after the commit to
 * every instance (this one included); and a periodic catch-up read
 * because NOTIFY, like any pub/sub, can drop a message. The rows are the truth: the feed only ever
 * forwards what it read, each event once, in sequence order.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import { liveEvent } from '../../board/events';
import type { Database } from '../db';
import { boardEvent } from '../db/schema';
import { BOARD_CHANNEL } from './events';
import type { LiveHub } from './hub';

/** Milliseconds between catch-up reads for campaigns that have listeners. */
const CATCH_UP_MS = 2000;

export class BoardFeed {
	#database: Database;
	#hub: LiveHub;
	/** Last sequence number forwarded, per campaign. */
	#delivered = new Map<number, number>();
	/** One read at a time per campaign; a poke during a read schedules one more. */
	#reading = new Map<number, Promise<void>>();
	#again = new Set<number>();
	#timer: ReturnType<typeof setInterval> | undefined;
	#unlisten: (() => Promise<void>) | undefined;

	constructor(database: Database, hub: LiveHub) {
		this.#database = database;
		this.#hub = hub;
	}

	async start(): Promise<void> {
		this.#unlisten = await this.#database.listen(BOARD_CHANNEL, (payload) => {
			const campaignId = Number(payload.split(':')[0]);
			if (Number.isSafeInteger(campaignId)) this.poke(campaignId);
		});
		this.#timer = setInterval(() => {
			for (const campaignId of this.#hub.campaigns()) this.poke(campaignId);
		}, CATCH_UP_MS);
		this.#timer.unref();
	}

	async stop(): Promise<void> {
		clearInterval(this.#timer);
		await this.#unlisten?.();
		await Promise.allSettled(this.#reading.values());
	}

	/**
	 * A listener joined the campaign having seen events up to `seq` (its hello). The first one
	 * sets where forwarding starts; a later one that is behind sees a gap and reloads.
	 */
	track(campaignId: number, seq: number): void {
		if (!this.#delivered.has(campaignId)) this.#delivered.set(campaignId, seq);
	}

	/** The campaign has new events (or may have): read and forward them. */
	poke(campaignId: number): void {
		if (this.#hub.subscriberCount(campaignId) === 0) {
			this.#delivered.delete(campaignId);
			return;
		}
		if (this.#reading.has(campaignId)) {
			this.#again.add(campaignId);
			return;
		}
		const read = this.#read(campaignId)
			.catch((error: unknown) => console.error('board feed read failed', error))
			.finally(() => {
				this.#reading.delete(campaignId);
				if (this.#again.delete(campaignId)) this.poke(campaignId);
			});
		this.#reading.set(campaignId, read);
	}

	/** Waits until every read in flight is done (tests and benchmarks). */
	async settled(): Promise<void> {
		while (this.#reading.size > 0) await Promise.allSettled(this.#reading.values());
	}

	async #read(campaignId: number): Promise<void> {
		let after = this.#delivered.get(campaignId);
		if (after === undefined) return;
		const events = await this.#database.db
			.select()
			.from(boardEvent)
			.where(and(eq(boardEvent.campaignId, campaignId), gt(boardEvent.seq, after)))
			.orderBy(asc(boardEvent.seq))
			.limit(500);
		for (const event of events) {
			this.#hub.publish(liveEvent(event));
			after = event.seq;
		}
		this.#delivered.set(campaignId, after);
	}
}
