/**
 * Reading a candidate's 评审意见 on the server, without a room: the stored rows replayed into a
 * Y.Doc, then as ProseMirror JSON (for the Word exports) or as plain text.
 */
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { COMMENT_FIELD, commentDocName } from '../../realtime/comments-doc';
import type { Db } from '../db';
import { CommentStore } from './store';

/** A ProseMirror document as JSON: `{ type: 'doc', content: [...] }`. */
export interface ProseMirrorJSON {
	type: string;
	attrs?: Record<string, unknown>;
	content?: ProseMirrorJSON[];
	text?: string;
	marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** The comment of one candidate as a Y.Doc (empty when nobody wrote one). Destroy it after use. */
export async function loadCommentDoc(
	db: Db,
	campaignId: number,
	candidateId: number
): Promise<Y.Doc> {
	const rows = await new CommentStore(db).load(commentDocName(campaignId, candidateId));
	const doc = new Y.Doc();
	Y.transact(doc, () => {
		for (const row of rows) Y.applyUpdate(doc, row.data);
	});
	return doc;
}

/** The whole comment state as one Yjs update (for the JSON backup); null when there is none. */
export async function commentState(
	db: Db,
	campaignId: number,
	candidateId: number
): Promise<Uint8Array | null> {
	const doc = await loadCommentDoc(db, campaignId, candidateId);
	try {
		if (doc.getXmlFragment(COMMENT_FIELD).length === 0 && doc.store.clients.size === 0) return null;
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

/** The comment as ProseMirror JSON (the Tiptap document the editors see). */
export function commentAsProseMirror(doc: Y.Doc): ProseMirrorJSON {
	return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(COMMENT_FIELD)) as ProseMirrorJSON;
}

/** Block nodes that end a line in the plain-text reading. */
const blockNodes = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']);

/**
 * The comment as plain text: one line per paragraph, list items prefixed with `• ` (bullet) or
 * `1. ` (ordered), marks dropped.
 */
export function commentAsText(doc: Y.Doc): string {
	const lines: string[] = [];
	const walk = (node: ProseMirrorJSON, prefix: string) => {
		if (node.type === 'bulletList' || node.type === 'orderedList') {
			(node.content ?? []).forEach((item, index) =>
				walk(item, node.type === 'bulletList' ? '• ' : `${index + 1}. `)
			);
			return;
		}
		if (node.type === 'listItem') {
			(node.content ?? []).forEach((child, index) => walk(child, index === 0 ? prefix : '  '));
			return;
		}
		if (blockNodes.has(node.type)) {
			lines.push(prefix + inlineText(node));
			return;
		}
		for (const child of node.content ?? []) walk(child, prefix);
	};
	walk(commentAsProseMirror(doc), '');
	return lines.join('\n').replace(/\s+$/, '');
}

function inlineText(node: ProseMirrorJSON): string {
	if (node.type === 'text') return node.text ?? '';
	if (node.type === 'hardBreak') return '\n';
	return (node.content ?? []).map(inlineText).join('');
}

/** Whether the comment holds any visible text (the board's "has a comment" marker). */
export function commentHasText(doc: Y.Doc): boolean {
	return hasText(doc.getXmlFragment(COMMENT_FIELD));
}

function hasText(node: Y.XmlFragment | Y.XmlElement | Y.XmlText): boolean {
	if (node instanceof Y.XmlText)
		return (node.toDelta() as { insert: unknown }[]).some(
			(part) => typeof part.insert === 'string' && part.insert.trim().length > 0
		);
	for (const child of node.toArray()) {
		if ((child instanceof Y.XmlText || child instanceof Y.XmlElement) && hasText(child))
			return true;
	}
	return false;
}

/** A candidate's comment as text and as ProseMirror JSON, for the exports. */
export async function readComment(
	db: Db,
	campaignId: number,
	candidateId: number
): Promise<{ text: string; prosemirror: ProseMirrorJSON }> {
	const doc = await loadCommentDoc(db, campaignId, candidateId);
	try {
		return { text: commentAsText(doc), prosemirror: commentAsProseMirror(doc) };
	} finally {
		doc.destroy();
	}
}
