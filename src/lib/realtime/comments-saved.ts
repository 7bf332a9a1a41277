/**
 * "已保存" for a y-websocket client, which has no acknowledgement of its own. The server sends a
 * writer's update back only after committing it, and sends its sync messages to a writer (its
 * state vector, and the answer to the client's) only once what it received before is committed.
 * So what the server sends is a record of what it holds: the struct ranges and deletions of the
 * updates it sent, and, in its state vector, how far it holds each client's structs. A local edit
 * counts as saved once that record contains it.
 *
 * Works with the stock y-websocket 3.1 client, unchanged: it wraps the provider's own copy of the
 * sync handler to see each message before the client applies it.
 */
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { messageSync } from 'y-websocket';
import * as Y from 'yjs';

const syncStep1 = 0;
const syncStep2 = 1;
const syncUpdate = 2;

/** Half-open clock ranges `[start, end)` per client, kept sorted and merged. */
type Ranges = Map<number, [number, number][]>;

function addRange(ranges: Ranges, client: number, start: number, end: number): void {
	const list = ranges.get(client) ?? [];
	list.push([start, end]);
	list.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const range of list) {
		const last = merged[merged.length - 1];
		if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
		else merged.push([range[0], range[1]]);
	}
	ranges.set(client, merged);
}

function covers(ranges: Ranges, client: number, start: number, end: number): boolean {
	return (ranges.get(client) ?? []).some(([from, to]) => from <= start && end <= to);
}

/** A local edit, decoded once: its struct ranges and its deletions. */
interface LocalEdit {
	update: Uint8Array;
	structs: [client: number, start: number, end: number][];
	deletions: ReturnType<typeof Y.createDeleteSet>;
}

function decodeEdit(update: Uint8Array): LocalEdit {
	const { structs, ds } = Y.decodeUpdate(update);
	return {
		update,
		structs: structs
			.filter((struct) => !(struct instanceof Y.Skip))
			.map((struct) => [struct.id.client, struct.id.clock, struct.id.clock + struct.length]),
		deletions: ds
	};
}

/** Tracks which of a document's local edits the server has committed. */
export class SaveTracker {
	#doc: Y.Doc;
	#provider: WebsocketProvider;
	/** Local edits not yet contained in what the server confirmed. */
	#unsaved: LocalEdit[] = [];
	#listeners = new Set<(saved: boolean) => void>();
	/** Struct ranges the server has sent or counted in its state vector. */
	#structs: Ranges = new Map();
	/** Deletions the server has sent. */
	#deletions = Y.createDeleteSet();

	constructor(provider: WebsocketProvider) {
		this.#provider = provider;
		this.#doc = provider.doc;
		this.#doc.on('update', this.#onLocalUpdate);
		const original = provider.messageHandlers[messageSync]!;
		provider.messageHandlers[messageSync] = (encoder, decoder, ...rest) => {
			const peek = decoding.clone(decoder);
			const type = decoding.readVarUint(peek);
			const payload =
				type === syncStep1 || type === syncStep2 || type === syncUpdate
					? decoding.readVarUint8Array(peek)
					: null;
			original(encoder, decoder, ...rest);
			if (payload === null || this.#unsaved.length === 0) {
				if (payload !== null) this.#confirm(type, payload);
				return;
			}
			if (this.#confirm(type, payload)) this.#recheck();
		};
	}

	/** True when every local edit is committed on the server. */
	get saved(): boolean {
		return this.#unsaved.length === 0;
	}

	/** Local edits still waiting for the server's commit. */
	get unsavedCount(): number {
		return this.#unsaved.length;
	}

	/** Calls `listener` whenever `saved` may have changed; returns the unsubscribe. */
	subscribe(listener: (saved: boolean) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Whether the server has confirmed everything in this update (structs and deletions). */
	contains(update: Uint8Array): boolean {
		return this.#contains(decodeEdit(update));
	}

	destroy(): void {
		this.#doc.off('update', this.#onLocalUpdate);
		this.#listeners.clear();
	}

	#contains(edit: LocalEdit): boolean {
		for (const [client, start, end] of edit.structs)
			if (!covers(this.#structs, client, start, end)) return false;
		if (edit.deletions.clients.size === 0) return true;
		return Y.equalDeleteSets(this.#deletions, Y.mergeDeleteSets([this.#deletions, edit.deletions]));
	}

	#onLocalUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === this.#provider) return;
		const wasSaved = this.saved;
		this.#unsaved.push(decodeEdit(update));
		// Typing offline piles up updates; one merged update is contained exactly when they all are.
		if (this.#unsaved.length > 64)
			this.#unsaved = [decodeEdit(Y.mergeUpdates(this.#unsaved.map((edit) => edit.update)))];
		if (wasSaved) this.#emit();
	};

	/**
	 * Records what a server message confirms. Returns whether it may confirm a local edit: a
	 * state vector, an update with this client's structs, or one with deletions.
	 */
	#confirm(type: number, payload: Uint8Array): boolean {
		if (type === syncStep1) {
			for (const [client, clock] of Y.decodeStateVector(payload))
				if (clock > 0) addRange(this.#structs, client, 0, clock);
			return true;
		}
		const { structs, ds } = Y.decodeUpdate(payload);
		let mine = false;
		for (const struct of structs) {
			if (struct instanceof Y.Skip) continue;
			const { client, clock } = struct.id;
			addRange(this.#structs, client, clock, clock + struct.length);
			if (client === this.#doc.clientID) mine = true;
		}
		if (ds.clients.size > 0) this.#deletions = Y.mergeDeleteSets([this.#deletions, ds]);
		return mine || ds.clients.size > 0;
	}

	#recheck(): void {
		this.#unsaved = this.#unsaved.filter((edit) => !this.#contains(edit));
		if (this.#unsaved.length === 0) this.#emit();
	}

	#emit(): void {
		for (const listener of this.#listeners) listener(this.saved);
	}
}
