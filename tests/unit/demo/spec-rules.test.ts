import { isWorkday } from 'chinese-days';
import { describe, expect, test } from 'vitest';
import {
	generateDemo,
	type DemoData,
	type DemoNomination,
	type PersonRecord
} from '$lib/server/demo';

/**
 * An independent reading of the SPEC §4 rules (and the §5 consultations), written from the spec
 * rather than from the generator, so the demo can be shown to be clean except where planted.
 */
type Finding = string; // `${ref} ${code}`

const EXCLUDED_RANKS = ['省部级', '厅局级正职', '厅局级副职', '一级巡视员', '二级巡视员'];
const PASSING = ['优秀', '称职', '合格'];
const MONTH = /^\d{4}\.(0[1-9]|1[0-2])$/;
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

function idValid(id: string): boolean {
	const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const sum = weights.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
	return /^\d{17}[\dX]$/.test(id) && '10X98765432'[sum % 11] === id[17];
}

function requiredDepts(person?: PersonRecord): string[] {
	const depts = ['组织人事', '纪检监察', '公安'];
	if (person?.party) depts.push('统战');
	if (person?.enterpriseHead) depts.push('生态环境', '人力社保', '税务', '市场监管', '应急管理');
	if (person?.enterpriseHead && person.stateOwned) depts.push('国资');
	return depts;
}

function personFindings(p: PersonRecord): string[] {
	const codes: string[] = [];
	const staff = p.category === '代表联络工作人员';
	if (EXCLUDED_RANKS.includes(p.rank) || p.municipalCadre) codes.push('IND-RANK-EXCLUDED');
	if (staff && p.liaisonYears < 3) codes.push('STAFF-TENURE');
	if (staff && !p.inPost) codes.push('STAFF-NOT-IN-POST');
	if (staff || ['机关', '参公单位', '事业单位'].includes(p.unitNature)) {
		if (p.assessments.some((a) => !PASSING.includes(a.result))) codes.push('ASSESSMENT-BELOW');
		const years = new Set(p.assessments.map((a) => a.year));
		if ([2018, 2019, 2020, 2021].some((y) => !years.has(y))) codes.push('ASSESSMENT-MISSING');
	}
	if (p.punishments.some((r) => r.date >= '2018.01')) codes.push('DISCIPLINE-RECORD');
	if ([...p.awards, ...p.punishments].some((r) => r.date < '2018.01'))
		codes.push('RECORD-BEFORE-WINDOW');
	if (!idValid(p.idNumber) || p.idNumber.slice(6, 12) !== p.birth.replace(/\D/g, ''))
		codes.push('ID-INVALID');
	if (!MONTH.test(p.birth)) codes.push('BIRTH-FORMAT');
	if (!/^.+?(省|自治区|市).+?[市区县]$/.test(p.nativePlace)) codes.push('NATIVE-PLACE-FORMAT');
	const resumeOk = p.resume.every((entry, i) => {
		const next = p.resume[i + 1];
		if (!MONTH.test(entry.from) || entry.from > (next ? entry.to : '9999')) return false;
		return next
			? MONTH.test(entry.to) && monthIndex(next.from) <= monthIndex(entry.to) + 1
			: entry.to === '至今';
	});
	if (!resumeOk) codes.push('RESUME-GAP');
	// 在职学习 and the like: entries running side by side are a warning, never a gap.
	if (p.resume.some((e, i) => i > 0 && monthIndex(e.from) < monthIndex(p.resume[i - 1]!.to)))
		codes.push('RESUME-OVERLAP');
	// GB 11643: the 17th digit is odd for 男, even for 女.
	if (idValid(p.idNumber) && (Number(p.idNumber[16]) % 2 === 1 ? '男' : '女') !== p.gender)
		codes.push('SEX-ID-MISMATCH');
	// 18 by 2022-10-31; no resume entry before the 16th birthday month.
	const born = p.idNumber.slice(6, 14);
	const bornMonth = monthIndex(`${born.slice(0, 4)}.${born.slice(4, 6)}`);
	if (born > '20041031' || p.resume.some((e) => monthIndex(e.from) < bornMonth + 16 * 12))
		codes.push('AGE-IMPLAUSIBLE');
	// Nothing dated after 截至2022年10月 (至今 aside; the 2022 assessment is not yet made).
	const late = (month: string) => MONTH.test(month) && month > '2022.10';
	if (
		[...p.awards, ...p.punishments].some((r) => late(r.date)) ||
		p.resume.some((e) => late(e.from) || late(e.to)) ||
		p.assessments.some((a) => a.year >= 2022)
	)
		codes.push('DATE-AFTER-ASOF');
	// Only 区县级以上 awards and punishments belong on the form.
	if ([...p.awards, ...p.punishments].some((r) => /^(乡镇|街道|村|社区)级$/.test(r.level ?? '')))
		codes.push('RECORD-BELOW-LEVEL');
	if (Array.from(p.deeds).length > 2000) codes.push('TEXT-TOO-LONG');
	if (!p.photo?.startsWith('data:image/')) codes.push('PHOTO-MISSING');
	if (p.awards.some((r) => r.text.includes('人大常委会') && r.date >= '2019.01'))
		codes.push('PRIORITY-HONOUR');
	return codes;
}

