/**
 * The secretary's units overview (issue 12): for every registered unit and every unit that
 * submitted, whether it submitted, how many per track against its limits (通知一(三)), its
 * findings by severity, late or not, and its 附件6 contacts. Units that have not submitted two
 * working days before the deadline stand out.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { CampaignParameters } from '../../domain/campaign';
import { addDays } from '../../domain/dates';
import type { Nomination, UnitKind } from '../../domain/interchange';
import type { Severity } from '../../domain/rules/finding';
import {
	countUnitNominations,
	limitLabels,
	unitLimits,
	type LimitKey,
	type Range
} from '../../domain/rules/unit-limits';
import { isWorkingDay } from '../../domain/working-days';
import type { Db } from '../db';
import { campaign, candidate, finding, unit, unitRegister, type UnitContact } from '../db/schema';
import { contactsOf } from './register';

/** Chinese names of the unit kinds (通知一(三)). */
export const unitKindLabels: Record<UnitKind, string> = {
	liaison_group: '联系组',
	professional_group: '专业组',
	work_department: '市人大常委会工作部门',
	municipal_department: '市级有关部门'
};

/** One limit of a unit: how many it nominated against the range allowed. */
export interface LimitUse {
	key: LimitKey;
	label: string;
	count: number;
	range: Range;
	/** 'over' above the maximum, 'short' below the minimum (only when the unit submitted). */
	state: 'ok' | 'over' | 'short';
}

/** One row of the overview. */
export interface UnitOverviewRow {
	unitId: number;
	name: string;
	kind: UnitKind;
	kindLabel: string;
	/** 推荐单位 as the forms print it ('' for a unit not on the register). */
	reportingBody: string;
	registered: boolean;
	position: number;
	nominations: number;
	submitted: boolean;
	/** Latest submission date of its nominations, or null. */
	submittedAt: string | null;
	late: boolean;
	limits: LimitUse[];
	findings: Record<Severity, number>;
	contacts: Pick<UnitContact, 'role' | 'name' | 'position' | 'officePhone' | 'mobile' | 'note'>[];
	/** Not submitted when the reminder day (two working days before the deadline) has come. */
	standsOut: boolean;
}

/** The working day `n` working days before `date`: 2022-10-26 for the 2022-10-28 deadline. */
export function workingDaysBefore(date: string, n: number): string {
	let day = date;
	for (let left = n; left > 0;) {
		day = addDays(day, -1);
		if (isWorkingDay(day)) left--;
	}
	return day;
}

