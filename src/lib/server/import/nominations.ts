/**
 * Importing a `shortlist/v1` document into a campaign: one transaction, all or nothing, and
 * idempotent — a nomination with the same unit, track and identity (ID number, collective name
 * or suggestion number) updates the candidate instead of adding one. An ordinary import never
 * moves a card; only restoring a backup (restore.ts) puts candidates back on their stages.
 */
import { eq, sql } from 'drizzle-orm';
import type { InterchangeDocument, Nomination } from '../../domain/interchange';
import type { Actor } from '../../permissions';
import { recordAudit } from '../audit/record';
import type { Db, Tx } from '../db';
import { campaign, candidate, consultation, unit } from '../db/schema';
import { appendEvent } from '../live/events';
import { candidateColumns } from './candidate-row';
import { unitsNotOnRegister } from '../units/register';
import { refreshFindings } from './findings';
import { assertImportable, ImportRefusedError } from './preflight';

/** What an import did: candidates created and updated, units touched, findings now stored. */
export interface ImportSummary {
	created: number;
	updated: number;
	units: number;
	findings: number;
	/** Units of the file that are not on the campaign's register (none when it has none). */
	unregistered: string[];
}

/**
 * Who imports, for the audit row and the rights: a tool the operator runs (`cli`, `seed-demo`)
 * with id null, or a signed-in user with their standing in the campaign (`access`).
 */
export type ImportActor =
	{ id: null; name?: string } | { id: number; name?: string; access: Actor };

/** Rows per multi-row INSERT; keeps statements well under the protocol's parameter limit. */
const BATCH = 200;

/**
 * Imports every nomination of `document` into the campaign in one transaction, recomputes the
 * campaign's findings, writes the `import` audit row and appends a `board.reloaded` event so open
 * boards reload. Throws ImportRefusedError (nothing written) when the document names the same
 * nomination twice, holds text PostgreSQL cannot store or over its cap, or carries stages (a
 * backup: see restoreBackup); any failure rolls everything back. `db` may itself be a
 * transaction (the import then runs in a savepoint).
 */
export async function importNominations(
	db: Db | Tx,
	campaignId: number,
	document: InterchangeDocument,
	actor: ImportActor
): Promise<ImportSummary> {
	if (
		actor.id !== null &&
		actor.access.role === 'unit' &&
		document.nominations.some((n) => n.board)
	)
		throw new ImportRefusedError([
			'推荐单位提交的文件不能含看板状态（board）：看板阶段由秘书处在评审中确定。请删除各项的 board 后再提交。'
		]);
	assertImportable(document, 'import');
	return db.transaction(async (tx) => {
		await lockCampaign(tx, campaignId);
		const { created, updated, units } = await storeNominations(tx, campaignId, document);
		const findings = await refreshFindings(tx, campaignId);
		const unregistered = await unitsNotOnRegister(tx, campaignId, unitNamesOf(document));
		const summary = { created, updated, units, findings, unregistered };
		await recordAudit(tx, {
			action: 'import',
			campaignId,
			actorId: actor.id,
			actorName: actor.name ?? null,
			subjectType: 'campaign',
			subjectId: campaignId,
			after: { ...summary, nominations: document.nominations.length }
		});
		await appendEvent(tx, campaignId, 'board.reloaded', {
			cause: 'import',
			count: document.nominations.length
		});
		return summary;
	});
}

/** The recommending units a document names, each once. */
export function unitNamesOf(document: InterchangeDocument): string[] {
	return [...new Set(document.nominations.map((nomination) => nomination.unit.name))];
}

/**
 * Locks the campaign's row for the rest of the transaction and returns its parameters. Moves
 * lock it first too, so an import and a move never wait on each other's rows (no deadlock), and
 * the quota a restore checks cannot change under it.
 */
export async function lockCampaign(tx: Tx, campaignId: number) {
	const [owner] = await tx
		.select({ parameters: campaign.parameters })
		.from(campaign)
		.where(eq(campaign.id, campaignId))
		.for('update');
	if (!owner) throw new Error(`campaign ${campaignId} not found`);
	return owner.parameters;
}

/** Where a stored nomination's candidate is: its id, by the nomination. */
export type CandidateIdOf = (nomination: Nomination) => number;

/**
 * Writes the document's units, candidates (forms and indexed columns, never the stage) and
 * consultation records. Returns the counts and how to find each nomination's candidate.
 */
