import { describe, expect, test } from 'vitest';
import { validateUnit, type FindingCode, type Nomination, type UnitKind } from '$lib/domain';
import { collective, fullSlate, individual, params, staff, suggestion, times } from './fixtures';

const UNIT = '北碚区人大代表联系组';
const unitCodes = (nominations: Nomination[], name = UNIT) =>
	validateUnit(name, nominations, params)
		.map((f) => f.code)
		.filter((c) => c.startsWith('UNIT-LIMIT') || c === 'UNIT-DIVISION-EXTRA');

/** A 联系组 slate with the given counts; everything else at a valid value. */
function slate(
	counts: Partial<Record<'group' | 'stations' | 'deputies' | 'staff' | 'suggestions', number>>
): Nomination[] {
	const c = { group: 1, stations: 3, deputies: 1, staff: 1, suggestions: 4, ...counts };
	return [
		...times(c.group, () => collective({ category: '联系组' })),
		...times(c.stations, () => collective()),
		...times(c.deputies, () => individual()),
		...times(c.staff, () => staff()),
		...times(c.suggestions, () => suggestion())
	];
}

describe('UNIT-LIMIT-EXCEEDED and UNIT-LIMIT-SHORT: 联系组 (通知一(三))', () => {
	const cases: [string, Nomination[], FindingCode[]][] = [
		['the full minimum slate', slate({}), []],
		['the full maximum slate', slate({ stations: 5, deputies: 2, suggestions: 6 }), []],
		['no 联系组 collective is fine (≤ 1)', slate({ group: 0 }), []],
		['2 联系组 collectives', slate({ group: 2 }), ['UNIT-LIMIT-EXCEEDED']],
		['2 stations (min 3)', slate({ stations: 2 }), ['UNIT-LIMIT-SHORT']],
		['6 stations (max 5)', slate({ stations: 6 }), ['UNIT-LIMIT-EXCEEDED']],
		['0 deputies (min 1)', slate({ deputies: 0 }), ['UNIT-LIMIT-SHORT']],
		['3 deputies (max 2)', slate({ deputies: 3 }), ['UNIT-LIMIT-EXCEEDED']],
		['no staff is fine (≤ 1)', slate({ staff: 0 }), []],
		['2 staff (max 1)', slate({ staff: 2 }), ['UNIT-LIMIT-EXCEEDED']],
		['3 suggestions (min 4)', slate({ suggestions: 3 }), ['UNIT-LIMIT-SHORT']],
		['7 suggestions (max 6)', slate({ suggestions: 7 }), ['UNIT-LIMIT-EXCEEDED']],
		[
			'over and short at once',
			slate({ stations: 6, suggestions: 1 }),
			['UNIT-LIMIT-EXCEEDED', 'UNIT-LIMIT-SHORT']
		],
		[
			'a 专业组 collective from a 联系组',
			[...slate({}), collective({ category: '专业组' })],
			['UNIT-LIMIT-EXCEEDED']
		]
	];
	test.each(cases)('%s', (_name, nominations, expected) => {
		expect(unitCodes(nominations)).toEqual(expected);
	});

	test('one finding per code, listing every shortfall, with the unit’s name as ref', () => {
		const findings = validateUnit(UNIT, slate({ stations: 1, suggestions: 2 }), params);
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({ ref: UNIT, code: 'UNIT-LIMIT-SHORT', severity: 'warning' });
		expect(findings[0]?.message).toContain('3–5');
		expect(findings[0]?.message).toContain('4–6');
		expect(findings[0]?.message).toContain('通知一(三)');
	});

	test('only the named unit’s nominations count', () => {
		const other = slate({ stations: 6 }).map((n) => ({
			...n,
			unit: { name: '渝北区人大代表联系组', kind: 'liaison_group' as const }
		}));
		expect(unitCodes([...slate({}), ...other])).toEqual([]);
		expect(validateUnit('不存在的单位', slate({}), params)).toEqual([]);
	});
});

