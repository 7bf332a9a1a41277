/**
 * Every code of SPEC §4 has a trigger here: a document (or a proposed list) that yields it,
 * beside a clean baseline that does not. Removing any rule makes its row fail.
 */
import { describe, expect, test } from 'vitest';
import {
	checkListComposition,
	findingCodes,
	findingSeverities,
	validateDocument,
	type FindingCode,
	type InterchangeDocument,
	type Nomination,
	type ProposedEntry
} from '$lib/domain';
import {
	chars,
	collective,
	fullSlate,
	idNumber,
	individual,
	params,
	staff,
	suggestion,
	times
} from './fixtures';

const doc = (nominations: Nomination[]): InterchangeDocument => ({
	format: 'shortlist/v1',
	nominations
});
/** A clean slate with its first deputy replaced by `n` (and any extra nominations appended). */
const slateWith = (n: Nomination, ...extra: Nomination[]) => {
	const slate = fullSlate().filter(
		(item) => !(item.track === 'individual' && item.person.category !== '代表联络工作人员')
	);
	return doc([n, ...slate, ...extra]);
};
const slateWithout = (track: Nomination['track']) =>
	doc(fullSlate().filter((n) => n.track !== track));
const list = (
	count: number,
	flags: Partial<ProposedEntry>,
	track: ProposedEntry['track'] = 'individual'
) =>
	times(count, (): ProposedEntry => ({
		ref: 'E',
		track,
		division: false,
		municipalOrgan: false,
		enterpriseHead: false,
		...flags
	}));

const intake: Record<
	Exclude<FindingCode, 'QUOTA-FULL' | `CAP-${string}`>,
	() => InterchangeDocument
> = {
	'IND-RANK-EXCLUDED': () => slateWith(individual({ rank: '厅局级副职' })),
	'COL-RANK-EXCLUDED': () => doc([collective({ level: '副厅局级' }), ...fullSlate()]),
	'STAFF-TENURE': () => slateWith(individual(), staff({ liaisonYears: 2.9 })),
	'STAFF-NOT-IN-POST': () => slateWith(individual(), staff({ inPost: false })),
	'ASSESSMENT-BELOW': () =>
		slateWith(
			individual({
				assessments: [2018, 2019, 2020, 2021].map((year) => ({
					year,
					result: year === 2019 ? '基本称职' : '称职'
				}))
			})
		),
	'ASSESSMENT-MISSING': () => slateWith(individual({ assessments: [] })),
	'DISCIPLINE-RECORD': () =>
		slateWith(individual({ punishments: [{ date: '2019.06', text: '警告' }] })),
	'ID-INVALID': () => slateWith(individual({ idNumber: '500109197208120313' })),
	'BIRTH-FORMAT': () => slateWith(individual({ birth: '1972-08', idType: '护照' })),
	'NATIVE-PLACE-FORMAT': () => slateWith(individual({ nativePlace: '重庆北碚' })),
	'RESUME-GAP': () =>
		slateWith(
			individual({
				resume: [
					{ from: '1994.07', to: '2008.12', text: '医生' },
					{ from: '2010.01', to: '至今', text: '主任' }
				]
			})
		),
	'TEXT-TOO-LONG': () => slateWith(individual({ deeds: chars(2001) })),
	'SUGGESTION-NUMBER-FORMAT': () =>
		doc([...fullSlate().slice(0, -1), suggestion({ number: '五届人大三次会议0419号' })]),
	'RECORD-BEFORE-WINDOW': () =>
		slateWith(individual({ awards: [{ date: '2016.05', text: '区优秀代表', level: '' }] })),
	'REQUIRED-MISSING': () => slateWith(individual({ phone: '' })),
	'ENUM-INVALID': () => slateWith(individual({ gender: '未知' })),
	'DUPLICATE-NOMINEE': () => {
		const first = individual();
		const again = individual(
			{ idNumber: first.person.idNumber },
			{ unit: { name: '渝北区人大代表联系组', kind: 'liaison_group' } }
		);
		return doc([...fullSlate(), again, first].reverse());
	},
	'PHOTO-MISSING': () => slateWith(individual({ photo: '' })),
	'PRIORITY-HONOUR': () =>
		slateWith(
			individual({ awards: [{ date: '2021.12', text: '北碚区人大常委会优秀人大代表', level: '' }] })
		),
	'UNIT-LIMIT-EXCEEDED': () => doc([...fullSlate(), ...times(3, () => suggestion())]),
	'UNIT-LIMIT-SHORT': () => slateWithout('suggestion'),
	'UNIT-DIVISION-EXTRA': () =>
		slateWith(individual({ rank: '县处级正职', grassrootsFrontline: false })),
	'UNIT-NOTICE-DAYS': () =>
		doc(fullSlate().map((n) => ({ ...n, unitNotice: { start: '2022-09-30', end: '2022-10-10' } }))),
	'UNIT-LATE': () => doc(fullSlate().map((n) => ({ ...n, submittedAt: '2022-10-31' }))),
	'UNIT-NOTICE-ORDER': () =>
		doc(fullSlate().map((n) => ({ ...n, unitNotice: { start: '2022-10-14', end: '2022-10-21' } }))),
	'RESUME-OVERLAP': () =>
		slateWith(
			individual({
				resume: [
					{ from: '1994.07', to: '2009.12', text: '医生' },
					{ from: '2010.01', to: '至今', text: '主任' },
					{ from: '2012.09', to: '2015.06', text: '在职研究生学习' }
				]
			})
		),
	'SEX-ID-MISMATCH': () => slateWith(individual({ gender: '女', idNumber: idNumber('19720812') })),
	'AGE-IMPLAUSIBLE': () =>
		slateWith(individual({ resume: [{ from: '1986.07', to: '至今', text: '工作' }] })),
	'DATE-AFTER-ASOF': () =>
		slateWith(individual({ awards: [{ date: '2022.11', text: '区优秀代表', level: '' }] })),
	'RECORD-BELOW-LEVEL': () =>
		slateWith(
			individual({ awards: [{ date: '2020.05', text: '天生街道办事处先进个人', level: '' }] })
		),
	'CONSULT-MISSING': () => slateWith(individual({}, { consultations: [] })),
	'CONSULT-OBJECTION': () =>
		slateWith(
			individual(
				{},
				{
					consultations: [
						{ dept: '组织人事', result: '无异议', date: '2022-10-24', note: '' },
						{ dept: '纪检监察', result: '有异议', date: '2022-10-24', note: '' },
						{ dept: '公安', result: '无异议', date: '2022-10-24', note: '' }
					]
				}
			)
		),
	'CONSULT-DATE': () =>
		slateWith(
			individual(
				{},
				{
					consultations: [
						{ dept: '组织人事', result: '无异议', date: '2022-10-27', note: '' },
						{ dept: '纪检监察', result: '无异议', date: '2022-10-24', note: '' },
						{ dept: '公安', result: '无异议', date: '2022-10-24', note: '' }
					]
				}
			)
		)
};

