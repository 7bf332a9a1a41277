/**
 * Findings: what the rules of SPEC §4 report. Codes are part of the product's interface —
 * imports, the CLI and the UI all show them — and each code has one fixed severity.
 */

/** How much a finding matters: `error` blocks, `warning` needs a look, `info` is for reference. */
export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

/** Every finding code with its severity (SPEC §4.1 per nomination, §4.2 per unit, §4.3 per list). */
export const findingSeverities = {
	'IND-RANK-EXCLUDED': 'error',
	'COL-RANK-EXCLUDED': 'error',
	'STAFF-TENURE': 'error',
	'STAFF-NOT-IN-POST': 'error',
	'ASSESSMENT-BELOW': 'error',
	'ASSESSMENT-MISSING': 'warning',
	'DISCIPLINE-RECORD': 'error',
	'ID-INVALID': 'error',
	'BIRTH-FORMAT': 'error',
	'NATIVE-PLACE-FORMAT': 'warning',
	'RESUME-GAP': 'error',
	'RESUME-OVERLAP': 'warning',
	'TEXT-TOO-LONG': 'error',
	'SUGGESTION-NUMBER-FORMAT': 'error',
	'RECORD-BEFORE-WINDOW': 'warning',
	'REQUIRED-MISSING': 'error',
	'ENUM-INVALID': 'error',
	'DUPLICATE-NOMINEE': 'error',
	'SEX-ID-MISMATCH': 'error',
	'AGE-IMPLAUSIBLE': 'error',
	'DATE-AFTER-ASOF': 'error',
	'RECORD-BELOW-LEVEL': 'warning',
	'CONSULT-MISSING': 'error',
	'CONSULT-OBJECTION': 'error',
	'CONSULT-DATE': 'warning',
	'PHOTO-MISSING': 'warning',
	'PRIORITY-HONOUR': 'info',
	'UNIT-LIMIT-EXCEEDED': 'error',
	'UNIT-LIMIT-SHORT': 'warning',
	'UNIT-DIVISION-EXTRA': 'error',
	'UNIT-NOTICE-DAYS': 'error',
	'UNIT-LATE': 'warning',
	'UNIT-NOTICE-ORDER': 'warning',
	'QUOTA-FULL': 'error',
	'CAP-DIVISION': 'warning',
	'CAP-MUNICIPAL-ORGAN': 'warning',
	'CAP-ENTERPRISE-HEAD': 'warning'
} as const satisfies Record<string, Severity>;

/** A finding code of SPEC §4. */
export type FindingCode = keyof typeof findingSeverities;

/** All finding codes, in SPEC order. */
export const findingCodes = Object.keys(findingSeverities) as FindingCode[];

/**
 * One finding. `ref` is the nomination's ref (the unit's name for unit findings, `list:<track>`
 * or `list` for list findings); `field` is the path of the field concerned inside the
 * nomination (e.g. `person.birth`, `person.resume[1]`); `message` says in Chinese what is
 * wrong and how to fix it, citing the notice clause.
 */
export interface Finding {
	ref: string;
	code: FindingCode;
	severity: Severity;
	field: string;
	message: string;
}

/** Builds a finding with the code's fixed severity. */
export function finding(ref: string, code: FindingCode, field: string, message: string): Finding {
	return { ref, code, severity: findingSeverities[code], field, message };
}

/** A finding without its ref: what a rule returns before the caller knows whose it is. */
export type Issue = Omit<Finding, 'ref'>;

/** Builds an issue with the code's fixed severity. */
export function issue(code: FindingCode, field: string, message: string): Issue {
	return { code, severity: findingSeverities[code], field, message };
}

/** Number of findings of each severity (for the badges on cards). */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
	const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
	for (const item of findings) counts[item.severity]++;
	return counts;
}