describe('UNIT-LIMIT-EXCEEDED and UNIT-LIMIT-SHORT: 专业组, 工作部门, 市级有关部门 (通知一(三))', () => {
	const kinds: UnitKind[] = ['professional_group', 'work_department', 'municipal_department'];
	const name = '单位';
	const as = (kind: UnitKind) => ({ unit: { name, kind } });
	const cases: [string, (kind: UnitKind) => Nomination[], FindingCode[]][] = [
		[
			'nothing but one collective and one staff',
			(k) => [collective({ category: '专业组' }, as(k)), staff({}, as(k))],
			[]
		],
		['only a 处室', (k) => [collective({ category: '工作部门相关处室' }, as(k))], []],
		[
			'two collectives',
			(k) => [
				collective({ category: '专业组' }, as(k)),
				collective({ category: '建议办理单位相关处室' }, as(k))
			],
			['UNIT-LIMIT-EXCEEDED']
		],
		['two staff', (k) => [staff({}, as(k)), staff({}, as(k))], ['UNIT-LIMIT-EXCEEDED']],
		['a deputy', (k) => [individual({}, as(k))], ['UNIT-LIMIT-EXCEEDED']],
		['a suggestion', (k) => [suggestion({}, as(k))], ['UNIT-LIMIT-EXCEEDED']],
		['a station', (k) => [collective({}, as(k))], ['UNIT-LIMIT-EXCEEDED']]
	];
	for (const kind of kinds) {
		test.each(cases)(`${kind}: %s`, (_name, make, expected) => {
			expect(unitCodes(make(kind), name)).toEqual(expected);
		});
	}
});

describe('UNIT-DIVISION-EXTRA and the 处级干部 extra place (通知四(二))', () => {
	const division = () => individual({ rank: '县处级副职', grassrootsFrontline: false });
	const grassroots = () => individual({ grassrootsFrontline: true });
	const office = () => individual({ grassrootsFrontline: false });
	const base = slate({ deputies: 0 });
	const cases: [string, Nomination[], FindingCode[]][] = [
		[
			'1 处级 + 2 基层一线 deputies = 3 deputies, allowed (2 + D)',
			[...base, division(), grassroots(), grassroots()],
			[]
		],
		['1 处级 + 1 基层一线 is enough', [...base, division(), grassroots()], []],
		['1 处级 with no 基层一线', [...base, division(), office()], ['UNIT-DIVISION-EXTRA']],
		[
			'1 处级 + 3 more deputies = 4 > 2 + 1',
			[...base, division(), grassroots(), grassroots(), grassroots()],
			['UNIT-LIMIT-EXCEEDED']
		],
		[
			'2 处级 + 2 基层一线 = 4 deputies = 2 + D',
			[...base, division(), division(), grassroots(), grassroots()],
			[]
		],
		[
			'2 处级 + 1 基层一线',
			[...base, division(), division(), grassroots(), office()],
			['UNIT-DIVISION-EXTRA']
		],
		[
			'a 处级 staff still allows only 1 staff',
			[...slate({ staff: 0 }), staff({ rank: '四级调研员' }), staff({ grassrootsFrontline: true })],
			['UNIT-LIMIT-EXCEEDED']
		],
		[
			'a 处级 staff member with a 基层一线 deputy',
			[
				...slate({ staff: 0, deputies: 0 }),
				staff({ rank: '四级调研员' }),
				grassroots(),
				grassroots()
			],
			[]
		],
		[
			'no 处级: 3 deputies exceed',
			[...base, grassroots(), grassroots(), grassroots()],
			['UNIT-LIMIT-EXCEEDED']
		]
	];
	test.each(cases)('%s', (_name, nominations, expected) => {
		expect(unitCodes(nominations)).toEqual(expected);
	});

	test('the finding names the counts and the clause', () => {
		const found = validateUnit(UNIT, [...base, division()], params).find(
			(f) => f.code === 'UNIT-DIVISION-EXTRA'
		);
		expect(found?.severity).toBe('error');
		expect(found?.message).toContain('通知四(二)');
		expect(found?.message).toContain('1 名处级干部');
	});
});

describe('fullSlate fixture', () => {
	test('is clean', () => {
		expect(validateUnit(UNIT, fullSlate(), params)).toEqual([]);
	});
});
