/**
 * The rules' second pass (issue 12): RECORD-BELOW-LEVEL, CONSULT-*, UNIT-NOTICE-ORDER, the
 * changed SUGGESTION-NUMBER-FORMAT / PRIORITY-HONOUR / DUPLICATE-NOMINEE, and the fixes
 * (集体级别, 不定等次, field names in Chinese, campaign parameters) — boundaries on both sides.
 */
import { describe, expect, test } from 'vitest';
import {
	fieldLabel,
	findDuplicates,
	parseInterchange,
	resolveCampaign,
	validateNomination,
	validateUnit,
	type CampaignParameters,
	type FindingCode,
	type Nomination
} from '$lib/domain';
import { collective, fullSlate, individual, params, staff, suggestion } from './fixtures';

const codesOf = (n: Nomination, p: CampaignParameters = params) =>
	validateNomination(n, p).map((f) => f.code);
const fieldsOf = (n: Nomination, code: FindingCode, p: CampaignParameters = params) =>
	validateNomination(n, p)
		.filter((f) => f.code === code)
		.map((f) => f.field);

const consult = (dept: string, result = '无异议', date = '2022-10-24') => ({
	dept,
	result,
	date,
	note: ''
});
const base = ['组织人事', '纪检监察', '公安'];
const enterprise = ['生态环境', '人力社保', '税务', '市场监管', '应急管理'];

describe('RECORD-BELOW-LEVEL (附件1说明五、附件2说明七: 区县级以上)', () => {
	const award = (text: string, level = '') =>
		individual({ awards: [{ date: '2020.05', text, level }] });
	const cases: [string, Nomination, string[]][] = [
		['level 乡镇级', award('优秀人大代表', '乡镇级'), ['person.awards[0]']],
		['level 街道', award('优秀人大代表', '街道'), ['person.awards[0]']],
		['level 区县级', award('优秀人大代表', '区县级'), []],
		['given by a 镇人民政府', award('青杠镇人民政府先进个人'), ['person.awards[0]']],
		['given by a 街道办事处', award('天生街道办事处先进个人'), ['person.awards[0]']],
		['given by a 社区居委会', award('状元社区居委会优秀志愿者'), ['person.awards[0]']],
		['given by a 区人民政府', award('北碚区人民政府先进个人'), []],
		['乡村振兴 is not a 乡 body', award('重庆市乡村振兴局先进个人'), []],
		['区人大常委会', award('北碚区人大常委会优秀人大代表'), []],
		[
			'a collective punished by a 村委会',
			collective({ punishments: [{ date: '2019.03', text: '龙凤村委会通报批评' }] }),
			['collective.punishments[0]']
		]
	];
	test.each(cases)('%s', (_name, n, fields) => {
		expect(fieldsOf(n, 'RECORD-BELOW-LEVEL')).toEqual(fields);
	});
});

