/**
 * The y-websocket wire format (y-protocols sync + awareness), as the stock y-websocket 3.1 client
 * speaks it: one message per binary frame, a varuint message type first. Decoding is strict: a
 * frame that is not exactly one well-formed message is a ProtocolError, and the caller closes
 * that one connection.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** y-websocket's message types. */
export const messageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** y-protocols' sync message types. */
export const syncType = { step1: 0, step2: 1, update: 2 } as const;

/** Largest awareness state (JSON characters) a client may publish. */
export const MAX_AWARENESS_STATE = 16 * 1024;

/** Most clientIDs one awareness message may carry. */
export const MAX_AWARENESS_ENTRIES = 8;

/** A frame that is not the protocol. */
export class ProtocolError extends Error {}

/** One awareness entry: a client's state (null: it left) at its clock. */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	state: Record<string, unknown> | null;
}

/** A decoded client frame. */
export type ClientMessage =
	| { type: 'sync-step1'; stateVector: Uint8Array }
	| { type: 'sync-step2'; update: Uint8Array }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; entries: AwarenessEntry[] }
	| { type: 'query-awareness' };

/** Decodes one frame; throws ProtocolError for anything but one well-formed message. */
export function decodeFrame(frame: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(frame);
		const message = readMessage(decoder);
		if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes');
		return message;
	} catch (error) {
		if (error instanceof ProtocolError) throw error;
		throw new ProtocolError(error instanceof Error ? error.message : 'undecodable frame');
	}
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
	const type = decoding.readVarUint(decoder);
	if (type === messageType.sync) {
		const sync = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (sync === syncType.step1) {
			Y.decodeStateVector(payload);
			return { type: 'sync-step1', stateVector: payload };
		}
		if (sync === syncType.step2 || sync === syncType.update) {
			// Parse the whole update before anything applies it: applyUpdate integrates the structs
			// before it reads the delete set, so a bad tail would leave half an update applied.
			rejectSubdocuments(Y.decodeUpdate(payload).structs);
			return { type: sync === syncType.step2 ? 'sync-step2' : 'update', update: payload };
		}
		throw new ProtocolError(`unknown sync message ${sync}`);
	}
	if (type === messageType.awareness) {
		return { type: 'awareness', entries: readAwareness(decoding.readVarUint8Array(decoder)) };
	}
	if (type === messageType.queryAwareness) return { type: 'query-awareness' };
	throw new ProtocolError(`unknown message type ${type}`);
}

/** A comment has no subdocuments; one would allocate a whole Y.Doc on the server. */
function rejectSubdocuments(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): void {
	for (const struct of structs) {
		if (struct instanceof Y.Item && struct.content instanceof Y.ContentDoc)
			throw new ProtocolError('subdocuments are not allowed');
	}
}

function readAwareness(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	if (count > MAX_AWARENESS_ENTRIES) throw new ProtocolError('too many awareness entries');
	const entries: AwarenessEntry[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const json = decoding.readVarString(decoder);
		if (json.length > MAX_AWARENESS_STATE) throw new ProtocolError('awareness state too large');
		const state: unknown = JSON.parse(json);
		if (state !== null && (typeof state !== 'object' || Array.isArray(state)))
			throw new ProtocolError('awareness state is not an object');
		entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
	}
	if (decoding.hasContent(decoder)) throw new ProtocolError('trailing awareness bytes');
	return entries;
}

/** The awareness entries as the payload of an awareness message. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, JSON.stringify(entry.state));
	}
	return encoding.toUint8Array(encoder);
}

/** A sync message frame (step 1: a state vector; step 2 and update: an update). */
export function syncFrame(
	kind: (typeof syncType)[keyof typeof syncType],
	payload: Uint8Array
): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, messageType.sync);
	encoding.writeVarUint(encoder, kind);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

/** An awareness message frame around an encoded awareness update. */
export function awarenessFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, messageType.awareness);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/**
 * The keep-alive: an awareness message with no entries. The client applies it as a no-op but
 * counts it as a message, so it never hits its 30-second silence timeout.
 */
export const keepaliveFrame: Uint8Array = awarenessFrame(encodeAwarenessEntries([]));