function nominationFindings(n: DemoNomination): string[] {
	const codes: string[] = [];
	if (n.track === 'individual') codes.push(...personFindings(n.person));
	if (n.track === 'collective') {
		const c = n.collective;
		if (/厅局|省部/.test(c.level)) codes.push('COL-RANK-EXCLUDED');
		if (Array.from(c.deeds).length > 2000) codes.push('TEXT-TOO-LONG');
		if (c.punishments.some((r) => r.date >= '2018.01')) codes.push('DISCIPLINE-RECORD');
		if ([...c.awards, ...c.punishments].some((r) => r.date < '2018.01'))
			codes.push('RECORD-BEFORE-WINDOW');
	}
	if (n.track === 'suggestion') {
		const s = n.suggestion;
		if (!/^市五届人大([一二三四五六七八九十]+|\d+)次会议(闭会)?\d+号$/.test(s.number))
			codes.push('SUGGESTION-NUMBER-FORMAT');
		if (Array.from(s.summary).length > 200 || Array.from(s.reason).length > 500)
			codes.push('TEXT-TOO-LONG');
	} else {
		const given = new Set(n.consultations.map((c) => c.dept));
		const person = n.track === 'individual' ? n.person : undefined;
		const required = requiredDepts(person);
		if (required.some((dept) => !given.has(dept))) codes.push('CONSULT-MISSING');
		if (n.consultations.some((c) => required.includes(c.dept) && c.result === '有异议'))
			codes.push('CONSULT-OBJECTION');
		// Opinions come after the notice was issued (2022-10-17) and before the submission.
		if (n.consultations.some((c) => c.date > n.submittedAt || c.date < '2022-10-17'))
			codes.push('CONSULT-DATE');
	}
	return codes;
}

function workingDays(start: string, end: string): number {
	let count = 0;
	for (
		let d = new Date(`${start}T00:00:00Z`);
		d.toISOString().slice(0, 10) <= end;
		d.setUTCDate(d.getUTCDate() + 1)
	) {
		if (isWorkday(d.toISOString().slice(0, 10))) count++;
	}
	return count;
}

function unitFindings(name: string, own: DemoNomination[], liaison: boolean): string[] {
	const codes: string[] = [];
	const people = own.flatMap((n) => (n.track === 'individual' ? [n.person] : []));
	const collectives = own.flatMap((n) => (n.track === 'collective' ? [n.collective] : []));
	const division = people.filter((p) => p.rank.startsWith('县处级')).length;
	const deputies = people.filter((p) => p.category !== '代表联络工作人员').length;
	const staff = people.length - deputies;
	const stations = collectives.filter((c) => c.category === '代表家站').length;
	const suggestions = own.filter((n) => n.track === 'suggestion').length;
	const over = liaison
		? collectives.length - stations > 1 ||
			stations > 5 ||
			deputies > 2 + division ||
			staff > 1 ||
			suggestions > 6
		: collectives.length > 1 || staff > 1 || deputies > 0 || suggestions > 0;
	if (over) codes.push('UNIT-LIMIT-EXCEEDED');
	if (liaison && (stations < 3 || deputies < 1 || suggestions < 4)) codes.push('UNIT-LIMIT-SHORT');
	if (people.filter((p) => p.grassrootsFrontline).length < division)
		codes.push('UNIT-DIVISION-EXTRA');
	const notices = new Set(own.map((n) => `${n.unitNotice.start}|${n.unitNotice.end}`));
	expect(notices.size, name).toBe(1);
	const [start, end] = [...notices][0]!.split('|') as [string, string];
	if (workingDays(start, end) < 5) codes.push('UNIT-NOTICE-DAYS');
	if (start < '2022-10-17' || own.some((n) => n.unitNotice.end > n.submittedAt))
		codes.push('UNIT-NOTICE-ORDER');
	if (own.some((n) => n.submittedAt > '2022-10-28')) codes.push('UNIT-LATE');
	return codes.map((code) => `${name} ${code}`);
}

function findingsOf(data: DemoData): Finding[] {
	const nominations = data.document.nominations;
	const findings = nominations.flatMap((n) =>
		nominationFindings(n).map((code) => `${n.ref} ${code}`)
	);
	const holders = new Map<string, string[]>();
	for (const n of nominations) {
		if (n.track === 'collective') continue;
		const key = n.track === 'individual' ? n.person.idNumber : n.suggestion.number;
		holders.set(key, [...(holders.get(key) ?? []), n.ref]);
	}
	for (const refs of holders.values()) {
		if (refs.length > 1) findings.push(...refs.map((ref) => `${ref} DUPLICATE-NOMINEE`));
	}
	for (const unit of data.units) {
		const own = nominations.filter((n) => n.unit.name === unit.name);
		findings.push(...unitFindings(unit.name, own, unit.kind === 'liaison_group'));
	}
	return findings.sort();
}

describe('SPEC §4 findings of the demo', () => {
	test.each([2022, 1, 7, 99, 123456])('seed %i: exactly the planted problems are found', (seed) => {
		const data = generateDemo(seed);
		const planted = data.planted.map((p) => `${p.ref} ${p.code}`).sort();
		expect(findingsOf(data)).toEqual(planted);
	});

	test('unit notices follow the issue date and the consultations; submissions follow the notice', () => {
		const data = generateDemo();
		const misordered = new Set(
			data.planted.filter((p) => p.code === 'UNIT-NOTICE-ORDER').map((p) => p.ref)
		);
		expect(misordered.size).toBe(1);
		const lateConsultation = new Set(
			data.planted.filter((p) => p.code === 'CONSULT-DATE').map((p) => p.ref)
		);
		for (const n of data.document.nominations) {
			if (misordered.has(n.unit.name)) continue;
			expect(n.unitNotice.start >= '2022-10-17' && n.unitNotice.end <= '2022-10-31', n.ref).toBe(
				true
			);
			expect(n.submittedAt > n.unitNotice.end, n.ref).toBe(true);
			if (lateConsultation.has(n.ref)) continue;
			for (const c of n.consultations) expect(c.date < n.unitNotice.start, n.ref).toBe(true);
		}
	});
});
