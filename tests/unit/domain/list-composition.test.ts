import { describe, expect, test } from 'vitest';
import {
	capsExceededAfter,
	checkListComposition,
	proposedEntry,
	type FindingCode,
	type ProposedEntry,
	type Track
} from '$lib/domain';
import { collective, individual, params, times } from './fixtures';

let n = 0;
const entry = (track: Track, flags: Partial<ProposedEntry> = {}): ProposedEntry => ({
	ref: `E-${++n}`,
	track,
	division: false,
	municipalOrgan: false,
	enterpriseHead: false,
	...flags
});
const codes = (entries: ProposedEntry[]) =>
	checkListComposition(entries, params).map((f) => f.code);

describe('QUOTA-FULL (通知一(一))', () => {
	const cases: [string, ProposedEntry[], FindingCode[]][] = [
		['39 of 40 collectives', times(39, () => entry('collective')), []],
		['40 of 40 collectives: complete, not an error', times(40, () => entry('collective')), []],
		['41 of 40 collectives', times(41, () => entry('collective')), ['QUOTA-FULL']],
		['49 of 50 individuals', times(49, () => entry('individual')), []],
		['50 of 50 individuals', times(50, () => entry('individual')), []],
		['51 of 50 individuals', times(51, () => entry('individual')), ['QUOTA-FULL']],
		['100 suggestions', times(100, () => entry('suggestion')), []],
		['101 suggestions', times(101, () => entry('suggestion')), ['QUOTA-FULL']],
		['114 stations', times(114, () => entry('station')), []],
		['115 stations', times(115, () => entry('station')), []],
		['116 stations', times(116, () => entry('station')), ['QUOTA-FULL']]
	];
	test.each(cases)('%s', (_name, entries, expected) => {
		expect(codes(entries)).toEqual(expected);
	});

	test('names the track and the clause', () => {
		const [found] = checkListComposition(
			times(41, () => entry('collective')),
			params
		);
		expect(found).toMatchObject({ ref: 'list:collective', severity: 'error', field: 'collective' });
		expect(found?.message).toContain('超出名额 40');
		expect(found?.message).toContain('通知一(一)');
	});
});

describe('CAP-DIVISION, CAP-MUNICIPAL-ORGAN, CAP-ENTERPRISE-HEAD (通知四(二))', () => {
	const cases: [string, ProposedEntry[], FindingCode[]][] = [
		[
			'18 处级干部 (exactly 20 % of 90)',
			times(18, () => entry('individual', { division: true })),
			[]
		],
		['19 处级干部', times(19, () => entry('individual', { division: true })), ['CAP-DIVISION']],
		[
			'13 市级机关 (13.5 floored)',
			times(13, () => entry('collective', { municipalOrgan: true })),
			[]
		],
		[
			'14 市级机关, collectives and individuals together',
			[
				...times(7, () => entry('collective', { municipalOrgan: true })),
				...times(7, () => entry('individual', { municipalOrgan: true }))
			],
			['CAP-MUNICIPAL-ORGAN']
		],
		['13 企业负责人', times(13, () => entry('individual', { enterpriseHead: true })), []],
		[
			'14 企业负责人',
			times(14, () => entry('individual', { enterpriseHead: true })),
			['CAP-ENTERPRISE-HEAD']
		],
		[
			'flags in the station track do not count',
			times(20, () => entry('station', { municipalOrgan: true })),
			[]
		],
		[
			'flags in the suggestion track do not count',
			times(20, () => entry('suggestion', { division: true })),
			[]
		]
	];
	test.each(cases)('%s', (_name, entries, expected) => {
		expect(codes(entries)).toEqual(expected);
	});

	test('warns, citing the cap and the base', () => {
		const [found] = checkListComposition(
			times(19, () => entry('individual', { division: true })),
			params
		);
		expect(found).toMatchObject({ ref: 'list', severity: 'warning', field: 'division' });
		expect(found?.message).toContain('90');
		expect(found?.message).toContain('18');
	});
});

describe('proposedEntry', () => {
	test('takes the cap flags from the nomination', () => {
		expect(
			proposedEntry(individual({ rank: '县处级正职', enterpriseHead: true }), 'individual')
		).toMatchObject({
			division: true,
			municipalOrgan: false,
			enterpriseHead: true
		});
		expect(
			proposedEntry(individual({ rank: '一级调研员', municipalOrganStaff: true }), 'individual')
		).toMatchObject({
			division: true,
			municipalOrgan: true
		});
		expect(
			proposedEntry(collective({ municipalOrganBody: true, level: '正处级' }), 'collective')
		).toMatchObject({
			division: false,
			municipalOrgan: true,
			track: 'collective'
		});
	});
});

describe('capsExceededAfter', () => {
	const division = () => entry('individual', { division: true });
	test.each([
		['the 18th 处级干部 fits', 17, division(), []],
		['the 19th goes over', 18, division(), ['division']],
		['an entry not counting against the cap', 18, entry('individual'), []],
		['a station never counts', 18, entry('station', { division: true }), []]
	] as [string, number, ProposedEntry, string[]][])('%s', (_name, already, next, expected) => {
		expect(capsExceededAfter(times(already, division), next, params)).toEqual(expected);
	});
});
