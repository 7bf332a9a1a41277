/**
 * The comment documents' persistence (ARCHITECTURE.md, "Persistence"): Yjs updates as rows of
 * `ydoc_update`, appended per room in small batches, read back in sequence order, compacted by
 * replay. Every write to one document's rows — an append or a compaction — holds that document's
 * advisory lock until its transaction ends, so per document the sequence numbers are in commit
 * order and a reader that has seen row n has seen every row before it.
 */
import { and, asc, eq, gt, inArray, lte, max, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db, Tx } from '../db';
import { audit, ydocUpdate } from '../db/schema';
import { recordAudit } from '../audit/record';

/** The NOTIFY channel that carries `<seq> <doc>` to every instance after an append commits. */
export const YDOC_CHANNEL = 'shortlist_ydoc';

/** First key of the two-key advisory lock that guards one document's rows. */
const DOC_LOCK_NAMESPACE = 72_700_008;

/** One audit row per editor per document per this many minutes of activity. */
export const AUDIT_WINDOW_MINUTES = 10;

/** A stored update. */
export interface UpdateRow {
	seq: number;
	data: Uint8Array;
}

/** Who wrote a batch, for the audit trail. */
export interface CommentEditorRef {
	id: number;
	name: string;
}

/** Where a comment document belongs, for the audit trail. */
export interface CommentSubject {
	campaignId: number;
	candidateId: number;
}

/** The result of an append: the new row and the newest row before it. */
export interface Appended {
	seq: number;
	/** Highest sequence number the document had before this append (0 for none). */
	previous: number;
}

/** The result of a compaction. */
export interface Compacted {
	/** Rows replaced (0: nothing to do). */
	rowsRead: number;
	/** The highest sequence number that was read and replaced. */
	readUpTo: number;
	/** The row that now holds the whole document, or null when there was nothing to compact. */
	seq: number | null;
	/** Bytes of the compacted state. */
	bytes: number;
}

/**
 * Reads and writes the update log. A class so a test can slow a load down or make it fail; the
 * rooms call nothing else of the database for their documents' content.
 */
export class CommentStore {
	readonly db: Db;

	/** Whether other instances share the database (PostgreSQL): appends lock and NOTIFY. */
	readonly shared: boolean;

	constructor(db: Db, options: { shared?: boolean } = {}) {
		this.db = db;
		this.shared = options.shared ?? true;
	}

	/** Every row of the document, oldest first. */
	async load(doc: string): Promise<UpdateRow[]> {
		return this.readAfter(doc, 0);
	}

	/** The rows after `seq`, oldest first. */
	async readAfter(doc: string, seq: number): Promise<UpdateRow[]> {
		return this.db
			.select({ seq: ydocUpdate.seq, data: ydocUpdate.data })
			.from(ydocUpdate)
			.where(and(eq(ydocUpdate.doc, doc), gt(ydocUpdate.seq, seq)))
			.orderBy(asc(ydocUpdate.seq));
	}

	/** The newest sequence number of each of `docs` that has rows. */
	async latest(docs: string[]): Promise<Map<string, number>> {
		if (docs.length === 0) return new Map();
		const rows = await this.db
			.select({ doc: ydocUpdate.doc, seq: max(ydocUpdate.seq) })
			.from(ydocUpdate)
			.where(inArray(ydocUpdate.doc, docs))
			.groupBy(ydocUpdate.doc);
		return new Map(rows.map((row) => [row.doc, Number(row.seq ?? 0)]));
	}

	/**
	 * Appends one batch of updates (merged into one row) and the editors' audit rows, in one
	 * transaction under the document's lock; the NOTIFY goes out with the commit.
	 */
	async append(
		doc: string,
		updates: Uint8Array[],
		subject: CommentSubject,
		editors: CommentEditorRef[]
	): Promise<Appended> {
		const data = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
		// The embedded database has one process and one connection: the lock and the NOTIFY (for
		// other instances) have nobody to serve, and an append without audit rows is one statement.
		if (!this.shared && editors.length === 0) return insertRow(this.db, doc, data, false);
		return this.db.transaction(async (tx) => {
			if (this.shared) await lockDoc(tx, doc);
			const appended = await insertRow(tx, doc, data, this.shared);
			for (const editor of editors) await auditActivity(tx, subject, editor);
			return appended;
		});
	}