/** The overview sorted by register order, then unregistered units by name. */
export async function unitsOverview(
	db: Db,
	campaignId: number,
	today: string
): Promise<{ rows: UnitOverviewRow[]; deadline: string; reminderDay: string }> {
	const [owner] = await db
		.select({ parameters: campaign.parameters })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	if (!owner) return { rows: [], deadline: '', reminderDay: '' };
	const params: CampaignParameters = owner.parameters;
	const deadline = params.submissionDeadline;
	const reminderDay = workingDaysBefore(deadline, 2);

	const [units, candidates, counts] = await Promise.all([
		db
			.select({
				id: unit.id,
				name: unit.name,
				kind: unit.kind,
				reportingBody: unitRegister.reportingBody,
				position: unitRegister.position
			})
			.from(unit)
			.leftJoin(unitRegister, eq(unitRegister.unitId, unit.id))
			.where(eq(unit.campaignId, campaignId)),
		db
			.select({
				unitId: candidate.unitId,
				form: candidate.form,
				submittedAt: candidate.submittedAt
			})
			.from(candidate)
			.where(eq(candidate.campaignId, campaignId)),
		db
			.select({
				unitId: sql<number>`coalesce(${finding.unitId}, ${candidate.unitId})`.mapWith(Number),
				severity: finding.severity,
				count: sql<number>`count(*)`.mapWith(Number)
			})
			.from(finding)
			.leftJoin(candidate, eq(candidate.id, finding.candidateId))
			.where(and(eq(finding.campaignId, campaignId), isNotNull(finding.severity)))
			.groupBy(sql`1`, finding.severity)
	]);
	const contacts = await contactsOf(
		db,
		units.map((u) => u.id)
	);

	const byUnit = new Map<number, { forms: Nomination[]; dates: string[] }>();
	for (const row of candidates) {
		const entry = byUnit.get(row.unitId) ?? { forms: [], dates: [] };
		entry.forms.push(row.form);
		if (row.submittedAt) entry.dates.push(row.submittedAt);
		byUnit.set(row.unitId, entry);
	}
	const findingsOf = new Map<number, Record<Severity, number>>();
	for (const row of counts) {
		const entry = findingsOf.get(row.unitId) ?? { error: 0, warning: 0, info: 0 };
		entry[row.severity] += row.count;
		findingsOf.set(row.unitId, entry);
	}

	const rows = units
		.filter((u) => u.reportingBody !== null || byUnit.has(u.id))
		.map((u): UnitOverviewRow => {
			const own = byUnit.get(u.id) ?? { forms: [], dates: [] };
			const submitted = own.forms.length > 0;
			const { counts: used } = countUnitNominations(own.forms);
			const limits = (Object.keys(unitLimits[u.kind]) as LimitKey[])
				.filter((key) => unitLimits[u.kind][key].max > 0 || used[key] > 0)
				.map((key): LimitUse => {
					const range = unitLimits[u.kind][key];
					const count = used[key];
					const state =
						count > range.max ? 'over' : submitted && count < range.min ? 'short' : 'ok';
					return { key, label: limitLabels[key][0], count, range, state };
				});
			const submittedAt = own.dates.length > 0 ? own.dates.sort().at(-1)! : null;
			return {
				unitId: u.id,
				name: u.name,
				kind: u.kind,
				kindLabel: unitKindLabels[u.kind],
				reportingBody: u.reportingBody ?? '',
				registered: u.reportingBody !== null,
				position: u.position ?? Number.MAX_SAFE_INTEGER,
				nominations: own.forms.length,
				submitted,
				submittedAt,
				late: own.dates.some((date) => date > deadline),
				limits,
				findings: findingsOf.get(u.id) ?? { error: 0, warning: 0, info: 0 },
				contacts: contacts
					.filter((c) => c.unitId === u.id)
					.map(({ role, name, position, officePhone, mobile, note }) => ({
						role,
						name,
						position,
						officePhone,
						mobile,
						note
					})),
				standsOut: !submitted && today >= reminderDay
			};
		})
		.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'zh-CN'));
	return { rows, deadline, reminderDay };
}

/** Sort keys of the overview table. */
export const overviewSorts = [
	'register',
	'name',
	'submitted',
	'errors',
	'warnings',
	'late'
] as const;
export type OverviewSort = (typeof overviewSorts)[number];

/** Sorts overview rows by a key (stable; ties keep register order). `desc` reverses. */
export function sortOverview(
	rows: readonly UnitOverviewRow[],
	sort: OverviewSort,
	desc = false
): UnitOverviewRow[] {
	const key: Record<OverviewSort, (row: UnitOverviewRow) => number | string> = {
		register: (row) => row.position,
		name: (row) => row.name,
		submitted: (row) => (row.submitted ? 1 : 0),
		errors: (row) => row.findings.error,
		warnings: (row) => row.findings.warning,
		late: (row) => (row.late ? 1 : 0)
	};
	const value = key[sort];
	const sorted = rows
		.map((row, index) => ({ row, index }))
		.sort((a, b) => {
			const x = value(a.row);
			const y = value(b.row);
			const order =
				typeof x === 'string' && typeof y === 'string'
					? x.localeCompare(y, 'zh-CN')
					: Number(x) - Number(y);
			return order || a.index - b.index;
		})
		.map(({ row }) => row);
	return desc ? sorted.reverse() : sorted;
}
