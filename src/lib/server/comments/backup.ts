/**
 * Comments in the campaign backup: each candidate's 评审意见 travels as its Yjs state (the
 * committed rows replayed, `encodeStateAsUpdate`, base64) in the nomination's `board` block, and
 * a restore writes it back as the document's one row — the same Yjs document, so it reads the
 * same and keeps merging with edits made on it.
 */
import { asc, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { commentDocName } from '../../realtime/comments-doc';
import type { Db, Tx } from '../db';
import { candidateComment, ydocUpdate } from '../db/schema';
import { ImportRefusedError } from '../import/preflight';
import { commentHasText } from './read';
import { CommentStore } from './store';

/** Documents per query when reading many comments. */
const CHUNK = 500;

/** The comment state (base64) of each of these candidates that has one. */
export async function commentStates(
	db: Db | Tx,
	campaignId: number,
	candidateIds: readonly number[]
): Promise<Map<number, string>> {
	const states = new Map<number, string>();
	for (let start = 0; start < candidateIds.length; start += CHUNK) {
		const ids = candidateIds.slice(start, start + CHUNK);
		const idOf = new Map(ids.map((id) => [commentDocName(campaignId, id), id]));
		const rows = await db
			.select({ doc: ydocUpdate.doc, data: ydocUpdate.data })
			.from(ydocUpdate)
			.where(inArray(ydocUpdate.doc, [...idOf.keys()]))
			.orderBy(asc(ydocUpdate.seq));
		const docs = new Map<string, Y.Doc>();
		for (const row of rows) {
			let doc = docs.get(row.doc);
			if (!doc) docs.set(row.doc, (doc = new Y.Doc()));
			Y.applyUpdate(doc, row.data);
		}
		for (const [name, doc] of docs) {
			states.set(idOf.get(name)!, Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'));
			doc.destroy();
		}
	}
	return states;
}

/**
 * Writes each restored comment as its document's only row (open rooms hear of it and merge it),
 * and records whether it has text. A candidate whose nomination carries no comment keeps its
 * own. Throws ImportRefusedError (the restore writes nothing) for a state that is not a Yjs
 * update.
 */
export async function restoreComments(
	tx: Tx,
	campaignId: number,
	comments: readonly { candidateId: number; ref: string; state: string }[]
): Promise<number> {
	for (const { candidateId, ref, state } of comments) {
		const update = new Uint8Array(Buffer.from(state, 'base64'));
		const doc = new Y.Doc();
		try {
			Y.decodeUpdate(update);
			Y.applyUpdate(doc, update);
		} catch {
			throw new ImportRefusedError([
				`推荐编号 ${ref} 的评审意见（board.comment）已损坏，无法恢复：请使用完整的备份文件。`
			]);
		}
		const hasText = commentHasText(doc);
		doc.destroy();
		await CommentStore.replace(tx, commentDocName(campaignId, candidateId), update);
		await tx
			.insert(candidateComment)
			.values({ candidateId, hasText })
			.onConflictDoUpdate({ target: candidateComment.candidateId, set: { hasText } });
	}
	return comments.length;
}
