/**
 * One comment document held in memory while anyone has it open (ARCHITECTURE.md, "Yjs rooms").
 *
 * - It loads from the database before it answers anything: frames that arrive earlier wait, and a
 *   load that fails closes the sockets with 1011 (they retry) — never an empty document.
 * - A writer's update is applied, relayed to the other sockets at once, and appended to the log
 *   in a batch every few milliseconds; the writer gets its own update back only after the commit.
 *   That echo is the client's "已保存".
 * - Read-only sockets (observers) have their SyncStep2 and Update frames dropped unread.
 * - Awareness states carry the session's name and colour, whatever the client claimed.
 * - Rows that other instances commit arrive through `catchUp`, after their NOTIFY.
 */
import {
	applyAwarenessUpdate,
	Awareness,
	encodeAwarenessUpdate,
	removeAwarenessStates
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { commentCloseCodes } from '../../src/lib/realtime/comments-doc';
import { commentHasText } from '../../src/lib/server/comments/read';
import { AUDIT_WINDOW_MINUTES, type CommentStore } from '../../src/lib/server/comments/store';
import type { CommentMarkers } from '../../src/lib/server/comments/markers';
import { Connection, type CommentUser } from './connection';
import {
	awarenessFrame,
	decodeFrame,
	encodeAwarenessEntries,
	ProtocolError,
	syncFrame,
	syncType,
	type AwarenessEntry
} from './protocol';

/** Where a comment document belongs. */
export interface RoomScope {
	campaignId: number;
	candidateId: number;
}

/** Settings of a room; the defaults suit production, tests shorten them. */
export interface RoomSettings {
	/** Milliseconds a batch of updates waits before it is committed (10–30). */
	flushMs: number;
	/** Largest document, in bytes of its updates; an edit beyond it is refused. */
	maxDocBytes: number;
	/** Rows past which the log is compacted. */
	compactRows: number;
	/** Milliseconds without an edit after which "someone is writing" ends. */
	writingIdleMs: number;
}

export const defaultRoomSettings: RoomSettings = {
	flushMs: 15,
	maxDocBytes: 4 * 1024 * 1024,
	compactRows: 500,
	writingIdleMs: 8000
};

/** What a room needs from its owner. */
export interface RoomContext {
	store: CommentStore;
	settings: RoomSettings;
	/** Publishes the board markers (has a comment, someone writing). */
	publishMarkers(scope: RoomScope, markers: CommentMarkers): Promise<void>;
	/** The stored "has a comment" marker, to correct it if the content says otherwise. */
	storedHasComment(candidateId: number): Promise<boolean | null>;
	/** The room has no sockets left. */
	idle(room: Room): void;
}

/** Most frames a socket may send while its room is still loading. */
const MAX_BACKLOG = 256;
/** Most awareness clientIDs one socket may publish (tabs share a socket only in tests). */
const MAX_AWARENESS_IDS = 4;
const AUDIT_WINDOW_MS = AUDIT_WINDOW_MINUTES * 60_000;
/** Origin of updates read from the database (other instances' writes): relayed, not stored. */
const FROM_DATABASE = Symbol('from database');

interface Batch {
	updates: Uint8Array[];
	editors: Map<number, CommentUser>;
	/** Run after the batch commits: the writers' echoes and deferred sync answers. */
	committed: (() => void)[];
}

const emptyBatch = (): Batch => ({ updates: [], editors: new Map(), committed: [] });
const isEmpty = (batch: Batch) => batch.updates.length === 0 && batch.committed.length === 0;

export class Room {
	readonly name: string;
	readonly scope: RoomScope;
	readonly doc = new Y.Doc();
	readonly awareness: Awareness;
	readonly connections = new Set<Connection>();
	state: 'loading' | 'ready' | 'failed' | 'closing' | 'closed' = 'loading';
	/** Settles once the load is done: true when the room serves, false when it failed. */
	readonly loaded: Promise<boolean>;

	#context: RoomContext;
	/** Highest row of the log this room has applied; rows after it are read on a NOTIFY. */
	#cursor = 0;
	/** Rows in the log since the last compaction (approximately: other instances add some). */
	#rows = 0;
	/** Size of the document in bytes of updates, for the cap. */
	#bytes = 0;
	#pending: Batch = emptyBatch();
	#inflight: Batch | null = null;
	#flushTimer: ReturnType<typeof setTimeout> | undefined;
	#flushing: Promise<void> | null = null;
	#catchingUp: Promise<void> | null = null;
	#catchUpAgain = false;
	#compacting: Promise<void> | null = null;
	/** The updates a writer's frame produced, collected while it is applied. */
	#producing: Uint8Array[] | null = null;
	#awarenessOwner = new Map<number, Connection>();
	#auditedAt = new Map<number, number>();
	#hasText: boolean | null = null;
	#writing = false;
	#writingTimer: ReturnType<typeof setTimeout> | undefined;
	#markers: Promise<void> = Promise.resolve();
	#markersQueued = false;

	constructor(name: string, scope: RoomScope, context: RoomContext, after: Promise<void>) {
		this.name = name;
		this.scope = scope;
		this.#context = context;
		this.awareness = new Awareness(this.doc);
		this.awareness.setLocalState(null);
		this.awareness.on('update', this.#onAwareness);
		this.loaded = after.then(
			() => this.#load(),
			() => this.#load()
		);
	}

	/** A socket joins; it is served once the room has loaded. */
	join(connection: Connection): void {
		this.connections.add(connection);
		if (this.state === 'ready') this.#start(connection);
		else if (this.state !== 'loading')
			connection.close(commentCloseCodes.unavailable, 'comment room closed');
	}

	/** A socket left (closed or cut). */
	leave(connection: Connection): void {
		if (!this.connections.delete(connection)) return;
		const ids = [...connection.awarenessIds];
		for (const id of ids) {
			if (this.#awarenessOwner.get(id) === connection) this.#awarenessOwner.delete(id);
		}
		if (ids.length > 0) removeAwarenessStates(this.awareness, ids, connection);
		if (this.connections.size === 0) this.#context.idle(this);
	}

	/** A frame from a socket. */
	receive(connection: Connection, frame: Uint8Array): void {
		if (connection.closed) return;
		if (this.state === 'loading') {
			if (connection.backlog.length >= MAX_BACKLOG)
				connection.close(commentCloseCodes.unavailable, 'comment room still loading');
			else connection.backlog.push(frame);
			return;
		}
		if (this.state === 'ready') this.#handle(connection, frame);
	}

	/** Rows up to `seq` exist in the log (a NOTIFY): read what this room has not applied. */
	notify(seq: number): void {
		if (seq > this.#cursor) this.catchUp();
	}

	/** The highest row this room has applied. */
	get cursor(): number {
		return this.#cursor;
	}

	/** Reads and applies the rows after the cursor; one read at a time, a request during one repeats it. */
	catchUp(): void {
		if (this.state === 'loading' || this.#catchingUp) {
			this.#catchUpAgain = true;
			return;
		}
		if (this.state !== 'ready') return;
		this.#catchingUp = this.#readNewRows()
			.catch((error: unknown) => console.error(`comment catch-up failed (${this.name})`, error))
			.finally(() => {
				this.#catchingUp = null;
				if (this.#catchUpAgain) {
					this.#catchUpAgain = false;
					this.catchUp();
				}
			});
	}

	/** Commits everything received so far (tests, unload, shutdown). */
	async flush(): Promise<void> {
		while (this.#flushing || !isEmpty(this.#pending)) {
			if (!this.#flushing) this.#startFlush();
			await this.#flushing;
		}
	}

	/** Waits for the background work in flight: flushes, catch-up reads, compaction, markers. */
	async settled(): Promise<void> {
		await this.loaded;
		await this.flush();
		await this.#catchingUp;
		await this.#compacting;
		await this.#markers;
	}

	/**
	 * Unloads an idle room: commit what is pending, compact the log, publish that nobody is
	 * writing, and free the document. The owner has already stopped routing sockets here.
	 */
	async unload(): Promise<void> {
		const served = await this.loaded;
		this.state = 'closing';
		for (const connection of this.connections) connection.close(commentCloseCodes.goingAway);
		if (served) {
			await this.flush();
			await this.#catchingUp;
			await this.#compacting;
			await this.#compact();
			clearTimeout(this.#writingTimer);
			if (this.#writing) {
				this.#writing = false;
				this.#queueMarkers();
			}
			await this.#markers;
		}
		this.state = 'closed';
		this.awareness.destroy();
		this.doc.destroy();
	}

	async #load(): Promise<boolean> {
		try {
			const rows = await this.#context.store.load(this.name);
			if (this.state !== 'loading') return false;
			Y.transact(this.doc, () => {
				for (const row of rows) Y.applyUpdate(this.doc, row.data);
			});
			this.#cursor = rows.length > 0 ? rows[rows.length - 1]!.seq : 0;
			this.#rows = rows.length;
			this.#bytes = Y.encodeStateAsUpdate(this.doc).length;
		} catch (error) {
			console.error(`comment load failed (${this.name})`, error);
			this.state = 'failed';
			for (const connection of this.connections)
				connection.close(commentCloseCodes.unavailable, 'comment load failed');
			return false;
		}
		this.doc.on('update', this.#onUpdate);
		this.state = 'ready';
		for (const connection of this.connections) this.#start(connection);
		if (this.#rows > this.#context.settings.compactRows) this.#compactSoon();
		if (this.#catchUpAgain) {
			this.#catchUpAgain = false;
			this.catchUp();
		}
		this.#hasText = commentHasText(this.doc);
		void this.#context.storedHasComment(this.scope.candidateId).then(
			(stored) => {
				if (stored !== null && stored !== this.#hasText) this.#queueMarkers();
			},
			(error: unknown) => console.error('comment marker read failed', error)
		);
		return true;
	}

	/** Greets a socket once the room is ready, then handles what it sent meanwhile. */
	#start(connection: Connection): void {
		if (connection.closed) return;
		// Ask a writer for what it has and we lack (edits made offline). Sent once what is pending
		// is committed: the state vector then also tells the client which of its own edits from an
		// earlier socket are saved (their echo may have been lost with that socket).
		if (connection.canWrite) {
			const ask = () => {
				if (!connection.closed && this.state === 'ready')
					connection.send(syncFrame(syncType.step1, Y.encodeStateVector(this.doc)));
			};
			const committed = this.#whenCommitted();
			if (committed) committed.push(ask);
			else ask();
		}
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0)
			connection.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, states)));
		const backlog = connection.backlog;
		connection.backlog = [];
		for (const frame of backlog) {
			if (connection.closed) break;
			this.#handle(connection, frame);
		}
	}

	#handle(connection: Connection, frame: Uint8Array): void {
		let message;
		try {
			message = decodeFrame(frame);
		} catch (error) {
			if (!(error instanceof ProtocolError)) console.error('comment frame', error);
			connection.close(commentCloseCodes.malformed, 'malformed frame');
			return;
		}
		switch (message.type) {
			case 'sync-step1':
				this.#answerStep1(connection, message.stateVector);
				return;
			case 'sync-step2':
			case 'update':
				if (connection.canWrite)
					this.#write(connection, message.update, message.type === 'update' ? frame : null);
				return;
			case 'awareness':
				this.#publishAwareness(connection, message.entries);
				return;
			case 'query-awareness': {
				const states = [...this.awareness.getStates().keys()];
				connection.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, states)));
				return;
			}
		}
	}

	/**
	 * SyncStep2 to a writer waits for the batch in flight: what it reports must be committed,
	 * or the client could count an edit it sent on an earlier socket as saved.
	 */
	#answerStep1(connection: Connection, stateVector: Uint8Array): void {
		const reply = () => {
			if (connection.closed || this.state !== 'ready') return;
			connection.send(syncFrame(syncType.step2, Y.encodeStateAsUpdate(this.doc, stateVector)));
		};
		const committed = connection.canWrite ? this.#whenCommitted() : null;
		if (committed) committed.push(reply);
		else reply();
	}

	/**
	 * A writer's update: applied, then relayed to the other sockets at once — the frame as it came
	 * when it is an Update that integrated whole (no re-encoding on the hot path) — and queued for
	 * the next commit, after which the writer gets it back.
	 */
	#write(connection: Connection, update: Uint8Array, updateFrame: Uint8Array | null): void {
		if (this.#bytes + update.length > this.#context.settings.maxDocBytes) {
			connection.close(commentCloseCodes.tooLarge, 'comment too large');
			return;
		}
		const produced: Uint8Array[] = [];
		this.#producing = produced;
		try {
			Y.applyUpdate(this.doc, update, connection);
		} catch (error) {
			console.error(`comment update refused (${this.name})`, error);
			connection.close(commentCloseCodes.malformed, 'update not applicable');
			return;
		} finally {
			this.#producing = null;
		}
		// Relay and echo what the client sent, unless part of it waits for a missing dependency:
		// then only what was integrated (and stored) goes out, and may be reported as saved.
		const store = this.doc.store;
		const whole = store.pendingStructs === null && store.pendingDs === null;
		const echo = whole
			? (updateFrame ?? syncFrame(syncType.update, update))
			: produced.length > 0
				? syncFrame(syncType.update, Y.mergeUpdates(produced))
				: null;
		if (echo && produced.length > 0) {
			for (const other of this.connections) if (other !== connection) other.send(echo);
		}
		if (echo) this.#pending.committed.push(() => connection.send(echo));
		this.#scheduleFlush();
		if (produced.length > 0) this.#markWriting();
	}

	/**
	 * Every change of the document: a writer's is stored (`#write` relays it); one read from the
	 * database (another instance's) is relayed here.
	 */
	#onUpdate = (update: Uint8Array, origin: unknown) => {
		this.#bytes += update.length;
		if (origin instanceof Connection) {
			this.#pending.updates.push(update);
			this.#pending.editors.set(origin.user.id, origin.user);
			this.#producing?.push(update);
			return;
		}
		const frame = syncFrame(syncType.update, update);
		for (const connection of this.connections) connection.send(frame);
		if (origin === FROM_DATABASE) this.#othersWriting();
	};

	#publishAwareness(connection: Connection, entries: AwarenessEntry[]): void {
		const accepted: AwarenessEntry[] = [];
		for (const entry of entries) {
			const owner = this.#awarenessOwner.get(entry.clientId);
			if (owner && owner !== connection) continue;
			if (!owner) {
				if (connection.awarenessIds.size >= MAX_AWARENESS_IDS) continue;
				this.#awarenessOwner.set(entry.clientId, connection);
				connection.awarenessIds.add(entry.clientId);
			}
			accepted.push({
				...entry,
				state: entry.state === null ? null : { ...entry.state, user: connection.editor }
			});
		}
		if (accepted.length > 0)
			applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), connection);
	}

	#onAwareness = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	) => {
		const changed = [...added, ...updated, ...removed];
		if (changed.length === 0 || this.state !== 'ready') return;
		const frame = awarenessFrame(encodeAwarenessUpdate(this.awareness, changed));
		for (const connection of this.connections) {
			if (connection !== origin) connection.send(frame);
		}
	};

	/** The callbacks of the batch that holds everything received so far; null if all is committed. */
	#whenCommitted(): (() => void)[] | null {
		if (!isEmpty(this.#pending)) return this.#pending.committed;
		if (this.#inflight) return this.#inflight.committed;
		return null;
	}

	/**
	 * Batches: the first update after a commit opens a `flushMs` window; what arrives within it
	 * goes in one row at its end. The relays went out already, so a commit (whose work on the
	 * embedded database blocks this thread for a few milliseconds) runs between keystrokes.
	 */
	#scheduleFlush(): void {
		if (this.#flushTimer || this.#flushing) return;
		this.#flushTimer = setTimeout(() => this.#startFlush(), this.#context.settings.flushMs);
	}

	#startFlush(): void {
		clearTimeout(this.#flushTimer);
		this.#flushTimer = undefined;
		if (this.#flushing) return;
		this.#flushing = this.#flushBatch().finally(() => {
			this.#flushing = null;
			if (!isEmpty(this.#pending) && this.state !== 'closed') this.#scheduleFlush();
		});
	}

	/** Commits the pending batch; a failed commit is retried, its echoes held back meanwhile. */
	async #flushBatch(): Promise<void> {
		let failures = 0;
		for (;;) {
			const batch = this.#pending;
			this.#pending = emptyBatch();
			this.#inflight = batch;
			try {
				if (batch.updates.length > 0) await this.#commit(batch);
			} catch (error) {
				this.#inflight = null;
				this.#pending = {
					updates: [...batch.updates, ...this.#pending.updates],
					editors: new Map([...batch.editors, ...this.#pending.editors]),
					committed: [...batch.committed, ...this.#pending.committed]
				};
				failures++;
				console.error(`comment commit failed (${this.name}), retrying`, error);
				await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 50 * 2 ** failures)));
				continue;
			}
			this.#inflight = null;
			for (const done of batch.committed) done();
			return;
		}
	}

	async #commit(batch: Batch): Promise<void> {
		const now = Date.now();
		const audited = [...batch.editors.values()].filter(
			(editor) => now - (this.#auditedAt.get(editor.id) ?? -Infinity) >= AUDIT_WINDOW_MS
		);
		const { seq, previous } = await this.#context.store.append(
			this.name,
			batch.updates,
			this.scope,
			audited.map((editor) => ({ id: editor.id, name: editor.username }))
		);
		for (const editor of audited) this.#auditedAt.set(editor.id, now);
		// Nothing committed between our cursor and this row: the cursor may skip to it.
		if (previous <= this.#cursor) this.#cursor = Math.max(this.#cursor, seq);
		this.#rows++;
		if (this.#rows > this.#context.settings.compactRows) this.#compactSoon();
		this.#checkText();
	}

	async #readNewRows(): Promise<void> {
		const rows = await this.#context.store.readAfter(this.name, this.#cursor);
		if (this.state !== 'ready' || rows.length === 0) return;
		Y.transact(
			this.doc,
			() => {
				for (const row of rows) Y.applyUpdate(this.doc, row.data, FROM_DATABASE);
			},
			FROM_DATABASE
		);
		this.#cursor = Math.max(this.#cursor, rows[rows.length - 1]!.seq);
		this.#rows += rows.length;
		this.#checkText();
	}

	#compactSoon(): void {
		if (this.#compacting) return;
		this.#compacting = this.#compact()
			.catch((error: unknown) => console.error(`comment compaction failed (${this.name})`, error))
			.finally(() => (this.#compacting = null));
	}

	async #compact(): Promise<void> {
		const result = await this.#context.store.compact(this.name);
		if (result.seq !== null && result.readUpTo <= this.#cursor)
			this.#cursor = Math.max(this.#cursor, result.seq);
		this.#rows = result.seq === null ? 0 : 1;
		if (this.state === 'ready') this.#bytes = Y.encodeStateAsUpdate(this.doc).length;
	}

	/** A writer on this instance edited: "someone is writing" until they pause. */
	#markWriting(): void {
		this.#armWritingTimer();
		if (!this.#writing) {
			this.#writing = true;
			this.#queueMarkers();
		}
	}

	/**
	 * A writer on another instance edited (their rows arrived). Each instance publishes the
	 * marker for its own writers, and the card shows the last event: an instance whose writers
	 * paused must not announce "nobody is writing" while another's still write, so it waits for
	 * them too. An instance with no writer of its own announces nothing.
	 */
	#othersWriting(): void {
		if (this.#writing) this.#armWritingTimer();
	}

	#armWritingTimer(): void {
		clearTimeout(this.#writingTimer);
		this.#writingTimer = setTimeout(() => {
			this.#writing = false;
			this.#queueMarkers();
		}, this.#context.settings.writingIdleMs);
		this.#writingTimer.unref();
	}

	#checkText(): void {
		const hasText = commentHasText(this.doc);
		if (hasText === this.#hasText) return;
		this.#hasText = hasText;
		this.#queueMarkers();
	}

	/** Publishes the markers as they are when the previous publication is done (coalesced). */
	#queueMarkers(): void {
		if (this.#markersQueued) return;
		this.#markersQueued = true;
		this.#markers = this.#markers.then(async () => {
			this.#markersQueued = false;
			try {
				await this.#context.publishMarkers(this.scope, {
					hasComment: this.#hasText ?? false,
					writing: this.#writing
				});
			} catch (error) {
				console.error(`comment markers failed (${this.name})`, error);
			}
		});
	}
}
