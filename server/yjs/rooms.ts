/**
 * All comment rooms of this instance. The upgrade router authenticates and authorizes a socket,
 * then hands it to `accept`; from there this module owns it. Per document one room at a time:
 * a room that is unloading (flush, compaction) finishes before the next one for the same document
 * loads, so unload → flush → reopen never overlap. Other instances' rows arrive through the
 * NOTIFY of their append, and a periodic check catches up on any NOTIFY that was lost.
 */
import type { RawData, WebSocket } from 'ws';
import { commentCloseCodes, commentDocName } from '../../src/lib/realtime/comments-doc';
import type { Database } from '../../src/lib/server/db';
import {
	publishCommentMarkers,
	storedHasComment,
	type CommentMarkers
} from '../../src/lib/server/comments/markers';
import { CommentStore, YDOC_CHANNEL } from '../../src/lib/server/comments/store';
import { Connection, type CommentUser } from './connection';
import {
	defaultRoomSettings,
	Room,
	type RoomContext,
	type RoomScope,
	type RoomSettings
} from './room';

export type { CommentUser, RoomScope };

/** A frame that arrived before the socket was handed to the rooms. */
export interface EarlyFrame {
	data: RawData;
	isBinary: boolean;
}

/** Settings of the rooms; the defaults suit production, tests shorten them. */
export interface RoomsSettings extends RoomSettings {
	/** Milliseconds a room stays loaded after its last socket left (30–60 s). */
	unloadAfterMs: number;
	/** Milliseconds between checks for rows whose NOTIFY was lost. */
	catchUpMs: number;
}

export const defaultRoomsSettings: RoomsSettings = {
	...defaultRoomSettings,
	unloadAfterMs: 45_000,
	catchUpMs: 3000
};

export interface CommentRoomsOptions {
	database: Database;
	/** The update log; a test may pass one that is slow or fails. */
	store?: CommentStore;
	settings?: Partial<RoomsSettings>;
}

export class CommentRooms {
	readonly settings: RoomsSettings;
	readonly store: CommentStore;
	#database: Database;
	#rooms = new Map<string, Room>();
	/** Rooms unloading, by document: a new room for the document loads after it. */
	#closing = new Map<string, Promise<void>>();
	#unloadTimers = new Map<Room, ReturnType<typeof setTimeout>>();
	#catchUp: ReturnType<typeof setInterval> | undefined;
	#unlisten: (() => Promise<void>) | undefined;
	#context: RoomContext;
	#stopped = false;

