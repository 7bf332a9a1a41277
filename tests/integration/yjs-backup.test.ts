/**
 * Comments on the server outside the rooms: read as ProseMirror JSON and as plain text (for the
 * Word exports), carried by the JSON backup as Yjs state, and restored exactly.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { parseInterchange, type InterchangeDocument } from '../../src/lib/domain/interchange';
import { COMMENT_FIELD, commentDocName } from '../../src/lib/realtime/comments-doc';
import { commentStates } from '../../src/lib/server/comments/backup';
import { commentAsText, readComment } from '../../src/lib/server/comments/read';
import { CommentStore } from '../../src/lib/server/comments/store';
import type { Db } from '../../src/lib/server/db';
import { candidate, candidateComment, ydocUpdate } from '../../src/lib/server/db/schema';
import { exportCampaignJson } from '../../src/lib/server/export/json';
import { createCampaignFromBlock } from '../../src/lib/server/import/campaign';
import { ImportRefusedError } from '../../src/lib/server/import/preflight';
import { restoreBackup } from '../../src/lib/server/import/restore';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { seedComments, type CommentFixture } from '../helpers/yjs';

const actor = { id: null, name: 'test' };
let source: TestDatabase;
let target: TestDatabase;
let fixture: CommentFixture;

/** A comment as Tiptap writes it: a paragraph with a bold run, then a two-item bullet list. */
function writeComment(doc: Y.Doc, lead: string): void {
	const fragment = doc.getXmlFragment(COMMENT_FIELD);
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	paragraph.insert(0, [text]);
	const list = new Y.XmlElement('bulletList');
	const items = ['事迹突出', '群众公认'].map((line) => {
		const item = new Y.XmlElement('listItem');
		const inner = new Y.XmlElement('paragraph');
		inner.insert(0, [new Y.XmlText(line)]);
		item.insert(0, [inner]);
		return item;
	});
	list.insert(0, items);
	fragment.insert(0, [paragraph, list]);
	text.insert(0, `${lead}，`);
	text.insert(text.length, '同意推荐', { bold: {} });
	text.insert(text.length, '。', { bold: null });
}

/** Stores a comment the way the rooms do: several appended updates. */
async function storeComment(db: Db, campaignId: number, candidateId: number, lead: string) {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	writeComment(doc, lead);
	const store = new CommentStore(db);
	for (const update of updates)
		await store.append(
			commentDocName(campaignId, candidateId),
			[update],
			{ campaignId, candidateId },
			[]
		);
	return doc;
}

function parse(value: unknown): InterchangeDocument {
	const parsed = parseInterchange(JSON.parse(JSON.stringify(value)));
	if (!parsed.ok) throw new Error(`not shortlist/v1: ${JSON.stringify(parsed.errors[0])}`);
	return parsed.document;
}

async function restoreInto(db: Db, document: InterchangeDocument): Promise<number> {
	return db.transaction(async (tx) => {
		const id = await createCampaignFromBlock(
			tx,
			document.campaign!.name ?? '恢复',
			document.campaign,
			actor
		);
		await restoreBackup(tx, id, document, actor);
		return id;
	});
}

beforeAll(async () => {
	[source, target] = await Promise.all([freshDatabase(), freshDatabase()]);
	fixture = await seedComments(source.db);
});

afterAll(async () => {
	await Promise.all([source.destroy(), target.destroy()]);
});