	/**
	 * Replaces every row of the document by one: the rows replayed into a fresh Y.Doc and encoded
	 * with `encodeStateAsUpdate` (which, unlike `mergeUpdates`, drops deleted content), the rows
	 * read deleted, in one transaction under the document's lock.
	 */
	async compact(doc: string): Promise<Compacted> {
		return this.db.transaction(async (tx) => {
			await lockDoc(tx, doc);
			const rows = await tx
				.select({ seq: ydocUpdate.seq, data: ydocUpdate.data })
				.from(ydocUpdate)
				.where(eq(ydocUpdate.doc, doc))
				.orderBy(asc(ydocUpdate.seq));
			if (rows.length <= 1) {
				const only = rows[0];
				return {
					rowsRead: 0,
					readUpTo: only?.seq ?? 0,
					seq: only?.seq ?? null,
					bytes: only?.data.length ?? 0
				};
			}
			const state = replay(rows);
			const readUpTo = rows[rows.length - 1]!.seq;
			await tx
				.delete(ydocUpdate)
				.where(and(eq(ydocUpdate.doc, doc), lte(ydocUpdate.seq, readUpTo)));
			const [row] = await tx
				.insert(ydocUpdate)
				.values({ doc, data: state })
				.returning({ seq: ydocUpdate.seq });
			await tx.execute(sql`select pg_notify(${YDOC_CHANNEL}, ${`${row!.seq} ${doc}`})`);
			return { rowsRead: rows.length, readUpTo, seq: row!.seq, bytes: state.length };
		});
	}

	/**
	 * Replaces the document's whole content by `state` (a restore from a backup): the old rows go,
	 * one row holds the state. Runs in the caller's transaction.
	 */
	static async replace(tx: Tx, doc: string, state: Uint8Array | null): Promise<void> {
		await lockDoc(tx, doc);
		await tx.delete(ydocUpdate).where(eq(ydocUpdate.doc, doc));
		if (state && state.length > 0) {
			const [row] = await tx
				.insert(ydocUpdate)
				.values({ doc, data: state })
				.returning({ seq: ydocUpdate.seq });
			await tx.execute(sql`select pg_notify(${YDOC_CHANNEL}, ${`${row!.seq} ${doc}`})`);
		}
	}
}

/** The document's content as one update: its rows replayed into a Y.Doc and encoded. */
export function replay(rows: readonly { data: Uint8Array }[]): Uint8Array {
	const doc = new Y.Doc();
	Y.transact(doc, () => {
		for (const row of rows) Y.applyUpdate(doc, row.data);
	});
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}

async function lockDoc(tx: Tx, doc: string): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(${DOC_LOCK_NAMESPACE}, hashtext(${doc}))`);
}

/**
 * Inserts one row and reads the newest row before it, in one statement (the subquery sees the
 * statement's snapshot, without the new row); with `notify`, its NOTIFY goes out at commit.
 */
async function insertRow(db: Db | Tx, doc: string, data: Uint8Array, notify: boolean) {
	const previous = sql<
		string | number
	>`(select coalesce(max(u.seq), 0) from ${ydocUpdate} u where u.doc = ${doc})`;
	const notified = notify
		? sql<null>`pg_notify(${YDOC_CHANNEL}, ${ydocUpdate.seq}::text || ' ' || ${doc})`
		: sql<null>`null`;
	const [row] = await db
		.insert(ydocUpdate)
		.values({ doc, data })
		.returning({ seq: ydocUpdate.seq, previous, notified });
	return { seq: row!.seq, previous: Number(row!.previous) };
}

/** One `comment.edit` audit row per editor and candidate per window of activity. */
async function auditActivity(
	tx: Tx,
	subject: CommentSubject,
	editor: CommentEditorRef
): Promise<void> {
	const recent = await tx
		.select({ id: audit.id })
		.from(audit)
		.where(
			and(
				eq(audit.subjectType, 'candidate'),
				eq(audit.subjectId, String(subject.candidateId)),
				eq(audit.action, 'comment.edit'),
				eq(audit.actorId, editor.id),
				gt(audit.at, sql`now() - make_interval(mins => ${AUDIT_WINDOW_MINUTES})`)
			)
		)
		.limit(1);
	if (recent.length > 0) return;
	await recordAudit(tx, {
		campaignId: subject.campaignId,
		actorId: editor.id,
		actorName: editor.name,
		action: 'comment.edit',
		subjectType: 'candidate',
		subjectId: subject.candidateId
	});
}
