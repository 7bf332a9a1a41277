import type { Collective, PlantSite, Suggestion } from './planted';
import { consultationsFor, requiredDepartments } from './consultations';
import type { Consultation } from './types';

/** Pads (or cuts) a text to exactly `length` code points by repeating its own sentences. */
export function padTo(text: string, length: number): string {
	let padded = text;
	while (Array.from(padded).length < length) padded += text;
	return Array.from(padded).slice(0, length).join('');
}

/** Awards, punishments and honours: DISCIPLINE-RECORD, RECORD-BEFORE-WINDOW, PRIORITY-HONOUR. */
export function plantRecords(site: PlantSite): void {
	const punished = site.person('banan');
	punished.person.punishments.push({ date: '2019.06', text: '受到党内警告处分' });
	site.record(punished.ref, 'DISCIPLINE-RECORD', 'a 2019 党内警告 punishment');

	const old = site.person('wanzhou');
	old.person.awards.unshift({ date: '2016.12', text: '万州区优秀共产党员', level: '区县级' });
	site.record(old.ref, 'RECORD-BEFORE-WINDOW', 'a 2016 award listed, before the 2018 window');

	const station = site.byRef<Collective>('changshou-col-2');
	station.collective.awards.push({ date: '2017.03', text: '长寿区先进基层组织', level: '区县级' });
	site.record(station.ref, 'RECORD-BEFORE-WINDOW', 'a station lists a 2017 award');

	const honours = [
		['chengkou', '2021.12', '城口县人大常委会表彰优秀人大代表'],
		['fengdu', '2020.12', '丰都县人大常委会表彰优秀人大代表'],
		['dianjiang', '2021.06', '重庆市人大常委会通报表扬优秀人大代表']
	] as const;
	for (const [slug, date, text] of honours) {
		const honoured = site.person(slug);
		honoured.person.awards.push({ date, text, level: slug === 'dianjiang' ? '市级' : '区县级' });
		site.record(honoured.ref, 'PRIORITY-HONOUR', `recently commended: ${text} (${date})`);
	}
}

/** Text, rank and photo problems: TEXT-TOO-LONG, IND-RANK-EXCLUDED, PHOTO-MISSING. */
export function plantForms(site: PlantSite): void {
	const verbose = site.person('qijiang');
	verbose.person.deeds = padTo(verbose.person.deeds, 2100);
	site.record(verbose.ref, 'TEXT-TOO-LONG', '主要事迹 of 2100 characters (limit 2000)');

	const long = site.byRef<Suggestion>('bishan-sug-1');
	long.suggestion.summary = padTo(long.suggestion.summary, 230);
	site.record(long.ref, 'TEXT-TOO-LONG', '建议内容摘要 of 230 characters (limit 200)');

	const senior = site.person('tongnan');
	Object.assign(senior.person, {
		employer: '市农业农村委',
		position: '副主任',
		rank: '厅局级副职',
		unitNature: '机关',
		enterpriseHead: false,
		stateOwned: false,
		municipalOrganStaff: true,
		grassrootsFrontline: false,
		category: '市人大代表'
	});
	const current = senior.person.resume[senior.person.resume.length - 1];
	if (current) current.text = '市农业农村委副主任';
	site.record(senior.ref, 'IND-RANK-EXCLUDED', 'a 厅局级副职 (市农业农村委副主任) nominated');

	for (const target of [site.person('rongchang'), site.staff('work-1')]) {
		delete target.person.photo;
		site.record(target.ref, 'PHOTO-MISSING', 'no photo');
	}
}

/** Suggestion numbers: SUGGESTION-NUMBER-FORMAT twice, and one number on two units' suggestions
 * (DUPLICATE-NOMINEE, recorded on both, as a validator reports every member of a duplicate set). */
export function plantNumbers(site: PlantSite): void {
	const noCity = site.byRef<Suggestion>('jiangjin-sug-2');
	noCity.suggestion.number = noCity.suggestion.number.replace(/^市/, '');
	site.record(
		noCity.ref,
		'SUGGESTION-NUMBER-FORMAT',
		`number without 市: ${noCity.suggestion.number}`
	);

	const noHao = site.byRef<Suggestion>('nanchuan-sug-1');
	noHao.suggestion.number = noHao.suggestion.number.replace(/号$/, '');
	site.record(
		noHao.ref,
		'SUGGESTION-NUMBER-FORMAT',
		`number without 号: ${noHao.suggestion.number}`
	);

	const original = site.byRef<Suggestion>('liangping-sug-1');
	const copy = site.byRef<Suggestion>('wulong-sug-1');
	copy.suggestion.number = original.suggestion.number;
	const note = `both carry ${copy.suggestion.number}`;
	site.record(original.ref, 'DUPLICATE-NOMINEE', `${note} (with wulong-sug-1)`);
	site.record(copy.ref, 'DUPLICATE-NOMINEE', `${note} (with liangping-sug-1)`);
}

/** Required consultations left out (the §3 gate T-CONSULT-MISSING, recorded as CONSULT-MISSING). */
export function plantConsultations(site: PlantSite): void {
	const drop = (consultations: Consultation[], dept: string): Consultation[] =>
		consultations.filter((c) => c.dept !== dept);

	const noPolice = site.person('zhongxian');
	noPolice.consultations = drop(noPolice.consultations, '公安');
	site.record(noPolice.ref, 'CONSULT-MISSING', '公安 not consulted');

	const group = site.byRef<Collective>('yunyang-col-1');
	group.consultations = drop(group.consultations, '纪检监察');
	site.record(group.ref, 'CONSULT-MISSING', '纪检监察 not consulted');

	const stateHead = site.anyPerson(
		(p) => p.enterpriseHead && p.stateOwned,
		(n) => {
			Object.assign(n.person, { enterpriseHead: true, stateOwned: true, unitNature: '企业' });
			n.consultations = consultationsFor(requiredDepartments(n.person), n.consultations[0]!.date);
		}
	);
	stateHead.consultations = drop(stateHead.consultations, '国资');
	site.record(stateHead.ref, 'CONSULT-MISSING', 'state-owned enterprise head: 国资 not consulted');

	const member = site.anyPerson(
		(p) => p.party !== undefined,
		(n) => {
			Object.assign(n.person, { politicalStatus: '民盟盟员', party: '中国民主同盟' });
			n.consultations = consultationsFor(requiredDepartments(n.person), n.consultations[0]!.date);
		}
	);
	member.consultations = drop(member.consultations, '统战');
	site.record(member.ref, 'CONSULT-MISSING', 'democratic party member: 统战 not consulted');
}
