/**
 * Plants of the rules' second pass (issue 12): cross-field consistency and the consultations
 * and procedure checked at intake — SEX-ID-MISMATCH, AGE-IMPLAUSIBLE, DATE-AFTER-ASOF,
 * RECORD-BELOW-LEVEL, CONSULT-OBJECTION, CONSULT-DATE. Each on its own liaison group.
 */
import { addDays } from '../../domain/dates';
import type { PlantSite } from './planted';

/** Plants one nomination per new per-nomination code. */
export function plantConsistency(site: PlantSite): void {
	const swapped = site.person('qianjiang');
	swapped.person.gender = swapped.person.gender === '男' ? '女' : '男';
	site.record(
		swapped.ref,
		'SEX-ID-MISMATCH',
		`性别 ${swapped.person.gender} against the ID number's 17th digit`
	);

	const child = site.person(
		'fengjie',
		(p) => p.category !== '代表联络工作人员' && p.resume.length > 0
	);
	const first = child.person.resume[0];
	if (first) first.from = `${Number(child.person.birth.slice(0, 4)) + 10}.09`;
	site.record(child.ref, 'AGE-IMPLAUSIBLE', 'the resume starts at age 10');

	const future = site.person('wushan');
	future.person.awards.push({ date: '2022.12', text: '巫山县优秀共产党员', level: '区县级' });
	site.record(
		future.ref,
		'DATE-AFTER-ASOF',
		'an award dated 2022.12, after the 2022-10-31 as-of date'
	);

	const local = site.person('wuxi');
	local.person.awards.push({ date: '2020.12', text: '柏杨街道办事处优秀志愿者', level: '街道级' });
	site.record(local.ref, 'RECORD-BELOW-LEVEL', 'an award given by a 街道办事处, below 区县级');

	const objected = site.person('shizhu');
	objected.consultations = objected.consultations.map((c) =>
		c.dept === '纪检监察' ? { ...c, result: '有异议' } : c
	);
	site.record(objected.ref, 'CONSULT-OBJECTION', '纪检监察 answered 有异议');

	const late = site.person('youyang');
	const day = addDays(late.submittedAt, 1);
	late.consultations = late.consultations.map((c) => (c.dept === '公安' ? { ...c, date: day } : c));
	site.record(late.ref, 'CONSULT-DATE', `公安's opinion dated ${day}, after the submission`);
}
