import { describe, expect, test } from 'vitest';
import { validateNomination, type FindingCode, type Nomination } from '$lib/domain';
import { collective, individual, params, staff } from './fixtures';

const codes = (n: Nomination) => validateNomination(n, params).map((f) => f.code);
const only = (n: Nomination, wanted: FindingCode[]) => codes(n).filter((c) => wanted.includes(c));

describe('DISCIPLINE-RECORD (通知二(一)、二(二))', () => {
	const cases: [string, Nomination, FindingCode[]][] = [
		[
			'punished 2018.01 (first month of the window)',
			individual({ punishments: [{ date: '2018.01', text: '警告' }] }),
			['DISCIPLINE-RECORD']
		],
		[
			'punished 2020-05-06',
			staff({ punishments: [{ date: '2020-05-06', text: '记过' }] }),
			['DISCIPLINE-RECORD']
		],
		[
			'undated punishment counts as inside',
			individual({ punishments: [{ date: '近年', text: '警告' }] }),
			['DISCIPLINE-RECORD']
		],
		[
			'collective punished',
			collective({ punishments: [{ date: '2019.03', text: '通报批评' }] }),
			['DISCIPLINE-RECORD']
		],
		[
			'punished 2017.12 is before the window',
			individual({ punishments: [{ date: '2017.12', text: '警告' }] }),
			['RECORD-BEFORE-WINDOW']
		],
		['blank line ignored', individual({ punishments: [{ date: '', text: ' ' }] }), []],
		['clean', individual(), []]
	];
	test.each(cases)('%s', (_name, n, expected) => {
		expect(only(n, ['DISCIPLINE-RECORD', 'RECORD-BEFORE-WINDOW'])).toEqual(expected);
	});

	test('cites the clause of the candidate type', () => {
		const deputy = validateNomination(
			individual({ punishments: [{ date: '2019.01', text: '警告' }] }),
			params
		);
		const liaison = validateNomination(
			staff({ punishments: [{ date: '2019.01', text: '警告' }] }),
			params
		);
		expect(deputy.find((f) => f.code === 'DISCIPLINE-RECORD')?.message).toContain('通知二(二)1③');
		expect(liaison.find((f) => f.code === 'DISCIPLINE-RECORD')?.message).toContain('通知二(二)2③');
		expect(deputy.find((f) => f.code === 'DISCIPLINE-RECORD')?.field).toBe('person.punishments[0]');
	});
});

describe('RECORD-BEFORE-WINDOW (附件1说明五、附件2说明七)', () => {
	const cases: [string, Nomination, number][] = [
		[
			'award 2017.12',
			individual({ awards: [{ date: '2017.12', text: '区优秀代表', level: '' }] }),
			1
		],
		[
			'award 2017年6月',
			collective({ awards: [{ date: '2017年6月', text: '先进集体', level: '' }] }),
			1
		],
		[
			'award 2018.01',
			individual({ awards: [{ date: '2018.01', text: '区优秀代表', level: '' }] }),
			0
		],
		[
			'award 2018-01-01',
			individual({ awards: [{ date: '2018-01-01', text: '区优秀代表', level: '' }] }),
			0
		],
		[
			'award 2017-12-31',
			individual({ awards: [{ date: '2017-12-31', text: '区优秀代表', level: '' }] }),
			1
		]
	];
	test.each(cases)('%s', (_name, n, count) => {
		expect(only(n, ['RECORD-BEFORE-WINDOW']).length).toBe(count);
	});
});

describe('PRIORITY-HONOUR (通知二(二)1④)', () => {
	const cases: [string, Nomination, boolean][] = [
		[
			'district standing committee, 2021',
			individual({
				awards: [{ date: '2021.12', text: '北碚区人大常委会优秀人大代表', level: '' }]
			}),
			true
		],
		[
			'municipal standing committee, 2019',
			individual({ awards: [{ date: '2019.05', text: '市人大常委会通报表扬', level: '' }] }),
			true
		],
		[
			'before the window',
			individual({ awards: [{ date: '2016.05', text: '市人大常委会通报表扬', level: '' }] }),
			false
		],
		[
			'other award',
			individual({ awards: [{ date: '2021.05', text: '区劳动模范', level: '' }] }),
			false
		],
		[
			'liaison staff: clause ④ is for deputies',
			staff({ awards: [{ date: '2021.12', text: '区人大常委会表扬', level: '' }] }),
			false
		]
	];
	test.each(cases)('%s', (_name, n, expected) => {
		const found = validateNomination(n, params).filter((f) => f.code === 'PRIORITY-HONOUR');
		expect(found.length).toBe(expected ? 1 : 0);
		if (expected) expect(found[0]?.severity).toBe('info');
	});
});
