/**
 * The review panel as the members page shows it (SPEC §6): each panelist, whether they sit on
 * the campaign's panel (评审委员会), the units they belong to (recused from those units'
 * candidates automatically), the declared conflicts with their reasons, and the candidates a
 * conflict may be recorded for.
 */
import { aliasedTable, and, asc, desc, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../db';
import { candidate, conflict, membership, panelistUnit, unit, user } from '../db/schema';

/** One panelist of the campaign. */
export interface PanelSeat {
	userId: number;
	username: string;
	name: string;
	onPanel: boolean;
	/** Units they belong to: recused from these units' candidates (自动回避). */
	units: string[];
}

/** A declared conflict (申报回避). */
export interface DeclaredConflict {
	userId: number;
	panelist: string;
	candidateId: number;
	candidate: string;
	reason: string;
	recordedBy: string | null;
	at: Date;
}

/** The panel, the declared conflicts, and the candidates one may be recorded for. */
export async function panelRoster(db: Db, campaignId: number) {
	const recorder = aliasedTable(user, 'recorder');
	const [seats, links, conflicts, candidates] = await Promise.all([
		db
			.select({
				userId: user.id,
				username: user.username,
				name: user.displayName,
				onPanel: membership.onPanel
			})
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.where(and(eq(membership.campaignId, campaignId), eq(membership.role, 'panelist')))
			.orderBy(asc(user.username)),
		db
			.select({ userId: panelistUnit.userId, name: unit.name })
			.from(panelistUnit)
			.innerJoin(unit, eq(unit.id, panelistUnit.unitId))
			.where(eq(unit.campaignId, campaignId))
			.orderBy(asc(unit.id)),
		db
			.select({
				userId: conflict.userId,
				panelist: user.displayName,
				candidateId: conflict.candidateId,
				candidate: candidate.title,
				reason: conflict.reason,
				recordedBy: recorder.displayName,
				at: conflict.createdAt
			})
			.from(conflict)
			.innerJoin(user, eq(user.id, conflict.userId))
			.innerJoin(candidate, eq(candidate.id, conflict.candidateId))
			.leftJoin(recorder, eq(recorder.id, conflict.recordedBy))
			.where(eq(conflict.campaignId, campaignId))
			.orderBy(desc(conflict.createdAt)),
		db
			.select({ id: candidate.id, title: candidate.title, unitName: unit.name })
			.from(candidate)
			.innerJoin(unit, eq(unit.id, candidate.unitId))
			.where(
				and(
					eq(candidate.campaignId, campaignId),
					notInArray(candidate.stage, ['not_selected', 'withdrawn'])
				)
			)
			.orderBy(asc(candidate.track), asc(candidate.id))
	]);
	const panel: PanelSeat[] = seats.map((seat) => ({
		...seat,
		units: links.filter((link) => link.userId === seat.userId).map((link) => link.name)
	}));
	const declared: DeclaredConflict[] = conflicts;
	return { panel, conflicts: declared, candidates };
}
