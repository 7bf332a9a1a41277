/**
 * Required consultations (征求意见, SPEC §5; 通知三(一), 四(一)2–4, attachments 4–5) and
 * whether a candidate's records clear them.
 */
import { isDemocraticPartyMember } from './candidate-facts';
import { isIsoDate } from './dates';
import type { Nomination } from './interchange';
import type { ConsultationDepartment } from './vocabulary';

/** Consulted for every individual and collective: 组织人事, 纪检监察, 公安 (通知三(一), 附件4–5). */
export const baseDepartments: ConsultationDepartment[] = ['组织人事', '纪检监察', '公安'];

/** Added for an enterprise head (通知四(一)3): 生态环境, 人力社保, 税务, 市场监管, 应急管理. */
export const enterpriseDepartments: ConsultationDepartment[] = [
	'生态环境',
	'人力社保',
	'税务',
	'市场监管',
	'应急管理'
];

/**
 * The departments a candidate must be consulted with, in the order of the forms: the three
 * base ones; 统战 for a democratic-party member (四(一)4); the five regulators for an
 * enterprise head, plus 国资 when the enterprise is state-owned (四(一)3 — 纪检监察 is already
 * among the base ones). Suggestions need none.
 */
export function requiredConsultations(nomination: Nomination): ConsultationDepartment[] {
	if (nomination.track === 'suggestion') return [];
	if (nomination.track === 'collective') return [...baseDepartments];
	const person = nomination.person;
	const departments = [...baseDepartments];
	if (isDemocraticPartyMember(person)) departments.push('统战');
	if (person.enterpriseHead) {
		departments.push(...enterpriseDepartments);
		if (person.stateOwned) departments.push('国资');
	}
	return departments;
}

/** One consultation record: department, result (无异议 / 有异议), date, note. */
export interface ConsultationRecord {
	dept: string;
	result: string;
	date: string;
	note?: string;
}

/** Where a candidate's consultations stand against what is required. */
export interface ConsultationStatus {
	/** The departments required. */
	required: ConsultationDepartment[];
	/** How many required departments answered 无异议. */
	clear: number;
	/** Required departments whose answer is 有异议. */
	objections: ConsultationDepartment[];
	/** Required departments with no answer recorded. */
	missing: ConsultationDepartment[];
	/** True when every required department answered 无异议. */
	allClear: boolean;
}

/**
 * Compares records with the required departments. When a department answered more than once
 * (an objection later withdrawn), its latest answer counts: the latest date, and among equal
 * or unreadable dates the one listed last. Records of departments not required are ignored.
 */
export function consultationStatus(
	required: readonly ConsultationDepartment[],
	records: readonly ConsultationRecord[]
): ConsultationStatus {
	const latest = new Map<string, ConsultationRecord>();
	for (const record of records) {
		const dept = record.dept.trim();
		const current = latest.get(dept);
		const date = isIsoDate(record.date) ? record.date : '';
		const currentDate = current && isIsoDate(current.date) ? current.date : '';
		if (!current || date >= currentDate) latest.set(dept, record);
	}
	const objections: ConsultationDepartment[] = [];
	const missing: ConsultationDepartment[] = [];
	let clear = 0;
	for (const dept of required) {
		const result = latest.get(dept)?.result.trim();
		if (result === '无异议') clear++;
		else if (result === '有异议') objections.push(dept);
		else missing.push(dept);
	}
	return {
		required: [...required],
		clear,
		objections,
		missing,
		allClear: clear === required.length
	};
}