	constructor(options: CommentRoomsOptions) {
		this.#database = options.database;
		this.store =
			options.store ??
			new CommentStore(options.database.db, { shared: options.database.kind === 'postgres' });
		this.settings = { ...defaultRoomsSettings, ...options.settings };
		const db = options.database.db;
		this.#context = {
			store: this.store,
			settings: this.settings,
			publishMarkers: (scope: RoomScope, markers: CommentMarkers) =>
				publishCommentMarkers(db, scope, markers),
			storedHasComment: (candidateId: number) => storedHasComment(db, candidateId),
			idle: (room: Room) => this.#idle(room)
		};
	}

	/** Listens for other instances' appends. (Pings and keep-alive frames are the router's.) */
	async start(): Promise<void> {
		this.#unlisten = await this.#database.listen(
			YDOC_CHANNEL,
			(payload) => {
				const space = payload.indexOf(' ');
				const seq = Number(payload.slice(0, space));
				const room = this.#rooms.get(payload.slice(space + 1));
				if (room && Number.isSafeInteger(seq)) room.notify(seq);
			},
			// LISTEN was lost and is back: every room reads what it may have missed.
			() => {
				for (const room of this.#rooms.values()) room.catchUp();
			}
		);
		this.#catchUp = setInterval(() => void this.#checkMissed(), this.settings.catchUpMs);
		this.#catchUp.unref();
	}

	/**
	 * Takes an accepted, authorized socket into the room of the candidate's comment. `canWrite`
	 * false makes it read-only: its document writes are dropped, it still receives everything.
	 * `early` are frames the socket sent before it got here, handled first.
	 */
	accept(
		ws: WebSocket,
		scope: RoomScope,
		user: CommentUser,
		canWrite: boolean,
		early: readonly EarlyFrame[] = []
	): void {
		const connection = new Connection(ws, user, canWrite);
		ws.on('error', () => connection.terminate());
		if (this.#stopped) {
			connection.close(commentCloseCodes.goingAway);
			return;
		}
		const room = this.#room(scope);
		const receive = (data: RawData, isBinary: boolean) => {
			if (!isBinary) return connection.close(commentCloseCodes.malformed, 'text frame');
			room.receive(connection, asBytes(data));
		};
		ws.on('message', receive);
		ws.on('close', () => {
			connection.closed = true;
			room.leave(connection);
		});
		room.join(connection);
		for (const frame of early) receive(frame.data, frame.isBinary);
	}

	/** Rooms loaded now (tests and the bench). */
	get size(): number {
		return this.#rooms.size;
	}

	/** The loaded room of a candidate's comment, if any (tests). */
	roomOf(scope: RoomScope): Room | undefined {
		return this.#rooms.get(commentDocName(scope.campaignId, scope.candidateId));
	}

	/** Waits for the work in flight of every room, and for unloads. */
	async settled(): Promise<void> {
		await Promise.all([...this.#rooms.values()].map((room) => room.settled()));
		await Promise.all(this.#closing.values());
	}

	/** Shutdown: sockets get "going away", every room commits and unloads. */
	async stop(): Promise<void> {
		this.#stopped = true;
		clearInterval(this.#catchUp);
		for (const timer of this.#unloadTimers.values()) clearTimeout(timer);
		this.#unloadTimers.clear();
		const rooms = [...this.#rooms.values()];
		this.#rooms.clear();
		await Promise.allSettled(rooms.map((room) => room.unload()));
		await Promise.allSettled(this.#closing.values());
		await this.#unlisten?.();
	}

	#room(scope: RoomScope): Room {
		const name = commentDocName(scope.campaignId, scope.candidateId);
		const open = this.#rooms.get(name);
		if (open && (open.state === 'loading' || open.state === 'ready')) {
			clearTimeout(this.#unloadTimers.get(open));
			this.#unloadTimers.delete(open);
			return open;
		}
		const room = new Room(name, scope, this.#context, this.#closing.get(name) ?? Promise.resolve());
		this.#rooms.set(name, room);
		void room.loaded.then((served) => {
			if (!served && this.#rooms.get(name) === room) this.#rooms.delete(name);
		});
		return room;
	}

	#idle(room: Room): void {
		if (this.#stopped || this.#unloadTimers.has(room)) return;
		const timer = setTimeout(() => {
			this.#unloadTimers.delete(room);
			if (room.connections.size > 0 || this.#rooms.get(room.name) !== room) return;
			this.#rooms.delete(room.name);
			const previous = this.#closing.get(room.name) ?? Promise.resolve();
			const unloading: Promise<void> = previous
				.then(() => room.unload())
				.catch((error: unknown) => console.error(`comment unload failed (${room.name})`, error))
				.finally(() => {
					if (this.#closing.get(room.name) === unloading) this.#closing.delete(room.name);
				});
			this.#closing.set(room.name, unloading);
		}, this.settings.unloadAfterMs);
		timer.unref();
		this.#unloadTimers.set(room, timer);
	}

	/** One query for every loaded room: those behind the log read what they missed. */
	async #checkMissed(): Promise<void> {
		const ready = [...this.#rooms.values()].filter((room) => room.state === 'ready');
		if (ready.length === 0) return;
		try {
			const latest = await this.store.latest(ready.map((room) => room.name));
			for (const room of ready) {
				const seq = latest.get(room.name);
				if (seq !== undefined) room.notify(seq);
			}
		} catch (error) {
			console.error('comment catch-up check failed', error);
		}
	}
}

function asBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return Buffer.concat(data);
	return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
