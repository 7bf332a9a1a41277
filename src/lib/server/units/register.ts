/**
 * The unit register (issue 12): which recommending units a campaign expects files from, the
 * 推荐单位 their forms print, and the contacts of 附件6. A registered unit is an ordinary `unit`
 * row plus a `unit_register` row, so an import of its nominations attaches to it by name.
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { UnitKind } from '../../domain/interchange';
import type { Db, Tx } from '../db';
import {
	unit,
	unitContact,
	unitContactRoles,
	unitRegister,
	type UnitContactRole
} from '../db/schema';
import { presetRegister, type RegisterEntry } from './preset';

/** A contact of 附件6 as edited by the secretary (personal data: never to panel or screen). */
export interface ContactInput {
	role: UnitContactRole;
	name: string;
	position: string;
	officePhone: string;
	mobile: string;
	note: string;
}

/**
 * Puts units on the register: creates their `unit` rows when missing (by campaign and name)
 * and registers them; units already registered keep their place. Returns how many were added.
 */
export async function registerUnits(
	tx: Db | Tx,
	campaignId: number,
	entries: readonly RegisterEntry[]
): Promise<number> {
	if (entries.length === 0) return 0;
	await tx
		.insert(unit)
		.values(entries.map((e) => ({ campaignId, name: e.name, kind: e.kind, district: e.district })))
		.onConflictDoNothing({ target: [unit.campaignId, unit.name] });
	const rows = await tx
		.select({ id: unit.id, name: unit.name })
		.from(unit)
		.where(
			and(
				eq(unit.campaignId, campaignId),
				inArray(
					unit.name,
					entries.map((e) => e.name)
				)
			)
		);
	const idOf = new Map(rows.map((row) => [row.name, row.id]));
	const [last] = await tx
		.select({ position: max(unitRegister.position) })
		.from(unitRegister)
		.where(eq(unitRegister.campaignId, campaignId));
	const start = (last?.position ?? 0) + 1;
	const added = await tx
		.insert(unitRegister)
		.values(
			entries.map((e, index) => ({
				unitId: idOf.get(e.name)!,
				campaignId,
				reportingBody: e.reportingBody,
				position: start + index
			}))
		)
		.onConflictDoNothing({ target: unitRegister.unitId })
		.returning({ unitId: unitRegister.unitId });
	return added.length;
}

/** Registers the preset's units (the 38 liaison groups, 10 专业组, 工作部门). */
export function registerPresetUnits(tx: Db | Tx, campaignId: number): Promise<number> {
	return registerUnits(tx, campaignId, presetRegister());
}

/** Adds one unit to the register; for a 联系组 without a 推荐单位, its 区县人大常委会 is derived. */
export function registerUnit(
	tx: Db | Tx,
	campaignId: number,
	input: { name: string; kind: UnitKind; district: string | null; reportingBody: string }
): Promise<number> {
	const name = input.name.trim();
	const district = input.district?.trim() || null;
	const reportingBody =
		input.reportingBody.trim() ||
		(input.kind === 'liaison_group' && district ? `${district}人大常委会` : name);
	return registerUnits(tx, campaignId, [{ name, kind: input.kind, district, reportingBody }]);
}

/** Takes a unit off the register (its nominations and `unit` row stay). */
export async function unregisterUnit(tx: Db | Tx, campaignId: number, unitId: number) {
	await tx
		.delete(unitRegister)
		.where(and(eq(unitRegister.campaignId, campaignId), eq(unitRegister.unitId, unitId)));
}

/**
 * Names among `names` that are not on the campaign's register (for the import's report); none
 * when the campaign has no register at all.
 */
export async function unitsNotOnRegister(
	db: Db | Tx,
	campaignId: number,
	names: readonly string[]
): Promise<string[]> {
	const registered = await db
		.select({ name: unit.name })
		.from(unitRegister)
		.innerJoin(unit, eq(unit.id, unitRegister.unitId))
		.where(eq(unitRegister.campaignId, campaignId));
	// A campaign without a register expects no particular units: nothing to say.
	if (registered.length === 0) return [];
	const known = new Set(registered.map((row) => row.name));
	return [...new Set(names)].filter((name) => !known.has(name));
}

/** Saves a unit's contacts of 附件6 (one 分管领导, one 经办人); blank entries are removed. */
export async function saveContacts(
	tx: Db | Tx,
	unitId: number,
	contacts: readonly ContactInput[]
): Promise<void> {
	for (const role of unitContactRoles) {
		const input = contacts.find((c) => c.role === role);
		const values = {
			name: input?.name.trim() ?? '',
			position: input?.position.trim() ?? '',
			officePhone: input?.officePhone.trim() ?? '',
			mobile: input?.mobile.trim() ?? '',
			note: input?.note.trim() ?? ''
		};
		if (Object.values(values).every((value) => value === '')) {
			await tx
				.delete(unitContact)
				.where(and(eq(unitContact.unitId, unitId), eq(unitContact.role, role)));
			continue;
		}
		await tx
			.insert(unitContact)
			.values({ unitId, role, ...values })
			.onConflictDoUpdate({
				target: [unitContact.unitId, unitContact.role],
				set: { ...values, updatedAt: new Date() }
			});
	}
}

/** The contacts of the given units, 分管领导 before 经办人. */
export async function contactsOf(db: Db | Tx, unitIds: readonly number[]) {
	if (unitIds.length === 0) return [];
	return db
		.select()
		.from(unitContact)
		.where(inArray(unitContact.unitId, [...unitIds]))
		.orderBy(asc(unitContact.unitId), asc(unitContact.role));
}