export async function storeNominations(
	tx: Tx,
	campaignId: number,
	document: InterchangeDocument
): Promise<{ created: number; updated: number; units: number; candidateIdOf: CandidateIdOf }> {
	const unitIds = await upsertUnits(tx, campaignId, document.nominations);
	let created = 0;
	let updated = 0;
	const idByKey = new Map<string, number>();
	for (let start = 0; start < document.nominations.length; start += BATCH) {
		const batch = document.nominations.slice(start, start + BATCH);
		const rows = await tx
			.insert(candidate)
			.values(
				batch.map((nomination) => ({
					campaignId,
					unitId: unitIds.get(nomination.unit.name)!,
					ref: nomination.ref,
					form: storedForm(nomination),
					...candidateColumns(nomination)
				}))
			)
			.onConflictDoUpdate({
				target: [candidate.campaignId, candidate.unitId, candidate.track, candidate.naturalKey],
				set: {
					ref: sql`excluded.ref`,
					form: sql`excluded.form`,
					title: sql`excluded.title`,
					subtitle: sql`excluded.subtitle`,
					requiredConsultations: sql`excluded.required_consultations`,
					isStation: sql`excluded.is_station`,
					isDivisionCadre: sql`excluded.is_division_cadre`,
					isMunicipalOrgan: sql`excluded.is_municipal_organ`,
					isEnterpriseHead: sql`excluded.is_enterprise_head`,
					isGrassroots: sql`excluded.is_grassroots`,
					submittedAt: sql`excluded.submitted_at`,
					version: sql`${candidate.version} + 1`,
					updatedAt: sql`now()`
				}
			})
			.returning({
				id: candidate.id,
				unitId: candidate.unitId,
				track: candidate.track,
				naturalKey: candidate.naturalKey,
				inserted: sql<boolean>`(xmax = 0)`
			});
		for (const row of rows) {
			if (row.inserted) created++;
			else updated++;
			idByKey.set(identity(row.unitId, row.track, row.naturalKey), row.id);
		}
	}
	const candidateIdOf = (nomination: Nomination) => {
		const columns = candidateColumns(nomination);
		return idByKey.get(
			identity(unitIds.get(nomination.unit.name)!, columns.track, columns.naturalKey)
		)!;
	};
	await upsertConsultations(tx, document.nominations, candidateIdOf);
	return { created, updated, units: unitIds.size, candidateIdOf };
}

/** The nomination as the candidate keeps it: the board block is state, not part of the form. */
function storedForm(nomination: Nomination): Nomination {
	return { ...nomination, board: undefined };
}

type ConsultationResult = '无异议' | '有异议';
const isResult = (value: string): value is ConsultationResult =>
	value === '无异议' || value === '有异议';

function identity(unitId: number, track: string, naturalKey: string): string {
	return `${unitId}\u0000${track}\u0000${naturalKey}`;
}

/** The district a liaison group belongs to, read from its name (`渝中区人大代表联系组` → 渝中区). */
function districtOf(name: string): string | null {
	return /^(.+?(?:区|县))人大代表联系组$/.exec(name)?.[1] ?? null;
}

/** Creates or updates the document's units; returns their ids by name. */
async function upsertUnits(
	tx: Tx,
	campaignId: number,
	nominations: readonly Nomination[]
): Promise<Map<string, number>> {
	const byName = new Map<string, Nomination>();
	for (const nomination of nominations) {
		const seen = byName.get(nomination.unit.name);
		// The latest submission date and notice stated by any of the unit's nominations wins.
		if (!seen || (nomination.submittedAt ?? '') > (seen.submittedAt ?? '')) {
			byName.set(nomination.unit.name, nomination);
		}
	}
	const ids = new Map<string, number>();
	for (const [name, nomination] of byName) {
		const values = {
			kind: nomination.unit.kind,
			district: districtOf(name),
			noticeStart: nomination.unitNotice?.start ?? null,
			noticeEnd: nomination.unitNotice?.end ?? null,
			submittedAt: nomination.submittedAt ?? null
		};
		const [row] = await tx
			.insert(unit)
			.values({ campaignId, name, ...values })
			.onConflictDoUpdate({ target: [unit.campaignId, unit.name], set: values })
			.returning({ id: unit.id });
		ids.set(name, row!.id);
	}
	return ids;
}

/**
 * Consultation records in the file replace those of the same department. A record whose result is
 * neither 无异议 nor 有异议 is not a result: it is left out, so the consultation stays missing.
 */
async function upsertConsultations(
	tx: Tx,
	nominations: readonly Nomination[],
	candidateIdOf: (nomination: Nomination) => number
): Promise<void> {
	const values = nominations.flatMap((nomination) =>
		nomination.consultations
			.filter((record) => record.dept.trim() !== '' && isResult(record.result.trim()))
			.map((record) => ({
				candidateId: candidateIdOf(nomination),
				dept: record.dept.trim(),
				result: record.result.trim() as ConsultationResult,
				date: /^\d{4}-\d{2}-\d{2}$/.test(record.date) ? record.date : null,
				note: record.note
			}))
	);
	const unique = new Map(values.map((value) => [`${value.candidateId}|${value.dept}`, value]));
	const rows = [...unique.values()];
	for (let start = 0; start < rows.length; start += BATCH) {
		await tx
			.insert(consultation)
			.values(rows.slice(start, start + BATCH))
			.onConflictDoUpdate({
				target: [consultation.candidateId, consultation.dept],
				set: {
					result: sql`excluded.result`,
					date: sql`excluded.date`,
					note: sql`excluded.note`
				}
			});
	}
}