describe('reading a comment on the server', () => {
	test('as ProseMirror JSON and as plain text', async () => {
		const candidateId = fixture.candidateIds[0]!;
		await storeComment(source.db, fixture.campaignId, candidateId, '经评审');
		const { text, prosemirror } = await readComment(source.db, fixture.campaignId, candidateId);
		expect(prosemirror).toEqual({
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: '经评审，' },
						{ type: 'text', text: '同意推荐', marks: [{ type: 'bold', attrs: {} }] },
						{ type: 'text', text: '。' }
					]
				},
				{
					type: 'bulletList',
					content: [
						{
							type: 'listItem',
							content: [{ type: 'paragraph', content: [{ type: 'text', text: '事迹突出' }] }]
						},
						{
							type: 'listItem',
							content: [{ type: 'paragraph', content: [{ type: 'text', text: '群众公认' }] }]
						}
					]
				}
			]
		});
		expect(text).toBe('经评审，同意推荐。\n• 事迹突出\n• 群众公认');
	});

	test('a candidate nobody commented on reads as empty', async () => {
		const { text, prosemirror } = await readComment(
			source.db,
			fixture.campaignId,
			fixture.candidateIds[4]!
		);
		expect(text).toBe('');
		expect(prosemirror).toEqual({ type: 'doc', content: [] });
		expect(commentAsText(new Y.Doc())).toBe('');
	});
});

describe('the JSON backup', () => {
	test('carries each comment as Yjs state, and a restore brings it back exactly', async () => {
		const second = fixture.candidateIds[1]!;
		const original = await storeComment(source.db, fixture.campaignId, second, '第二位');
		const backup = await exportCampaignJson(source.db, fixture.campaignId, actor);
		const withComment = backup.nominations.filter((n) => n.board && 'comment' in n.board);
		expect(withComment).toHaveLength(2);

		const restoredId = await restoreInto(target.db, parse(backup));
		const refs = await source.db
			.select({ id: candidate.id, ref: candidate.ref })
			.from(candidate)
			.where(eq(candidate.campaignId, fixture.campaignId));
		const secondRef = refs.find((row) => row.id === second)!.ref;
		const [restoredCandidate] = await target.db
			.select({ id: candidate.id })
			.from(candidate)
			.where(eq(candidate.ref, secondRef));
		const restored = await readComment(target.db, restoredId, restoredCandidate!.id);
		expect(restored.text).toBe('第二位，同意推荐。\n• 事迹突出\n• 群众公认');
		const rows = await target.db
			.select({ data: ydocUpdate.data })
			.from(ydocUpdate)
			.where(eq(ydocUpdate.doc, commentDocName(restoredId, restoredCandidate!.id)));
		expect(rows).toHaveLength(1);
		const back = new Y.Doc();
		Y.applyUpdate(back, rows[0]!.data);
		expect(Y.encodeStateVector(back)).toEqual(Y.encodeStateVector(original));
		expect(back.getXmlFragment(COMMENT_FIELD).toString()).toBe(
			original.getXmlFragment(COMMENT_FIELD).toString()
		);
		const [marker] = await target.db
			.select()
			.from(candidateComment)
			.where(eq(candidateComment.candidateId, restoredCandidate!.id));
		expect(marker?.hasText).toBe(true);

		// Exactly: exporting the restored campaign gives the same file.
		const again = await exportCampaignJson(target.db, restoredId, actor);
		expect(JSON.stringify(again.nominations)).toBe(JSON.stringify(backup.nominations));
		const states = await commentStates(target.db, restoredId, [restoredCandidate!.id]);
		expect(states.size).toBe(1);
	});

	test('a damaged comment in a backup refuses the restore, writing nothing', async () => {
		const backup = await exportCampaignJson(source.db, fixture.campaignId, actor);
		const damaged = structuredClone(backup);
		const nomination = damaged.nominations.find((n) => n.board && 'comment' in n.board)!;
		nomination.board = {
			...nomination.board!,
			comment: Buffer.from('不是 Yjs').toString('base64')
		};
		const before = await target.db.select({ seq: ydocUpdate.seq }).from(ydocUpdate);
		await expect(restoreInto(target.db, parse(damaged))).rejects.toBeInstanceOf(ImportRefusedError);
		const after = await target.db.select({ seq: ydocUpdate.seq }).from(ydocUpdate);
		expect(after).toEqual(before);
	});
});
