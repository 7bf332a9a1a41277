/**
 * Approval forms leaving the server: one candidate's form, or a set of them (the whole campaign or
 * the board's current filters) as a .zip that is streamed — each form is built only when the zip
 * writer reaches it and the response has room for it, so memory stays flat however many there are.
 */
import { Readable } from 'node:stream';
import { and, asc, eq, inArray } from 'drizzle-orm';
import yazl from 'yazl';
import type { Nomination } from '../../domain/interchange';
import { filteredCardIds } from '../board/columns';
import type { Db } from '../db';
import { candidate, consultation, unit, unitRegister } from '../db/schema';
import { consultationFormDocx } from './consultation-form';
import {
	approvalFormDocx,
	formFileName,
	formFileNameOf,
	type FormNomination
} from './approval-form';
import { formPool } from './form-pool';
import { recordExport, type ExportActor } from './documents';

/** The columns a form is written from: the stored form, its unit's current name and 推荐单位. */
const formColumns = {
	form: candidate.form,
	unitName: unit.name,
	reportingBody: unitRegister.reportingBody,
	submittedAt: candidate.submittedAt
};

/** A form's nomination from its row: the unit as it stands now, with the register's 推荐单位. */
function formNomination(row: {
	form: Nomination;
	unitName: string;
	reportingBody: string | null;
	submittedAt: string | null;
}): FormNomination {
	return {
		...row.form,
		submittedAt: row.form.submittedAt ?? row.submittedAt ?? undefined,
		unit: { ...row.form.unit, name: row.unitName, reportingBody: row.reportingBody }
	};
}

/**
 * One candidate's nomination with its unit's current name and the 推荐单位 its forms print (the
 * register's); null when not in the campaign.
 */
export async function loadNomination(
	db: Db,
	campaignId: number,
	candidateId: number
): Promise<FormNomination | null> {
	const [row] = await db
		.select(formColumns)
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.leftJoin(unitRegister, eq(unitRegister.unitId, unit.id))
		.where(and(eq(candidate.campaignId, campaignId), eq(candidate.id, candidateId)));
	return row ? formNomination(row) : null;
}

/**
 * One candidate's approval form and its file name; records the export. `view` is the nomination
 * as the reader may read it (the privacy filter for the reader's role); by default as stored.
 */
export async function exportApprovalForm(
	db: Db,
	campaignId: number,
	candidateId: number,
	actor: ExportActor,
	view: (nomination: Nomination) => Nomination = (nomination) => nomination
): Promise<{ bytes: Buffer; fileName: string } | null> {
	const nomination = await loadNomination(db, campaignId, candidateId);
	if (!nomination) return null;
	// The view filters the form's fields; the unit, with its 推荐单位, stays as loaded.
	const bytes = await approvalFormDocx({ ...view(nomination), unit: nomination.unit });
	await recordExport(db, campaignId, actor, `approval-form.docx#${candidateId}`, 1);
	return { bytes, fileName: formFileName(nomination) };
}

/** Ids of the candidates a zip holds: those matching the board's filters, in board order. */
export const formSetIds = filteredCardIds;

/** A name unique within the zip: a second 「….docx」 becomes 「…（2）.docx」. */
function uniqueName(name: string, used: Map<string, number>): string {
	const seen = used.get(name) ?? 0;
	used.set(name, seen + 1);
	return seen === 0 ? name : name.replace(/\.docx$/, `（${seen + 1}）.docx`);
}

/** Loads nominations in batches of this many (a batch is the most held at once). */
const batchSize = 25;

/**
 * The approval forms of `ids` as a zip stream, named as the notice asks. Each entry is a lazy
 * stream: when yazl starts entry i, the forms i … i + look-ahead are set building on the worker
 * pool (form-pool.ts) — their batches of nominations read as needed — so the workers stay busy
 * while yazl writes, yet no more than a few forms are held; yazl moves on only as the consumer
 * reads. `onEntry` reports progress (entries done, total). Records one export audit row up front.
 */
