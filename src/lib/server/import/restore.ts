/**
 * Restoring a campaign backup (the JSON export): the nominations are imported as usual and each
 * candidate goes back to the stage its `board` block names. Only an administrator or a secretary
 * (or the operator's own CLI, which must say `--restore`) may do it; it may not fill a track past
 * its quota; it says in the audit that it was a restore, who did it and what it set; and open
 * boards reload (issue 7, finding 10). Gates other than the quota are not judged again: the
 * backup records where the campaign's own moves had put each candidate.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { trackLabels, tracks, type Track } from '../../domain/campaign';
import type { InterchangeDocument } from '../../domain/interchange';
import { listStages, stageLabels, type Stage } from '../../domain/stages';
import { canRestoreBackup } from '../../permissions';
import { recordAudit } from '../audit/record';
import type { Db, Tx } from '../db';
import { audit, candidate } from '../db/schema';
import { appendEvent } from '../live/events';
import { unitsNotOnRegister } from '../units/register';
import { restoreComments } from '../comments/backup';
import { refreshFindings } from './findings';
import {
	lockCampaign,
	storeNominations,
	unitNamesOf,
	type CandidateIdOf,
	type ImportActor,
	type ImportSummary
} from './nominations';
import { assertImportable, ImportRefusedError } from './preflight';

/** What a restore did: the import's counts, and how many candidates changed stage. */
export interface RestoreSummary extends ImportSummary {
	/** Candidates whose stage or list track the backup changed. */
	moved: number;
	/** Comments (评审意见) written back from the backup. */
	comments: number;
}

/** Rows per multi-row INSERT of the candidates' audit rows. */
const BATCH = 200;

/**
 * Restores `document` into the campaign in one transaction: nominations, consultations, stages
 * and dates as the backup holds them, findings recomputed. Writes a `restore` audit row for the
 * campaign (who, how many nominations, how many candidates per stage) and a `candidate.restore`
 * row on each candidate it moved (before → after), and appends `board.reloaded` (cause
 * `restore`). Throws ImportRefusedError, writing nothing, when the actor may not restore, the
 * document cannot be imported, or a track would hold more candidates on the proposed list
 * (拟表彰 … 表彰) than its quota.
 */
export async function restoreBackup(
	db: Db | Tx,
	campaignId: number,
	document: InterchangeDocument,
	actor: ImportActor
): Promise<RestoreSummary> {
	if (actor.id !== null && !canRestoreBackup(actor.access)) {
		throw new ImportRefusedError(['只有系统管理员或秘书处可以恢复备份（设置看板阶段）。']);
	}
	assertImportable(document, 'restore');
	return db.transaction(async (tx) => {
		const parameters = await lockCampaign(tx, campaignId);
		const { created, updated, units, candidateIdOf } = await storeNominations(
			tx,
			campaignId,
			document
		);
		const changes = await restoreStages(tx, document, candidateIdOf);
		const comments = await restoreComments(
			tx,
			campaignId,
			document.nominations.flatMap((nomination) =>
				nomination.board?.comment
					? [
							{
								candidateId: candidateIdOf(nomination),
								ref: nomination.ref,
								state: nomination.board.comment
							}
						]
					: []
			)
		);
		const onList = await listCounts(tx, campaignId);
		const overflows = tracks.filter((track) => onList[track] > parameters.quotas[track]);
		if (overflows.length > 0) {
			throw new ImportRefusedError(
				overflows.map(
					(track) =>
						`恢复后“${trackLabels[track]}”在拟表彰及以后阶段（${listStages.map((s) => stageLabels[s]).join('、')}）的有 ${onList[track]} 项，超过本评选活动的名额 ${parameters.quotas[track]} 项：` +
						'请核对这份备份是否属于本评选活动，或先由秘书处调整名额后再恢复。'
				)
			);
		}
		const findings = await refreshFindings(tx, campaignId);
		const unregistered = await unitsNotOnRegister(tx, campaignId, unitNamesOf(document));
		const summary = {
			created,
			updated,
			units,
			findings,
			unregistered,
			moved: changes.length,
			comments
		};
		await recordAudit(tx, {
			action: 'restore',
			campaignId,
			actorId: actor.id,
			actorName: actor.name ?? null,
			subjectType: 'campaign',
			subjectId: campaignId,
			after: {
				...summary,
				nominations: document.nominations.length,
				stages: stageCounts(document),
				onList
			}
		});
		await auditMoves(tx, campaignId, actor, changes);
		await appendEvent(tx, campaignId, 'board.reloaded', {
			cause: 'restore',
			count: document.nominations.length
		});
		return summary;
	});
}

