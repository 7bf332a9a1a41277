import type { Consultation, PersonRecord } from './types';

/** Every individual and collective: 组织人事, 纪检监察, 公安 (三(一), 四(一)2). */
export const BASE_DEPARTMENTS = ['组织人事', '纪检监察', '公安'] as const;

/** Added for an enterprise head (四(一)3); 国资 only when the enterprise is state-owned. */
export const ENTERPRISE_DEPARTMENTS = [
	'生态环境',
	'人力社保',
	'税务',
	'市场监管',
	'应急管理'
] as const;

/** The departments a nominee must be consulted with (SPEC §5); a collective passes no person. */
export function requiredDepartments(person?: PersonRecord): string[] {
	const departments: string[] = [...BASE_DEPARTMENTS];
	if (!person) return departments;
	if (person.party) departments.push('统战');
	if (person.enterpriseHead) {
		departments.push(...ENTERPRISE_DEPARTMENTS);
		if (person.stateOwned) departments.push('国资');
	}
	return departments;
}

/** 无异议 records for the given departments, all dated `date` (`YYYY-MM-DD`). */
export function consultationsFor(departments: readonly string[], date: string): Consultation[] {
	return departments.map((dept) => ({ dept, result: '无异议', date }));
}
