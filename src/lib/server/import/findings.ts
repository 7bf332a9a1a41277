/**
 * Recomputes a campaign's findings from its stored nominations. Unit-level rules and duplicate
 * detection depend on every nomination of a unit or campaign, so the whole campaign is checked
 * at once (550 nominations take milliseconds) and its findings replaced in the same transaction.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { duplicateMessageForUnit, duplicatesByIndex } from '../../domain/rules/duplicates';
import type { Finding as DomainFinding } from '../../domain/rules/finding';
import { validateNomination, validateUnit } from '../../domain/rules/validate';
import { canViewBoard, type Actor } from '../../permissions';
import type { Db, Tx } from '../db';
import type { FindingSummary } from '../../board/events';
import type { Nomination } from '../../domain/interchange';
import type { CampaignParameters } from '../../domain/campaign';
import {
	campaign,
	candidate,
	consultation,
	finding,
	unit,
	type Consultation,
	type Finding
} from '../db/schema';

const INSERT_BATCH = 500;

type FindingRow = typeof finding.$inferInsert;

/**
 * Replaces the stored findings of a campaign with those of `validateDocument` over its stored
 * nominations; returns how many there are. Findings are attached by position, not by `ref`: refs
 * come from files and need not be unique, and messages keep the submitters' refs.
 */
export async function refreshFindings(tx: Db | Tx, campaignId: number): Promise<number> {
	const [owner] = await tx
		.select({ parameters: campaign.parameters })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	if (!owner) throw new Error(`campaign ${campaignId} not found`);
	const parameters = owner.parameters;
	const rows = await tx
		.select({ id: candidate.id, form: candidate.form })
		.from(candidate)
		.where(eq(candidate.campaignId, campaignId))
		.orderBy(candidate.id);
	const units = await tx
		.select({ id: unit.id, name: unit.name })
		.from(unit)
		.where(eq(unit.campaignId, campaignId));
	const unitIdByName = new Map(units.map((u) => [u.name, u.id]));

	const recorded = await recordedConsultations(tx, campaignId);
	const nominations = rows.map((row) => withRecorded(row.form, recorded.get(row.id) ?? []));
	const found = campaignFindings(nominations, parameters);
	const values: FindingRow[] = [];
	const toRow = (item: DomainFinding, target: { candidateId: number } | { unitId: number }) =>
		values.push({
			campaignId,
			candidateId: null,
			unitId: null,
			...target,
			code: item.code,
			severity: item.severity,
			field: item.field,
			message: item.message
		});
	found.byNomination.forEach((list, index) => {
		for (const item of list) toRow(item, { candidateId: rows[index]!.id });
	});
	for (const [name, list] of found.byUnit) {
		const unitId = unitIdByName.get(name);
		if (unitId === undefined) throw new Error(`unit “${name}” of campaign ${campaignId} not found`);
		for (const item of list) toRow(item, { unitId });
	}
	await tx.delete(finding).where(eq(finding.campaignId, campaignId));
	for (let start = 0; start < values.length; start += INSERT_BATCH) {
		await tx.insert(finding).values(values.slice(start, start + INSERT_BATCH));
	}
	return values.length;
}

/**
 * The findings of a campaign's nominations (each with its consultations as recorded): per
 * nomination (its rules and DUPLICATE-NOMINEE against the others) and per unit (SPEC §4.2).
 * The stored findings and an upload's preview both come from here.
 */
export function campaignFindings(
	nominations: readonly Nomination[],
	parameters: CampaignParameters
): { byNomination: DomainFinding[][]; byUnit: Map<string, DomainFinding[]> } {
	const duplicates = duplicatesByIndex(nominations);
	const byNomination = nominations.map((nomination, index) => {
		const list = validateNomination(nomination, parameters);
		const duplicate = duplicates[index];
		return duplicate ? [...list, duplicate] : list;
	});
	const byUnit = new Map<string, DomainFinding[]>();
	for (const name of new Set(nominations.map((n) => n.unit.name)))
		byUnit.set(name, validateUnit(name, nominations, parameters));
	return { byNomination, byUnit };
}

