/**
 * What the browser's comment editor and the server's Yjs rooms agree on: the document's name,
 * the field Tiptap edits, the close codes of a refusal and an editor's colour. Plain data, no DOM
 * and no server imports, so both sides load it.
 */

/** The Y.XmlFragment that Tiptap's Collaboration extension edits (its default field). */
export const COMMENT_FIELD = 'default';

/** The Yjs document of one candidate's 评审意见 (ARCHITECTURE.md, "Yjs is only for co-edited text"). */
export function commentDocName(campaignId: number, candidateId: number): string {
	return `campaign/${campaignId}/candidate/${candidateId}/comments`;
}

/** Path prefix of the comment sockets; the client adds `/<campaignId>` and the room `/<candidateId>`. */
export const COMMENT_SOCKET_PATH = '/yjs';

/**
 * Close codes. 4400–4499 are permanent for the y-websocket 3.1 client: it stops reconnecting
 * and fires `closed`. 1011 and 4500–4599 are transient: it tries again.
 */
export const commentCloseCodes = {
	/** Not signed in (or the session expired). */
	unauthenticated: 4401,
	/** Signed in, but no right to this document: a unit account, a recused panelist, another campaign. */
	forbidden: 4403,
	/** The candidate does not exist (any more). */
	notFound: 4404,
	/** The document reached its size cap; the edit that would pass it was refused. */
	tooLarge: 4413,
	/** A frame that does not decode as the y-websocket protocol. */
	malformed: 1007,
	/** The document could not be loaded; try again later. */
	unavailable: 1011,
	/** The server is shutting down. */
	goingAway: 1001
} as const;

/** What a comment's status line shows. */
export type CommentStatus = 'connecting' | 'saved' | 'saving' | 'offline' | 'refused';

/** The status line's text, by status (已保存 only once the server committed the last edit). */
export const commentStatusText: Record<CommentStatus, string> = {
	connecting: '正在连接…',
	saved: '已保存',
	saving: '保存中…',
	offline: '离线 – 恢复连接后自动同步',
	refused: '无法打开评审意见'
};

/** Editors' colours: readable as a caret and as a 15 % tint behind a selection. */
const palette = [
	'#2563eb',
	'#dc2626',
	'#16a34a',
	'#9333ea',
	'#ea580c',
	'#0891b2',
	'#c026d3',
	'#65a30d',
	'#be123c',
	'#4f46e5',
	'#0d9488',
	'#b45309'
] as const;

/** A user's stable colour: the same on every screen and in every document. */
export function editorColour(userId: number): string {
	return palette[Math.abs(userId) % palette.length]!;
}

/** The `user` field of an editor's awareness state, as the server sets it from the session. */
export interface CommentEditor {
	/** The user's id, so a client can tell two tabs of one person apart from two people. */
	id: number;
	name: string;
	color: string;
	/** True for read-only connections (the shared screen, observers). */
	readOnly: boolean;
}
