/**
 * The list documents by their stable names (`/c/<id>/export/<name>`): build the file and write
 * one audit row — who, which document, when, how many candidates.
 */
import { recordAudit } from '../audit/record';
import type { Db } from '../db';
import { listGroups, noticeStages, proposedStages } from './entries';
import { meetingMinutes } from '../votes/minutes';
import {
	proposedListDocx,
	proposedListXlsx,
	publicNoticeDocx,
	publicNoticeXlsx,
	voteLinesOf
} from './lists';

/** Who exports: the user (null for scripts and tests) and the name the audit row keeps. */
export interface ExportActor {
	id: number | null;
	name?: string;
}

/** The list documents and their download names. */
export const listDocuments = {
	'proposed-list.docx': { fileName: '拟表彰对象建议名单.docx', personal: false },
	'proposed-list.xlsx': { fileName: '拟表彰对象建议名单.xlsx', personal: false },
	'public-notice.docx': { fileName: '公示名单.docx', personal: false },
	'public-notice.xlsx': { fileName: '公示名单.xlsx', personal: false }
} as const;
export type ListDocumentName = keyof typeof listDocuments;

/** Whether `name` is one of the list documents. */
export function isListDocument(name: string): name is ListDocumentName {
	return Object.hasOwn(listDocuments, name);
}

/** MIME types by extension. */
export const mimeTypes = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	zip: 'application/zip'
} as const;

/** Builds list document `name` of the campaign and records the export. */
export async function buildListDocument(
	db: Db,
	campaignId: number,
	name: ListDocumentName,
	actor: ExportActor
): Promise<{ bytes: Buffer; count: number }> {
	const proposed = name.startsWith('proposed-list');
	const list = await listGroups(db, campaignId, proposed ? proposedStages : noticeStages, {
		comments: proposed
	});
	// The proposed list prints each candidate's vote result, read from the meeting's minutes.
	const votes = proposed ? voteLinesOf(await meetingMinutes(db, campaignId)) : new Map();
	const bytes =
		name === 'proposed-list.docx'
			? await proposedListDocx(list, votes)
			: name === 'proposed-list.xlsx'
				? await proposedListXlsx(list, votes)
				: name === 'public-notice.docx'
					? await publicNoticeDocx(list)
					: await publicNoticeXlsx(list);
	await recordExport(db, campaignId, actor, name, list.count);
	return { bytes, count: list.count };
}

/** One `export` audit row: which document, how many candidates. */
export async function recordExport(
	db: Db,
	campaignId: number,
	actor: ExportActor,
	document: string,
	candidates: number
): Promise<void> {
	await recordAudit(db, {
		action: 'export',
		campaignId,
		actorId: actor.id,
		actorName: actor.name ?? null,
		subjectType: 'campaign',
		subjectId: campaignId,
		after: { document, candidates }
	});
}

/** Content-Disposition for a download with a Chinese name (RFC 6266 / RFC 5987 `filename*`). */
export function attachment(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