describe('CONSULT-MISSING and CONSULT-OBJECTION at intake (SPEC §5)', () => {
	const cases: [string, Nomination, FindingCode[]][] = [
		[
			'the three base departments',
			individual({}, { consultations: base.map((d) => consult(d)) }),
			[]
		],
		[
			'公安 missing',
			individual({}, { consultations: base.slice(0, 2).map((d) => consult(d)) }),
			['CONSULT-MISSING']
		],
		[
			'enterprise head with 3 of 8',
			individual(
				{ enterpriseHead: true, unitNature: '企业' },
				{ consultations: base.map((d) => consult(d)) }
			),
			['CONSULT-MISSING']
		],
		[
			'enterprise head with all 8',
			individual(
				{ enterpriseHead: true, unitNature: '企业' },
				{ consultations: [...base, ...enterprise].map((d) => consult(d)) }
			),
			[]
		],
		[
			'state-owned enterprise head without 国资 (8 of 9)',
			individual(
				{ enterpriseHead: true, stateOwned: true, unitNature: '企业' },
				{ consultations: [...base, ...enterprise].map((d) => consult(d)) }
			),
			['CONSULT-MISSING']
		],
		[
			'democratic party member without 统战',
			individual(
				{ party: '九三学社', politicalStatus: '九三学社社员' },
				{ consultations: base.map((d) => consult(d)) }
			),
			['CONSULT-MISSING']
		],
		['a suggestion needs none', suggestion({}, { consultations: [] }), []],
		['a collective without any', collective({}, { consultations: [] }), ['CONSULT-MISSING']],
		[
			'纪检监察 有异议',
			individual(
				{},
				{ consultations: [consult('组织人事'), consult('纪检监察', '有异议'), consult('公安')] }
			),
			['CONSULT-OBJECTION']
		],
		[
			'an objection withdrawn by a later 无异议',
			individual(
				{},
				{
					consultations: [
						...base.map((d) => consult(d)),
						consult('公安', '有异议', '2022-10-20'),
						consult('公安', '无异议', '2022-10-25')
					]
				}
			),
			[]
		],
		[
			'an objection of a department not required is ignored',
			individual(
				{},
				{ consultations: [...base.map((d) => consult(d)), consult('税务', '有异议')] }
			),
			[]
		]
	];
	test.each(cases)('%s', (_name, n, expected) => {
		const codes = codesOf(n).filter((c) => c.startsWith('CONSULT-'));
		expect(codes).toEqual(expected);
	});

	test('the message names the missing departments', () => {
		const n = individual(
			{ enterpriseHead: true, unitNature: '企业' },
			{ consultations: base.map((d) => consult(d)) }
		);
		const found = validateNomination(n, params).find((f) => f.code === 'CONSULT-MISSING');
		expect(found?.severity).toBe('error');
		for (const dept of enterprise) expect(found?.message).toContain(dept);
	});
});

describe('CONSULT-DATE (after submission, or before the issue date)', () => {
	const dated = (date: string, submittedAt = '2022-10-26') =>
		individual(
			{},
			{
				submittedAt,
				consultations: [consult('组织人事', '无异议', date), consult('纪检监察'), consult('公安')]
			}
		);
	const cases: [string, Nomination, CampaignParameters, string[]][] = [
		['on the submission day', dated('2022-10-26'), params, []],
		['the day after submission', dated('2022-10-27'), params, ['consultations[0].date']],
		['on the issue date', dated('2022-10-17'), params, []],
		['the day before the issue date', dated('2022-10-16'), params, ['consultations[0].date']],
		['unreadable', dated('10月24日'), params, ['consultations[0].date']],
		[
			'issue date unknown (older campaign): early dates are not judged',
			dated('2022-09-01'),
			{ ...params, issuedOn: undefined },
			[]
		]
	];
	test.each(cases)('%s', (_name, n, p, fields) => {
		expect(fieldsOf(n, 'CONSULT-DATE', p)).toEqual(fields);
	});
});

describe('UNIT-NOTICE-ORDER (公示无异议的再报送, 四(一)1)', () => {
	const slate = (start: string, end: string, submittedAt = '2022-10-26') =>
		fullSlate().map((n) => ({ ...n, submittedAt, unitNotice: { start, end } }));
	const orderOf = (nominations: Nomination[], p: CampaignParameters = params) =>
		validateUnit('北碚区人大代表联系组', nominations, p).filter(
			(f) => f.code === 'UNIT-NOTICE-ORDER'
		);
	const cases: [string, Nomination[], CampaignParameters, number][] = [
		['starts on the issue date', slate('2022-10-17', '2022-10-21'), params, 0],
		['starts the day before the issue date', slate('2022-10-16', '2022-10-21'), params, 1],
		['ends on the submission day', slate('2022-10-17', '2022-10-26'), params, 0],
		['ends the day after submission', slate('2022-10-17', '2022-10-27'), params, 1],
		['issue date unknown', slate('2022-10-10', '2022-10-21'), { ...params, issuedOn: undefined }, 0]
	];
	test.each(cases)('%s', (_name, nominations, p, count) => {
		const found = orderOf(nominations, p);
		expect(found).toHaveLength(count);
		if (count) expect(found[0]?.severity).toBe('warning');
	});
});

