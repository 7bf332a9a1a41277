/**
 * The candidates of a list export, read once: in the notice's track order (先进集体, 先进个人,
 * 优秀建议, 通报表扬代表家站), each with its name, recommending unit, a one-line summary and, where
 * written, the panel's 评审意见 as plain text. The proposed list takes candidates from 拟表彰 on;
 * the public notice those the party group approved (党组审定 on).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { tracks, trackLabels, type Track } from '../../domain/campaign';
import type { Nomination } from '../../domain/interchange';
import type { Stage } from '../../domain/stages';
import { commentAsText, loadCommentDoc } from '../comments/read';
import type { Db } from '../db';
import { campaign, candidate, candidateComment, unit } from '../db/schema';

/** Stages whose candidates are on the proposed list (拟表彰 and after). */
export const proposedStages: Stage[] = ['proposed', 'approved', 'notice', 'commended'];
/** Stages whose candidates are on the public notice (党组审定 and after). */
export const noticeStages: Stage[] = ['approved', 'notice', 'commended'];

/** One candidate of a list. */
export interface ListEntry {
	id: number;
	/** The list track it counts on (a station proposed into 先进集体 counts there). */
	track: Track;
	/** Person's or collective's name; for a suggestion its lead deputy (领衔代表). */
	name: string;
	/** The suggestion's title; '' for people and collectives. */
	suggestionTitle: string;
	unitName: string;
	/** One line: post and employer, a collective's kind, or the suggestion's number. */
	summary: string;
	/** The panel's 评审意见 as plain text ('' when none). */
	comment: string;
}

/** A list's entries grouped by track in the notice's order (empty tracks left out). */
export interface ListGroups {
	campaignName: string;
	groups: { track: Track; label: string; entries: ListEntry[] }[];
	count: number;
}

/** The one line the proposed list prints under a name. */
export function summaryOf(form: Nomination): string {
	if (form.track === 'individual') {
		const p = form.person;
		return [p.employer, p.position].filter(Boolean).join('') || p.category;
	}
	if (form.track === 'collective') {
		const c = form.collective;
		return [c.category, c.leader && `负责人：${c.leader}${c.leaderPosition}`]
			.filter(Boolean)
			.join('，');
	}
	return [form.suggestion.number, form.suggestion.liaisonGroup].filter(Boolean).join('，');
}

/** Name and (for suggestions) title: the only open identity a list prints. */
export function identityOf(form: Nomination): { name: string; suggestionTitle: string } {
	if (form.track === 'individual') return { name: form.person.name, suggestionTitle: '' };
	if (form.track === 'collective') return { name: form.collective.name, suggestionTitle: '' };
	return { name: form.suggestion.leadDeputy, suggestionTitle: form.suggestion.title };
}

/**
 * The candidates of `campaignId` in `stages`, grouped by list track. With `comments`, each
 * entry's 评审意见 is read from its stored Yjs updates (only where one holds text).
 */
export async function listGroups(
	db: Db,
	campaignId: number,
	stages: Stage[],
	options: { comments?: boolean } = {}
): Promise<ListGroups> {
	const [owner] = await db
		.select({ name: campaign.name })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	const rows = await db
		.select({
			id: candidate.id,
			track: candidate.track,
			proposedTrack: candidate.proposedTrack,
			form: candidate.form,
			unitName: unit.name,
			hasComment: candidateComment.hasText
		})
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.leftJoin(candidateComment, eq(candidateComment.candidateId, candidate.id))
		.where(and(eq(candidate.campaignId, campaignId), inArray(candidate.stage, stages)))
		.orderBy(asc(candidate.id));
	const byTrack = new Map<Track, ListEntry[]>(tracks.map((track) => [track, []]));
	for (const row of rows) {
		const track: Track = row.proposedTrack ?? row.track;
		let comment = '';
		if (options.comments && row.hasComment) {
			const doc = await loadCommentDoc(db, campaignId, row.id);
			try {
				comment = commentAsText(doc).trim();
			} finally {
				doc.destroy();
			}
		}
		byTrack.get(track)?.push({
			id: row.id,
			track,
			...identityOf(row.form),
			unitName: row.unitName,
			summary: summaryOf(row.form),
			comment
		});
	}
	const groups = tracks
		.map((track) => ({ track, label: trackLabels[track], entries: byTrack.get(track) ?? [] }))
		.filter((group) => group.entries.length > 0);
	return { campaignName: owner?.name ?? '', groups, count: rows.length };
}