type Recorded = Pick<Consultation, 'dept' | 'result' | 'date' | 'note'>;

/** The consultation records of a campaign's candidates as the secretariat holds them now. */
export async function recordedConsultations(tx: Db | Tx, campaignId: number) {
	const rows = await tx
		.select({
			candidateId: consultation.candidateId,
			dept: consultation.dept,
			result: consultation.result,
			date: consultation.date,
			note: consultation.note
		})
		.from(consultation)
		.innerJoin(candidate, eq(consultation.candidateId, candidate.id))
		.where(eq(candidate.campaignId, campaignId))
		.orderBy(asc(consultation.id));
	const byCandidate = new Map<number, Recorded[]>();
	for (const { candidateId, ...record } of rows) {
		const list = byCandidate.get(candidateId) ?? [];
		list.push(record);
		byCandidate.set(candidateId, list);
	}
	return byCandidate;
}

/**
 * The nomination with its consultations as recorded now (SPEC §5): a department's record in the
 * table (imported with the file, or entered later by the secretariat) replaces the form's entry
 * for that department, in place so findings keep pointing at the form's lines, and departments
 * recorded only in the table are added after them. So CONSULT-MISSING and CONSULT-OBJECTION clear
 * once the answer is recorded.
 */
export function withRecorded(nomination: Nomination, records: readonly Recorded[]): Nomination {
	if (records.length === 0) return nomination;
	const byDept = new Map(records.map((record) => [record.dept, record]));
	const entry = (record: Recorded) => ({
		dept: record.dept,
		result: record.result,
		date: record.date ?? '',
		note: record.note
	});
	const fromForm = nomination.consultations.map((line) => {
		const record = byDept.get(line.dept.trim());
		return record ? entry(record) : line;
	});
	const inForm = new Set(nomination.consultations.map((line) => line.dept.trim()));
	const added = records.filter((record) => !inForm.has(record.dept)).map(entry);
	return { ...nomination, consultations: [...fromForm, ...added] };
}

/**
 * A stored finding as `viewer` may read it. Roles that see every unit's nominations on the board
 * read it as stored; a recommending unit reads DUPLICATE-NOMINEE without the other nominations'
 * refs and units (it never sees another unit's data, SPEC §1).
 */
export function findingForViewer<Row extends Pick<Finding, 'code' | 'field' | 'message'>>(
	viewer: Actor,
	row: Row
): Row {
	if (canViewBoard(viewer) || row.code !== 'DUPLICATE-NOMINEE') return row;
	return { ...row, message: duplicateMessageForUnit(row.field) };
}

/** The findings on one candidate, or a unit's own (SPEC §4.2) findings, as `viewer` may read them; errors first. */
export async function findingsOf(
	db: Db | Tx,
	owner: { candidateId: number } | { unitId: number },
	viewer: Actor
): Promise<Finding[]> {
	const rows = await db
		.select()
		.from(finding)
		.where(
			'candidateId' in owner
				? eq(finding.candidateId, owner.candidateId)
				: eq(finding.unitId, owner.unitId)
		)
		.orderBy(
			sql`case ${finding.severity} when 'error' then 0 when 'warning' then 1 else 2 end`,
			asc(finding.id)
		);
	return rows.map((row) => findingForViewer(viewer, row));
}

/** What a card shows of one candidate's findings: counts by severity and the codes. */
export async function findingSummaryOf(db: Db | Tx, candidateId: number): Promise<FindingSummary> {
	const rows = await db
		.select({ code: finding.code, severity: finding.severity })
		.from(finding)
		.where(eq(finding.candidateId, candidateId));
	const count = (severity: Finding['severity']) =>
		rows.filter((row) => row.severity === severity).length;
	return {
		errors: count('error'),
		warnings: count('warning'),
		infos: count('info'),
		codes: [...new Set(rows.map((row) => row.code))]
	};
}