export async function approvalFormsZip(
	db: Db,
	campaignId: number,
	ids: number[],
	actor: ExportActor,
	onEntry?: (done: number, total: number) => void
): Promise<Readable> {
	const heads = ids.length
		? await db
				.select({
					id: candidate.id,
					track: candidate.track,
					title: candidate.title,
					unitName: unit.name,
					reportingBody: unitRegister.reportingBody
				})
				.from(candidate)
				.innerJoin(unit, eq(candidate.unitId, unit.id))
				.leftJoin(unitRegister, eq(unitRegister.unitId, unit.id))
				.where(and(eq(candidate.campaignId, campaignId), inArray(candidate.id, ids)))
		: [];
	const byId = new Map(heads.map((head) => [head.id, head]));
	const present = ids.filter((id) => byId.has(id));
	await recordExport(db, campaignId, actor, 'approval-forms.zip', present.length);
	const batches = new Map<number, Promise<Map<number, FormNomination>>>();
	const nominationAt = async (index: number) => {
		const b = Math.floor(index / batchSize);
		let batch = batches.get(b);
		if (!batch) {
			batch = loadBatch(db, campaignId, present.slice(b * batchSize, (b + 1) * batchSize));
			batches.set(b, batch);
		}
		return (await batch).get(present[index]!);
	};
	const lookAhead = 2 * formPool.width;
	const building = new Map<number, Promise<Buffer | null>>();
	/** Form `index`, with the next few set building; a batch is dropped once its last is taken. */
	const formAt = (index: number): Promise<Buffer | null> => {
		for (let j = index; j < Math.min(present.length, index + lookAhead); j++) {
			if (building.has(j)) continue;
			const form = nominationAt(j).then((n) => (n ? formPool.build(n) : null));
			form.catch(() => undefined); // awaited by its entry; not an unhandled rejection meanwhile
			building.set(j, form);
		}
		const form = building.get(index)!;
		building.delete(index);
		if (index % batchSize === batchSize - 1) batches.delete(Math.floor(index / batchSize));
		return form;
	};
	const zip = new yazl.ZipFile();
	const used = new Map<string, number>();
	let done = 0;
	present.forEach((id, index) => {
		const head = byId.get(id)!;
		const name = uniqueName(
			formFileNameOf(head.track, head.title, {
				name: head.unitName,
				reportingBody: head.reportingBody
			}),
			used
		);
		zip.addReadStream(
			Readable.from(
				(async function* () {
					const bytes = await formAt(index);
					if (bytes) yield bytes;
					done += 1;
					onEntry?.(done, present.length);
				})()
			),
			name,
			// A .docx is itself a deflated zip: stored as it is, not deflated a second time.
			{ compress: false }
		);
	});
	zip.end();
	return zip.outputStream as Readable;
}

async function loadBatch(
	db: Db,
	campaignId: number,
	ids: number[]
): Promise<Map<number, FormNomination>> {
	const rows = await db
		.select({ id: candidate.id, ...formColumns })
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.leftJoin(unitRegister, eq(unitRegister.unitId, unit.id))
		.where(and(eq(candidate.campaignId, campaignId), inArray(candidate.id, ids)))
		.orderBy(asc(candidate.id));
	return new Map(rows.map((row) => [row.id, formNomination(row)]));
}

/**
 * One candidate's 征求意见表 (附件4–5) with the consultations recorded so far, and its file
 * name; null when the candidate is not in the campaign or is a suggestion (no consultation).
 */
export async function exportConsultationForm(
	db: Db,
	campaignId: number,
	candidateId: number,
	actor: ExportActor
): Promise<{ bytes: Buffer; fileName: string } | null> {
	const nomination = await loadNomination(db, campaignId, candidateId);
	if (!nomination) return null;
	const records = await db
		.select({ dept: consultation.dept, result: consultation.result, date: consultation.date })
		.from(consultation)
		.where(eq(consultation.candidateId, candidateId))
		.orderBy(asc(consultation.id));
	const bytes = await consultationFormDocx(nomination, records);
	if (!bytes) return null;
	await recordExport(db, campaignId, actor, `consultation-form.docx#${candidateId}`, 1);
	const title = nomination.track === 'individual' ? '先进个人征求意见表' : '先进集体征求意见表';
	return { bytes, fileName: formFileName(nomination).replace(/^[^－]+/, title) };
}