describe('SUGGESTION-NUMBER-FORMAT: sessions held by the as-of date (sessionsHeld 5)', () => {
	const cases: [string, string, CampaignParameters, boolean][] = [
		['五次会议 (the 5th, held)', '市五届人大五次会议0012号', params, false],
		['六次会议 (not yet held)', '市五届人大六次会议0012号', params, true],
		['5 in digits', '市五届人大5次会议12号', params, false],
		['6 in digits', '市五届人大6次会议12号', params, true],
		['五次会议闭会', '市五届人大五次会议闭会0003号', params, false],
		[
			'unknown sessionsHeld: format only',
			'市五届人大六次会议0012号',
			{ ...params, sessionsHeld: undefined },
			false
		]
	];
	test.each(cases)('%s', (_name, number, p, expected) => {
		expect(codesOf(suggestion({ number }), p).includes('SUGGESTION-NUMBER-FORMAT')).toBe(expected);
	});

	test('the message says the session was not held', () => {
		const [found] = validateNomination(suggestion({ number: '市五届人大六次会议0012号' }), params);
		expect(found?.message).toContain('只召开了 5 次会议');
	});
});

describe('PRIORITY-HONOUR for a suggestion commended before (二(三)④)', () => {
	test.each([
		[true, ['suggestion.commendedBefore']],
		[false, []],
		[undefined, []]
	])('commendedBefore %s', (commendedBefore, fields) => {
		expect(fieldsOf(suggestion({ commendedBefore }), 'PRIORITY-HONOUR')).toEqual(fields);
	});
});

describe('DUPLICATE-NOMINEE: collective names compared after normalising', () => {
	const pair = (a: string, b: string) =>
		findDuplicates([collective({ name: a }), collective({ name: b })]).length;
	test.each([
		['a leading 重庆市', '重庆市北碚区天生人大代表之家', '北碚区天生人大代表之家', 2],
		['spaces, full-width too', '北碚区 天生\u3000人大代表之家', '北碚区天生人大代表之家', 2],
		['full-width digits and letters', '北碚区第１站ＡＢ', '北碚区第1站AB', 2],
		['重庆市 not at the start is kept', '北碚区重庆市天生之家', '北碚区天生之家', 0],
		['different names', '北碚区天生人大代表之家', '北碚区东阳人大代表之家', 0]
	])('%s', (_name, a, b, count) => {
		expect(pair(a, b)).toBe(count);
	});
});

describe('集体级别: a level or empty; not a level is ENUM-INVALID, never a rank exclusion', () => {
	const cases: [string, Parameters<typeof collective>[0], FindingCode[]][] = [
		['empty', { level: '' }, []],
		['正处级', { level: '正处级' }, []],
		['参照副科级', { level: '参照副科级' }, []],
		['县处级', { level: '县处级' }, []],
		['副厅局级', { level: '副厅局级' }, ['COL-RANK-EXCLUDED']],
		['相当于正厅级', { level: '相当于正厅级' }, ['COL-RANK-EXCLUDED']],
		['省级示范 is not a level', { level: '省级示范' }, ['ENUM-INVALID']],
		['市级先进 is not a level', { level: '市级先进' }, ['ENUM-INVALID']],
		['a 联系组 has no level', { category: '联系组', level: '正处级' }, ['ENUM-INVALID']],
		['a 专业组 given 副厅局级', { category: '专业组', level: '副厅局级' }, ['ENUM-INVALID']],
		['a 联系组 left empty', { category: '联系组', level: '' }, []]
	];
	test.each(cases)('%s', (_name, form, expected) => {
		const codes = codesOf(collective(form)).filter(
			(c) => c === 'ENUM-INVALID' || c === 'COL-RANK-EXCLUDED'
		);
		expect(codes).toEqual(expected);
	});
});

