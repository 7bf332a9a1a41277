/**
 * 推荐单位 as the forms print it. The notice's 填表说明三 (附件1–3): “推荐单位填写区县（自治县）
 * 人大常委会、市级主管部门” — a 联系组's forms name its 区县人大常委会, a municipal unit names
 * itself — as the unit register records it (`unit_register.reporting_body`). Written once here:
 * the Word writers print it (cover, 征求意见表, file names), and intake reads it back to the unit.
 */

/** A unit and the 推荐单位 the register records for it (null or absent: not on the register). */
export interface ReportingUnit {
	name: string;
	reportingBody?: string | null;
}

/** The 推荐单位 a unit's forms print: the register's reporting body, else the unit's own name. */
export function printedUnitName(unit: ReportingUnit): string {
	return unit.reportingBody?.trim() || unit.name;
}

/**
 * The units a 推荐单位 read from a form or template row may mean: the unit of that very name
 * first, then every other registered unit whose forms print it. None: no unit answers to it.
 */
export function unitsPrinting<U extends ReportingUnit>(printed: string, units: readonly U[]): U[] {
	const text = printed.trim();
	return [
		...units.filter((u) => u.name === text),
		...units.filter(
			(u) => u.name !== text && u.reportingBody != null && printedUnitName(u) === text
		)
	];
}
