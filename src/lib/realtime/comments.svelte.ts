/**
 * The browser's side of one candidate's 评审意见: the Y.Doc, the stock y-websocket provider on
 * `/yjs/<campaignId>` with the room `<candidateId>`, who is in the document now, and the status
 * line — 已保存 only when the server has committed this user's last edit (SaveTracker),
 * 保存中… while it has not, 离线 while the socket is down (edits stay local and sync on reconnect).
 * A refusal (4401/4403/4413) stops the provider for good and says why.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
	commentCloseCodes,
	COMMENT_SOCKET_PATH,
	type CommentEditor,
	type CommentStatus
} from './comments-doc';
import { SaveTracker } from './comments-saved';
import { socketUrl } from './socket-url';

/** Why the server refused the document, in words a user can act on. */
function refusalText(code: number): string {
	if (code === commentCloseCodes.unauthenticated) return '登录已过期，请重新登录后再查看评审意见。';
	if (code === commentCloseCodes.tooLarge)
		return '评审意见已超过长度上限，最后的修改未保存。请精简内容后刷新页面。';
	return '您无权查看该候选对象的评审意见（例如已回避，或账号角色已变更）。';
}

/** Someone in the document now, as the server named them. */
export interface CommentPeer extends CommentEditor {
	clientId: number;
}

export class CommentSession {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	status = $state<CommentStatus>('connecting');
	/** Why the document was refused, when `status` is 'refused'. */
	refusal = $state<string | null>(null);
	/** Everyone else in the document now, one entry per person (several tabs count once). */
	peers = $state.raw<CommentPeer[]>([]);

	#saved: SaveTracker;

	constructor(campaignId: number, candidateId: number, me: { name: string; color: string }) {
		this.provider = new WebsocketProvider(
			socketUrl(`${COMMENT_SOCKET_PATH}/${campaignId}`),
			String(candidateId),
			this.doc,
			{ maxBackoffTime: 10_000 }
		);
		// The server replaces this with the session's name and colour for everyone else.
		this.provider.awareness.setLocalStateField('user', me);
		this.#saved = new SaveTracker(this.provider);
		this.#saved.subscribe(() => this.#update());
		this.provider.on('status', () => this.#update());
		this.provider.on('sync', () => this.#update());
		this.provider.on('closed', ({ code }) => {
			this.refusal = refusalText(code);
			this.status = 'refused';
		});
		this.provider.awareness.on('change', () => this.#updatePeers());
	}

	/** Ends the session (the panel closed). */
	destroy(): void {
		this.#saved.destroy();
		this.provider.destroy();
		this.doc.destroy();
	}

	#update(): void {
		if (this.status === 'refused') return;
		if (!this.provider.wsconnected) {
			this.status = this.provider.synced || this.status !== 'connecting' ? 'offline' : 'connecting';
			return;
		}
		if (!this.provider.synced) return;
		this.status = this.#saved.saved ? 'saved' : 'saving';
	}

	#updatePeers(): void {
		const peers: CommentPeer[] = [];
		for (const [clientId, state] of this.provider.awareness.getStates()) {
			if (clientId === this.doc.clientID) continue;
			const user = (state as { user?: Partial<CommentEditor> }).user;
			if (typeof user?.id !== 'number' || typeof user.name !== 'string') continue;
			if (!peers.some((peer) => peer.id === user.id))
				peers.push({
					clientId,
					id: user.id,
					name: user.name,
					color: typeof user.color === 'string' ? user.color : '#64748b',
					readOnly: user.readOnly === true
				});
		}
		this.peers = peers;
	}
}
