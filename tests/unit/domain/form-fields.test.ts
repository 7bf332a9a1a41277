import { describe, expect, test } from 'vitest';
import {
	requiredCollectiveFields,
	requiredPersonFields,
	requiredSuggestionFields,
	validateNomination,
	type Finding,
	type Nomination
} from '$lib/domain';
import { collective, individual, params, staff, suggestion } from './fixtures';

const of = (n: Nomination, code: Finding['code']) =>
	validateNomination(n, params)
		.filter((f) => f.code === code)
		.map((f) => f.field);

describe('REQUIRED-MISSING (附件1–3)', () => {
	test.each(Object.keys(requiredPersonFields))('person.%s empty', (key) => {
		expect(of(individual({ [key]: ' ' }), 'REQUIRED-MISSING')).toContain(`person.${key}`);
	});
	test.each(Object.keys(requiredCollectiveFields))('collective.%s empty', (key) => {
		expect(of(collective({ [key]: '' }), 'REQUIRED-MISSING')).toContain(`collective.${key}`);
	});
	test.each(Object.keys(requiredSuggestionFields))('suggestion.%s empty', (key) => {
		expect(of(suggestion({ [key]: '' }), 'REQUIRED-MISSING')).toContain(`suggestion.${key}`);
	});

	const cases: [string, Nomination, string[]][] = [
		['clean individual', individual(), []],
		['clean collective', collective(), []],
		['clean suggestion', suggestion(), []],
		['empty resume', individual({ resume: [] }), ['person.resume']],
		['staff without years', staff({ liaisonYears: undefined }), ['person.liaisonYears']],
		['staff without in-post flag', staff({ inPost: undefined }), ['person.inPost']],
		[
			'deputy without years is fine',
			individual({ liaisonYears: undefined, inPost: undefined }),
			[]
		],
		['rank may be empty (没有级别的可以不填)', individual({ rank: '' }), []],
		['collective level may be empty', collective({ level: '' }), []],
		['no member count', collective({ memberCount: undefined }), ['collective.memberCount']],
		['member count 0', collective({ memberCount: 0 }), ['collective.memberCount']],
		['empty ref', individual({}, { ref: '' }), ['ref']],
		[
			'empty unit name',
			individual({}, { unit: { name: '', kind: 'liaison_group' } }),
			['unit.name']
		]
	];
	test.each(cases)('%s', (_name, n, fields) => {
		expect(of(n, 'REQUIRED-MISSING')).toEqual(fields);
	});
});

describe('ENUM-INVALID (附件1说明四、附件2说明五、附件4–5)', () => {
	const cases: [string, Nomination, string[]][] = [
		['clean', individual(), []],
		['gender', individual({ gender: '男性' }), ['person.gender']],
		['unit nature', individual({ unitNature: '国企' }), ['person.unitNature']],
		['category', individual({ category: '全国人大代表' }), ['person.category']],
		['rank', individual({ rank: '正科' }), ['person.rank']],
		[
			'assessment result',
			individual({ assessments: [{ year: 2018, result: '好' }] }),
			['person.assessments[0].result']
		],
		['collective category', collective({ category: '街道' }), ['collective.category']],
		[
			'consultation dept and result',
			individual(
				{},
				{ consultations: [{ dept: '组织部', result: '同意', date: '2022-10-24', note: '' }] }
			),
			['consultations[0].dept', 'consultations[0].result']
		],
		['every rank in the list', individual({ rank: '四级调研员' }), []]
	];
	test.each(cases)('%s', (_name, n, fields) => {
		expect(of(n, 'ENUM-INVALID')).toEqual(fields);
	});

	test('lists the allowed values', () => {
		const found = validateNomination(individual({ gender: 'M' }), params).find(
			(f) => f.code === 'ENUM-INVALID'
		);
		expect(found?.message).toContain('男、女');
	});
});
