/**
 * One accepted comment socket: who is on it, whether they may write, and a send that never
 * throws. Closing it ends this socket only.
 */
import { WebSocket } from 'ws';
import { editorColour, type CommentEditor } from '../../src/lib/realtime/comments-doc';

/** The signed-in user behind a socket, as the upgrade router validated them. */
export interface CommentUser {
	id: number;
	/** The account name, for the audit trail. */
	username: string;
	/** The name other editors see beside this user's caret. */
	displayName: string;
}

/** How long a closing socket may take for its close handshake before it is cut. */
const CLOSE_GRACE_MS = 5000;

export class Connection {
	readonly ws: WebSocket;
	readonly user: CommentUser;
	readonly canWrite: boolean;
	/** The awareness `user` field the server puts on every state this socket publishes. */
	readonly editor: CommentEditor;
	/** Awareness clientIDs this socket has published; nobody else may speak for them. */
	readonly awarenessIds = new Set<number>();
	/** Frames that arrived while the room was loading, handled in order once it is ready. */
	backlog: Uint8Array[] = [];
	closed = false;

	constructor(ws: WebSocket, user: CommentUser, canWrite: boolean) {
		this.ws = ws;
		this.user = user;
		this.canWrite = canWrite;
		this.editor = {
			id: user.id,
			name: user.displayName,
			color: editorColour(user.id),
			readOnly: !canWrite
		};
	}

	/** Sends a frame if the socket is open; a failed send ends the socket. */
	send(frame: Uint8Array): void {
		if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
		this.ws.send(frame, (error) => {
			if (error) this.terminate();
		});
	}

	/** Closes with a code the client understands (4xxx: permanent, 1011: try again). */
	close(code: number, reason = ''): void {
		if (this.closed) return;
		this.closed = true;
		this.backlog = [];
		try {
			this.ws.close(code, reason);
		} catch {
			this.ws.terminate();
			return;
		}
		setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS).unref();
	}

	/** Cuts the socket without a close handshake (a dead peer). */
	terminate(): void {
		this.closed = true;
		this.backlog = [];
		this.ws.terminate();
	}
}
