/**
 * Facts about a candidate that several rules share: who is liaison staff, who is a 处级干部,
 * who counts against which composition cap. Each says which notice clause it serves.
 */
import type { CapKey } from './campaign';
import type { CollectiveForm, Nomination, PersonForm } from './interchange';
import {
	democraticPartyMarks,
	divisionRanks,
	excludedRanks,
	isExcludedLevel,
	isOneOf,
	parseCollectiveLevel,
	personCategories,
	stationCategory,
	staffCategory
} from './vocabulary';

/** What a nomination is called: the person's or collective's name, or the suggestion's title. */
export function nominationTitle(nomination: Nomination): string {
	switch (nomination.track) {
		case 'individual':
			return nomination.person.name;
		case 'collective':
			return nomination.collective.name;
		case 'suggestion':
			return nomination.suggestion.title;
	}
}

/** True for 市人大代表联络工作人员 (通知二(二)2). */
export function isStaff(person: PersonForm): boolean {
	return person.category.trim() === staffCategory;
}

/** True for a deputy at any level: 市、区县、乡镇人大代表 (通知二(二)1). */
export function isDeputy(person: PersonForm): boolean {
	const category = person.category.trim();
	return category !== staffCategory && isOneOf(personCategories, category);
}

/** True for a 处级干部 (通知四(二)): a 县处级 post or an 一级–四级调研员. */
export function isDivisionCadre(person: PersonForm): boolean {
	return isOneOf(divisionRanks, person.rank.trim());
}

/** True for 副厅局级 or above (通知四(二): 不评选). */
export function isExcludedRank(rank: string): boolean {
	return isOneOf(excludedRanks, rank.trim());
}

/**
 * True when a collective's 集体级别 is 副厅局级 or above (通知四(二)). Only a value that reads
 * as a level counts (parseCollectiveLevel): 副厅局级, 正厅级, 参照副局级 — a municipal 局 is
 * 厅局级 in Chongqing; 处级 and 科级 do not, and neither does text that is not a level
 * (省级示范 is an honour, not 副厅局级: ENUM-INVALID instead).
 */
export function isExcludedCollectiveLevel(level: string): boolean {
	const parsed = parseCollectiveLevel(level);
	return parsed !== null && isExcludedLevel(parsed);
}

/**
 * True when annual assessments must be 称职（合格）or better every year (通知二(二)1③, 2③):
 * staff of 机关, 参公单位 and 事业单位, and all liaison staff.
 */
export function assessmentsRequired(person: PersonForm): boolean {
	return isStaff(person) || ['机关', '参公单位', '事业单位'].includes(person.unitNature.trim());
}

/** True for a member of one of the eight democratic parties (通知四(一)4), from 党派 or 政治面貌. */
export function isDemocraticPartyMember(person: PersonForm): boolean {
	const text = `${person.party} ${person.politicalStatus}`;
	return democraticPartyMarks.some((mark) => text.includes(mark));
}

/** True for a 代表家站 collective (it may be proposed as 先进集体 or for 通报表扬). */
export function isStationForm(collective: CollectiveForm): boolean {
	return collective.category.trim() === stationCategory;
}

/** True when a nomination is a 代表家站. */
export function isStation(nomination: Nomination): boolean {
	return nomination.track === 'collective' && isStationForm(nomination.collective);
}

/**
 * Which composition caps of 通知四(二) a nomination counts against. Only people are 处级干部 or
 * 企业负责人; 市级机关内设机构 are collectives flagged `municipalOrganBody`, 市级机关工作人员
 * are individuals flagged `municipalOrganStaff`. Suggestions count against none.
 */
export function compositionFlags(nomination: Nomination): Record<CapKey, boolean> {
	if (nomination.track === 'individual') {
		const person = nomination.person;
		return {
			division: isDivisionCadre(person),
			municipalOrgan: person.municipalOrganStaff,
			enterpriseHead: person.enterpriseHead
		};
	}
	if (nomination.track === 'collective') {
		const municipalOrgan = nomination.collective.municipalOrganBody;
		return { division: false, municipalOrgan, enterpriseHead: false };
	}
	return { division: false, municipalOrgan: false, enterpriseHead: false };
}
