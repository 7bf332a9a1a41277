/**
 * "已保存" for a y-websocket client, which has no acknowledgement of its own. The server sends a
 * writer's update back only after committing it, and answers a sync request only with committed
 * content; so everything the server sends, applied to a second document, is a record of what it
 * holds. A local edit counts as saved once that record contains it (its structs and deletions).
 * Works with the stock y-websocket 3.1 client, unchanged: it wraps the provider's own copy of
 * the sync handler to see each message before the client applies it.
 */
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { messageSync } from 'y-websocket';
import * as Y from 'yjs';

const syncStep2 = 1;
const syncUpdate = 2;

/** Tracks which of a document's local edits the server has committed. */
export class SaveTracker {
	/** Everything the server has sent this client. */
	readonly confirmed = new Y.Doc();
	#doc: Y.Doc;
	#provider: WebsocketProvider;
	/** Local edits not yet contained in `confirmed`. */
	#unsaved: Uint8Array[] = [];
	#listeners = new Set<(saved: boolean) => void>();

	constructor(provider: WebsocketProvider) {
		this.#provider = provider;
		this.#doc = provider.doc;
		this.#doc.on('update', this.#onLocalUpdate);
		const original = provider.messageHandlers[messageSync]!;
		provider.messageHandlers[messageSync] = (encoder, decoder, ...rest) => {
			const peek = decoding.clone(decoder);
			const type = decoding.readVarUint(peek);
			if (type === syncStep2 || type === syncUpdate) {
				const update = decoding.readVarUint8Array(peek);
				original(encoder, decoder, ...rest);
				Y.applyUpdate(this.confirmed, update, this);
				this.#recheck();
				return;
			}
			original(encoder, decoder, ...rest);
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

	/** Whether the server has confirmed this update (any update, not only local ones). */
	contains(update: Uint8Array): boolean {
		return Y.snapshotContainsUpdate(Y.snapshot(this.confirmed), update);
	}

	destroy(): void {
		this.#doc.off('update', this.#onLocalUpdate);
		this.confirmed.destroy();
		this.#listeners.clear();
	}

	#onLocalUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === this.#provider) return;
		const wasSaved = this.saved;
		this.#unsaved.push(update);
		if (wasSaved) this.#emit();
	};

	#recheck(): void {
		if (this.#unsaved.length === 0) return;
		const snapshot = Y.snapshot(this.confirmed);
		this.#unsaved = this.#unsaved.filter((update) => !Y.snapshotContainsUpdate(snapshot, update));
		if (this.#unsaved.length === 0) this.#emit();
	}

	#emit(): void {
		for (const listener of this.#listeners) listener(this.saved);
	}
}
