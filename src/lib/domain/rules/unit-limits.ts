/**
 * Per recommending unit (SPEC §4.2), part 1: the 差额推荐 limits of 通知一(三) and the extra
 * nominee for 处级干部 (四(二)). The unit's notice and deadline are in unit-submission.ts.
 */
import { isDeputy, isDivisionCadre, isStaff, isStationForm } from '../candidate-facts';
import type { Nomination, UnitKind } from '../interchange';
import { finding, type Finding } from './finding';

/** What a unit's nominations are counted as for the limits. */
export type LimitKey =
	'liaisonGroup' | 'station' | 'ownCollective' | 'deputy' | 'staff' | 'suggestion';

/** A minimum and maximum number of nominations. */
export interface Range {
	min: number;
	max: number;
}

const none: Range = { min: 0, max: 0 };
const upToOne: Range = { min: 0, max: 1 };
const otherUnits: Record<LimitKey, Range> = {
	liaisonGroup: none,
	station: none,
	ownCollective: upToOne,
	deputy: none,
	staff: upToOne,
	suggestion: none
};

/**
 * Limits per unit kind (通知一(三)). 联系组: ≤ 1 联系组 + 3–5 代表家站, 1–2 deputies + ≤ 1 liaison
 * staff, 4–6 suggestions. 专业组, 市人大常委会工作部门, 市级有关部门: ≤ 1 collective of their own
 * (专业组 or 处室), ≤ 1 liaison staff, no deputies, no suggestions.
 */
export const unitLimits: Record<UnitKind, Record<LimitKey, Range>> = {
	liaison_group: {
		liaisonGroup: upToOne,
		station: { min: 3, max: 5 },
		ownCollective: none,
		deputy: { min: 1, max: 2 },
		staff: upToOne,
		suggestion: { min: 4, max: 6 }
	},
	professional_group: otherUnits,
	work_department: otherUnits,
	municipal_department: otherUnits
};

/** Chinese name and counting word of each limit key. */
export const limitLabels: Record<LimitKey, [string, string]> = {
	liaisonGroup: ['联系组（先进集体）', '个'],
	station: ['代表家站（先进集体）', '个'],
	ownCollective: ['专业组或处室（先进集体）', '个'],
	deputy: ['人大代表（先进个人）', '名'],
	staff: ['代表联络工作人员（先进个人）', '名'],
	suggestion: ['代表建议（优秀建议）', '件']
};

/** The unit's nominations counted by limit key, plus 处级干部 and 基层一线 individuals. */
export function countUnitNominations(nominations: readonly Nomination[]) {
	const counts: Record<LimitKey, number> = {
		liaisonGroup: 0,
		station: 0,
		ownCollective: 0,
		deputy: 0,
		staff: 0,
		suggestion: 0
	};
	let division = 0;
	let grassroots = 0;
	for (const n of nominations) {
		if (n.track === 'suggestion') counts.suggestion++;
		else if (n.track === 'collective') {
			const category = n.collective.category.trim();
			if (isStationForm(n.collective)) counts.station++;
			else if (category === '联系组') counts.liaisonGroup++;
			else if (category !== '') counts.ownCollective++;
		} else {
			if (isDeputy(n.person)) counts.deputy++;
			else if (isStaff(n.person)) counts.staff++;
			if (isDivisionCadre(n.person)) division++;
			else if (n.person.grassrootsFrontline) grassroots++;
		}
	}
	return { counts, division, grassroots };
}

const describe = (key: LimitKey, count: number, range: Range) => {
	const [label, unit] = limitLabels[key];
	const allowed =
		range.min === range.max
			? `${range.max}`
			: range.min === 0
				? `不超过 ${range.max}`
				: `${range.min}–${range.max}`;
	return `${label} ${count} ${unit}（应为 ${allowed} ${unit}）`;
};

/**
 * UNIT-LIMIT-EXCEEDED, UNIT-LIMIT-SHORT and UNIT-DIVISION-EXTRA. A unit nominating D 处级干部
 * may nominate D deputies beyond its limit (在推荐名额之外再推荐1名基层一线人选, 通知四(二)) and
 * must then have at least D 基层一线 individuals other than the 处级干部 themselves.
 */
export function checkUnitLimits(
	unitName: string,
	kind: UnitKind,
	nominations: readonly Nomination[]
): Finding[] {
	const { counts, division, grassroots } = countUnitNominations(nominations);
	const limits = { ...unitLimits[kind], deputy: { ...unitLimits[kind].deputy } };
	limits.deputy.max += division;
	const keys = Object.keys(limits) as LimitKey[];
	const over = keys.filter((key) => counts[key] > limits[key].max);
	const short = keys.filter((key) => counts[key] < limits[key].min);
	const findings: Finding[] = [];
	if (over.length > 0) {
		const extra = division > 0 ? `（已计入 ${division} 名处级干部带来的额外名额）` : '';
		const text = over.map((key) => describe(key, counts[key], limits[key])).join('；');
		findings.push(
			finding(
				unitName,
				'UNIT-LIMIT-EXCEEDED',
				'nominations',
				`推荐超出名额：${text}${extra}（通知一(三)）。请撤回多出的推荐。`
			)
		);
	}
	if (short.length > 0) {
		const text = short.map((key) => describe(key, counts[key], limits[key])).join('；');
		findings.push(
			finding(
				unitName,
				'UNIT-LIMIT-SHORT',
				'nominations',
				`推荐少于差额推荐的下限：${text}（通知一(三)：本次评选实行差额推荐）。请补充推荐，或确认不再推荐。`
			)
		);
	}
	if (grassroots < division) {
		findings.push(
			finding(
				unitName,
				'UNIT-DIVISION-EXTRA',
				'person.grassrootsFrontline',
				`推荐了 ${division} 名处级干部，但基层一线人选只有 ${grassroots} 名（通知四(二)：如确需推荐处级干部，请该单位在推荐名额之外再推荐1名基层一线人选）。请为每名处级干部增加1名基层一线人选。`
			)
		);
	}
	return findings;
}