const listTriggers: Record<
	'QUOTA-FULL' | 'CAP-DIVISION' | 'CAP-MUNICIPAL-ORGAN' | 'CAP-ENTERPRISE-HEAD',
	ProposedEntry[]
> = {
	'QUOTA-FULL': list(51, {}),
	'CAP-DIVISION': list(19, { division: true }),
	'CAP-MUNICIPAL-ORGAN': list(14, { municipalOrgan: true }, 'collective'),
	'CAP-ENTERPRISE-HEAD': list(14, { enterpriseHead: true })
};

describe('every SPEC §4 code has a trigger', () => {
	test('the catalogue covers every code', () => {
		expect([...Object.keys(intake), ...Object.keys(listTriggers)].sort()).toEqual(
			[...findingCodes].sort()
		);
	});

	test('the clean baselines yield nothing', () => {
		expect(validateDocument(doc(fullSlate()), params)).toEqual([]);
		expect(checkListComposition(list(49, {}), params)).toEqual([]);
	});

	test.each(Object.entries(intake))('%s', (code, make) => {
		const found = validateDocument(make(), params).filter((f) => f.code === code);
		expect(found.length).toBeGreaterThan(0);
		expect(found[0]?.severity).toBe(findingSeverities[code as FindingCode]);
		expect(found[0]?.message).toMatch(/（[^）]*(通知|附件)/);
	});

	test.each(Object.entries(listTriggers))('%s', (code, entries) => {
		const found = checkListComposition(entries, params).filter((f) => f.code === code);
		expect(found).toHaveLength(1);
		expect(found[0]?.message).toContain('通知');
	});
});

describe('validateDocument', () => {
	test('orders findings by nomination, then units', () => {
		const a = individual({ phone: '' }, { ref: 'A' });
		const b = suggestion(
			{ number: 'x' },
			{ ref: 'B', unit: { name: '渝北区人大代表联系组', kind: 'liaison_group' } }
		);
		const findings = validateDocument(doc([a, b]), params);
		const refs = findings.map((f) => f.ref);
		expect(refs).toEqual(['A', 'B', '北碚区人大代表联系组', '渝北区人大代表联系组']);
	});

	test('uses the document’s campaign parameters', () => {
		const late = {
			...doc(fullSlate().map((n) => ({ ...n, submittedAt: '2022-10-31' }))),
			campaign: { submissionDeadline: '2022-11-30' }
		};
		expect(validateDocument(late).map((f) => f.code)).toEqual([]);
		expect(validateDocument(late, params).map((f) => f.code)).toEqual(['UNIT-LATE']);
	});
});