/** A candidate's place on the board. */
interface Place {
	stage: Stage;
	proposedTrack: Track | null;
	approvedOn: string | null;
	noticeStart: string | null;
	noticeEnd: string | null;
}

/** One candidate the restore moved. */
interface Change {
	candidateId: number;
	before: Place;
	after: Place;
}

const samePlace = (a: Place, b: Place) =>
	a.stage === b.stage &&
	a.proposedTrack === b.proposedTrack &&
	a.approvedOn === b.approvedOn &&
	a.noticeStart === b.noticeStart &&
	a.noticeEnd === b.noticeEnd;

/** Puts each candidate with a board block where it says; returns those that changed. */
async function restoreStages(
	tx: Tx,
	document: InterchangeDocument,
	candidateIdOf: CandidateIdOf
): Promise<Change[]> {
	const wanted = new Map<number, Place>();
	for (const nomination of document.nominations) {
		if (!nomination.board) continue;
		// The comment is restored on its own (restoreComments), not as part of the place.
		const { comment: _comment, ...place } = nomination.board;
		wanted.set(candidateIdOf(nomination), place);
	}
	if (wanted.size === 0) return [];
	const current = await tx
		.select({
			id: candidate.id,
			stage: candidate.stage,
			proposedTrack: candidate.proposedTrack,
			approvedOn: candidate.approvedOn,
			noticeStart: candidate.noticeStart,
			noticeEnd: candidate.noticeEnd
		})
		.from(candidate)
		.where(inArray(candidate.id, [...wanted.keys()]));
	const changes: Change[] = [];
	for (const { id, ...before } of current) {
		const after = wanted.get(id)!;
		if (samePlace(before, after)) continue;
		// No version bump: storeNominations bumped every existing row's already in this transaction.
		await tx
			.update(candidate)
			.set({ ...after, updatedAt: sql`now()` })
			.where(eq(candidate.id, id));
		changes.push({ candidateId: id, before, after });
	}
	return changes;
}

/** Candidates on the proposed list per track, across the whole campaign. */
async function listCounts(tx: Tx, campaignId: number): Promise<Record<Track, number>> {
	const rows = await tx
		.select({ track: candidate.proposedTrack, n: count() })
		.from(candidate)
		.where(and(eq(candidate.campaignId, campaignId), inArray(candidate.stage, [...listStages])))
		.groupBy(candidate.proposedTrack);
	const counts = Object.fromEntries(tracks.map((track) => [track, 0])) as Record<Track, number>;
	for (const row of rows) if (row.track) counts[row.track] = Number(row.n);
	return counts;
}

/** How many of the backup's nominations stand on each stage. */
function stageCounts(document: InterchangeDocument): Partial<Record<Stage, number>> {
	const counts: Partial<Record<Stage, number>> = {};
	for (const { board } of document.nominations) {
		if (board) counts[board.stage] = (counts[board.stage] ?? 0) + 1;
	}
	return counts;
}

/** A `candidate.restore` audit row on each moved candidate, so its history tells the truth. */
async function auditMoves(
	tx: Tx,
	campaignId: number,
	actor: ImportActor,
	changes: readonly Change[]
): Promise<void> {
	for (let start = 0; start < changes.length; start += BATCH) {
		await tx.insert(audit).values(
			changes.slice(start, start + BATCH).map((change) => ({
				campaignId,
				actorId: actor.id,
				actorName: actor.name ?? null,
				action: 'candidate.restore',
				subjectType: 'candidate',
				subjectId: String(change.candidateId),
				before: change.before,
				after: change.after
			}))
		);
	}
}
