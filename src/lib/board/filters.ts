/**
 * The board's filters, kept in the URL so a view can be shared: track, unit, district, finding
 * severity or code, flags, stage, and a free-text search over name, unit, title and number.
 */
import type { BoardCard } from './types';

export const flagNames = {
	division: '处级干部',
	municipalOrgan: '市级机关',
	enterpriseHead: '企业负责人',
	grassroots: '基层一线'
} as const;
export type FlagName = keyof typeof flagNames;

export interface BoardFilters {
	/** `collective`, `individual`, `suggestion`, or `station` (家站 among collectives). */
	track: string;
	unitId: number | null;
	district: string;
	/** `error`, `warning`, `info`, `clean`, or a finding code such as `RESUME-GAP`. */
	finding: string;
	flags: FlagName[];
	stage: string;
	query: string;
}

export const noFilters: BoardFilters = {
	track: '',
	unitId: null,
	district: '',
	finding: '',
	flags: [],
	stage: '',
	query: ''
};

export function parseFilters(params: URLSearchParams): BoardFilters {
	const unitId = Number(params.get('unit'));
	// Bounded: each value becomes a query parameter, and none of them is longer than this.
	const text = (name: string) => (params.get(name) ?? '').slice(0, 100);
	return {
		track: text('track'),
		unitId: Number.isSafeInteger(unitId) && unitId > 0 ? unitId : null,
		district: text('district'),
		finding: text('finding'),
		flags: [...new Set(params.getAll('flag'))].filter(
			(flag): flag is FlagName => flag in flagNames
		),
		stage: text('stage'),
		query: (params.get('q') ?? '').trim().slice(0, MAX_QUERY)
	};
}

/** A search longer than this is cut (a name, a unit and a number fit many times over). */
export const MAX_QUERY = 100;

/** The search's words, lower-cased: a card matches when its text holds every one. */
export function searchWords(query: string): string[] {
	return query.slice(0, MAX_QUERY).toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
}

/** The query string of a filter set; empty filters are left out. */
export function filtersToParams(filters: BoardFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.track) params.set('track', filters.track);
	if (filters.unitId) params.set('unit', String(filters.unitId));
	if (filters.district) params.set('district', filters.district);
	if (filters.finding) params.set('finding', filters.finding);
	for (const flag of filters.flags) params.append('flag', flag);
	if (filters.stage) params.set('stage', filters.stage);
	if (filters.query) params.set('q', filters.query);
	return params;
}

export function isFiltered(filters: BoardFilters): boolean {
	return filtersToParams(filters).size > 0;
}

function matchesFinding(card: BoardCard, wanted: string): boolean {
	switch (wanted) {
		case '':
			return true;
		case 'error':
			return card.errors > 0;
		case 'warning':
			return card.warnings > 0;
		case 'info':
			return card.infos > 0;
		case 'clean':
			return card.errors + card.warnings === 0;
		default:
			return card.codes.includes(wanted);
	}
}

/** Whether a card passes every filter. */
export function matchesFilters(card: BoardCard, filters: BoardFilters): boolean {
	if (
		filters.track === 'station' ? !card.isStation : filters.track && card.track !== filters.track
	) {
		return false;
	}
	if (filters.unitId && card.unitId !== filters.unitId) return false;
	if (filters.district && card.district !== filters.district) return false;
	if (!matchesFinding(card, filters.finding)) return false;
	if (filters.flags.some((flag) => !card[flag])) return false;
	if (filters.stage && card.stage !== filters.stage) return false;
	const words = searchWords(filters.query);
	if (words.length > 0) {
		const text = `${card.title} ${card.subtitle} ${card.unitName}`.toLowerCase();
		if (!words.every((word) => text.includes(word))) return false;
	}
	return true;
}
