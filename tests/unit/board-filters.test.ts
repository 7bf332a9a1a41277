import { describe, expect, test } from 'vitest';
import {
	filtersToParams,
	matchesFilters,
	noFilters,
	parseFilters,
	type BoardFilters
} from '../../src/lib/board/filters';
import type { BoardCard } from '../../src/lib/board/types';

const card: BoardCard = {
	id: 7,
	title: '陈立新',
	subtitle: '北碚区天生街道社区卫生服务中心 主任',
	track: 'individual',
	stage: 'joint',
	proposedTrack: null,
	isStation: false,
	unitId: 3,
	unitName: '北碚区人大代表联系组',
	district: '北碚区',
	division: false,
	municipalOrgan: false,
	enterpriseHead: true,
	grassroots: true,
	errors: 0,
	warnings: 1,
	infos: 0,
	codes: ['PHOTO-MISSING'],
	consultRequired: 8,
	consultClear: 8,
	consultObjections: 0
};

const station: BoardCard = {
	...card,
	id: 8,
	track: 'collective',
	isStation: true,
	title: '天生街道人大代表之家'
};

describe('matchesFilters', () => {
	const cases: [string, Partial<BoardFilters>, BoardCard, boolean][] = [
		['no filter', {}, card, true],
		['track matches', { track: 'individual' }, card, true],
		['track differs', { track: 'suggestion' }, card, false],
		['station track takes stations only', { track: 'station' }, station, true],
		['station track leaves other collectives out', { track: 'station' }, card, false],
		['unit matches', { unitId: 3 }, card, true],
		['unit differs', { unitId: 4 }, card, false],
		['district', { district: '北碚区' }, card, true],
		['other district', { district: '渝中区' }, card, false],
		['warnings present', { finding: 'warning' }, card, true],
		['no errors', { finding: 'error' }, card, false],
		['a code it has', { finding: 'PHOTO-MISSING' }, card, true],
		['a code it lacks', { finding: 'RESUME-GAP' }, card, false],
		['clean means no error or warning', { finding: 'clean' }, card, false],
		['every flag must hold', { flags: ['enterpriseHead', 'grassroots'] }, card, true],
		['one missing flag excludes', { flags: ['enterpriseHead', 'division'] }, card, false],
		['stage', { stage: 'joint' }, card, true],
		['other stage', { stage: 'proposed' }, card, false],
		['search by name', { query: '立新' }, card, true],
		['search by unit and post, any case', { query: '北碚 主任' }, card, true],
		['search without a hit', { query: '渝中' }, card, false]
	];
	test.each(cases)('%s', (_name, filters, subject, expected) => {
		expect(matchesFilters(subject, { ...noFilters, ...filters })).toBe(expected);
	});
});

describe('filters in the URL', () => {
	test('round-trip through the query string', () => {
		const filters: BoardFilters = {
			track: 'station',
			unitId: 12,
			district: '渝中区',
			finding: 'RESUME-GAP',
			flags: ['division', 'grassroots'],
			stage: 'joint',
			query: '之家'
		};
		expect(parseFilters(filtersToParams(filters))).toEqual(filters);
	});

	test('empty filters give an empty query, junk is dropped', () => {
		expect(filtersToParams(noFilters).toString()).toBe('');
		expect(parseFilters(new URLSearchParams('unit=abc&flag=bogus&flag=division'))).toEqual({
			...noFilters,
			flags: ['division']
		});
	});
});