describe('ASSESSMENT-MISSING: a 不定等次 year is reported as such', () => {
	test('不定等次 in 2020: worded as 不定等次, on that line', () => {
		const n = staff({
			assessments: [2018, 2019, 2020, 2021].map((year) => ({
				year,
				result: year === 2020 ? '不定等次' : '称职'
			}))
		});
		const found = validateNomination(n, params).filter((f) => f.code === 'ASSESSMENT-MISSING');
		expect(found).toHaveLength(1);
		expect(found[0]?.field).toBe('person.assessments[2]');
		expect(found[0]?.message).toContain('2020年度考核为不定等次');
		expect(found[0]?.message).not.toContain('缺少');
	});

	test('a year with nothing: worded as missing', () => {
		const n = staff({ assessments: [2018, 2019, 2021].map((year) => ({ year, result: '称职' })) });
		const found = validateNomination(n, params).filter((f) => f.code === 'ASSESSMENT-MISSING');
		expect(found.map((f) => f.field)).toEqual(['person.assessments']);
		expect(found[0]?.message).toContain('缺少 2020 年度');
	});
});

describe('fieldLabel: findings name fields in Chinese', () => {
	test.each([
		['person.awards[0]', '奖励第1条'],
		['person.punishments[2]', '处分第3条'],
		['person.resume[1]', '个人简历第2条'],
		['person.assessments[3].result', '考核情况第4条'],
		['person.assessments', '考核情况'],
		['person.birth', '出生年月'],
		['person.gender', '性别'],
		['person.employerAddress', '所在单位地址'],
		['collective.level', '集体级别'],
		['suggestion.number', '建议编号'],
		['suggestion.commendedBefore', '本届获得过市人大常委会通报表扬'],
		['consultations', '征求意见'],
		['consultations[1].date', '征求意见第2条（日期）'],
		['unitNotice', '本单位公示起止日期'],
		['submittedAt', '报送日期'],
		['nominations', '推荐名额'],
		['collective', '先进集体'],
		['division', '处级干部'],
		['person.nonsense', 'person.nonsense']
	])('%s → %s', (path, label) => {
		expect(fieldLabel(path)).toBe(label);
	});
});

describe('campaign parameters issuedOn and sessionsHeld; person.employerAddress/Postcode', () => {
	test('the preset has the notice date and five sessions', () => {
		expect(params.issuedOn).toBe('2022-10-17');
		expect(params.sessionsHeld).toBe(5);
	});

	test('a campaign block overrides them', () => {
		const resolved = resolveCampaign({ issuedOn: '2022-10-20', sessionsHeld: 6 });
		expect(resolved.issuedOn).toBe('2022-10-20');
		expect(resolved.sessionsHeld).toBe(6);
		expect(resolveCampaign({}).issuedOn).toBe('2022-10-17');
	});

	test.each([
		[{ issuedOn: '2022-13-01' }, 'campaign.issuedOn'],
		[{ sessionsHeld: 0 }, 'campaign.sessionsHeld'],
		[{ sessionsHeld: 'five' }, 'campaign.sessionsHeld']
	])('a bad campaign value is a structural error: %o', (campaign, path) => {
		const result = parseInterchange({ format: 'shortlist/v1', campaign, nominations: [] });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.map((e) => e.path)).toContain(path);
	});

	test('employerAddress and employerPostcode are optional, and read when given', () => {
		const { employerAddress: _a, employerPostcode: _p, ...older } = individual().person;
		const withThem = individual({ employerAddress: '北碚区天生路2号', employerPostcode: '400700' });
		const result = parseInterchange({
			format: 'shortlist/v1',
			nominations: [{ ...individual(), person: older }, withThem]
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const [first, second] = result.document.nominations;
		expect(first?.track === 'individual' && first.person.employerAddress).toBe('');
		expect(second?.track === 'individual' && second.person.employerPostcode).toBe('400700');
		expect(codesOf(first as Nomination)).toEqual([]);
	});
});
