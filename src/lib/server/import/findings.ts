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
import { campaign, candidate, finding, unit, type Finding } from '../db/schema';

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

	const nominations = rows.map((row) => row.form);
	const duplicates = duplicatesByIndex(nominations);
	const values: FindingRow[] = [];
	const toRow = (found: DomainFinding, target: { candidateId: number } | { unitId: number }) =>
		values.push({
			campaignId,
			candidateId: null,
			unitId: null,
			...target,
			code: found.code,
			severity: found.severity,
			field: found.field,
			message: found.message
		});
	nominations.forEach((nomination, index) => {
		const candidateId = rows[index]!.id;
		for (const found of validateNomination(nomination, parameters)) toRow(found, { candidateId });
		const duplicate = duplicates[index];
		if (duplicate) toRow(duplicate, { candidateId });
	});
	for (const name of new Set(nominations.map((n) => n.unit.name))) {
		const unitId = unitIdByName.get(name);
		if (unitId === undefined) throw new Error(`unit “${name}” of campaign ${campaignId} not found`);
		for (const found of validateUnit(name, nominations, parameters)) toRow(found, { unitId });
	}
	await tx.delete(finding).where(eq(finding.campaignId, campaignId));
	for (let start = 0; start < values.length; start += INSERT_BATCH) {
		await tx.insert(finding).values(values.slice(start, start + INSERT_BATCH));
	}
	return values.length;
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
