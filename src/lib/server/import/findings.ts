/**
 * Recomputes a campaign's findings from its stored nominations. Unit-level rules and duplicate
 * detection depend on every nomination of a unit or campaign, so the whole campaign is checked
 * at once (550 nominations take milliseconds) and its findings replaced in the same transaction.
 */
import { eq } from 'drizzle-orm';
import type { CampaignParameters } from '../../domain/campaign';
import type { Nomination } from '../../domain/interchange';
import { validateDocument } from '../../domain/rules/validate';
import type { Db, Tx } from '../db';
import { campaign, candidate, finding, unit } from '../db/schema';

const INSERT_BATCH = 500;

export async function refreshFindings(tx: Db | Tx, campaignId: number): Promise<number> {
	const [owner] = await tx
		.select({ parameters: campaign.parameters })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	if (!owner) throw new Error(`campaign ${campaignId} not found`);
	const rows = await tx
		.select({ id: candidate.id, unitId: candidate.unitId, form: candidate.form })
		.from(candidate)
		.where(eq(candidate.campaignId, campaignId))
		.orderBy(candidate.id);
	const units = await tx
		.select({ id: unit.id, name: unit.name })
		.from(unit)
		.where(eq(unit.campaignId, campaignId));
	const unitIdByName = new Map(units.map((u) => [u.name, u.id]));

	// Refs in files need not be unique across imports: validate with the candidate id as ref.
	const nominations = rows.map((row) => ({ ...(row.form as Nomination), ref: String(row.id) }));
	const found = validateDocument(
		{ format: 'shortlist/v1', nominations },
		owner.parameters as unknown as CampaignParameters
	);
	const candidateIds = new Set(rows.map((row) => String(row.id)));
	const values = found.map((f) => {
		const isCandidate = candidateIds.has(f.ref);
		return {
			campaignId,
			candidateId: isCandidate ? Number(f.ref) : null,
			unitId: isCandidate ? null : (unitIdByName.get(f.ref) ?? null),
			code: f.code,
			severity: f.severity,
			field: f.field,
			message: f.message
		};
	});
	await tx.delete(finding).where(eq(finding.campaignId, campaignId));
	for (let start = 0; start < values.length; start += INSERT_BATCH) {
		await tx.insert(finding).values(values.slice(start, start + INSERT_BATCH));
	}
	return values.length;
}
