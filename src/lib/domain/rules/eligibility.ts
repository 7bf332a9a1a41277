/**
 * Who may be nominated at all: rank and 市管干部 exclusion (通知四(二)), liaison staff tenure and
 * being in post (二(二)2②), and annual assessments (二(二)1③, 2③).
 */
import type { CampaignParameters } from '../campaign';
import {
	assessmentsRequired,
	isExcludedCollectiveLevel,
	isExcludedRank,
	isStaff
} from '../candidate-facts';
import type { CollectiveForm, PersonForm } from '../interchange';
import { listText } from '../text';
import {
	failingAssessments,
	isOneOf,
	levellessCategories,
	passingAssessments,
	ungradedAssessments
} from '../vocabulary';
import { issue, type Issue } from './finding';

/** IND-RANK-EXCLUDED: 副厅局级 or above, or a 市管干部, is not eligible (通知四(二)). */
export function checkPersonRank(person: PersonForm): Issue[] {
	const issues: Issue[] = [];
	if (isExcludedRank(person.rank)) {
		issues.push(
			issue(
				'IND-RANK-EXCLUDED',
				'person.rank',
				`职务职级“${person.rank.trim()}”属副厅局级或以上，不在评选范围（通知四(二)：不评选副厅局级或者相当于副厅局级以上单位、个人和市管干部）。请更换推荐对象，或更正填错的职级。`
			)
		);
	}
	if (person.municipalCadre) {
		issues.push(
			issue(
				'IND-RANK-EXCLUDED',
				'person.municipalCadre',
				'推荐对象为市管干部，不在评选范围（通知四(二)：不评选…市管干部）。请更换推荐对象，或更正“市管干部”标记。'
			)
		);
	}
	return issues;
}

/**
 * COL-RANK-EXCLUDED: a collective whose 集体级别 reads as 副厅局级 or above is not eligible
 * (通知四(二)：不评选副厅局级或者相当于副厅局级以上单位). Text that is not a level is never an
 * exclusion (see isExcludedCollectiveLevel).
 */
export function checkCollectiveLevel(collective: CollectiveForm): Issue[] {
	// A 联系组 or 专业组 has no level: a value there is ENUM-INVALID (checkCollectiveLevelValue).
	if (isOneOf(levellessCategories, collective.category.trim())) return [];
	if (!isExcludedCollectiveLevel(collective.level)) return [];
	return [
		issue(
			'COL-RANK-EXCLUDED',
			'collective.level',
			`集体级别“${collective.level.trim()}”属副厅局级或以上，不在评选范围（通知四(二)：不评选副厅局级或者相当于副厅局级以上单位）。请更换推荐对象，或更正填错的集体级别。`
		)
	];
}

/**
 * STAFF-TENURE and STAFF-NOT-IN-POST: liaison staff need at least `staffMinYears` (3) years of
 * full-time deputy work as of the as-of date, and must be in post (通知二(二)2②). 3.0 passes.
 * A missing year count or in-post flag is REQUIRED-MISSING (form-formats), not judged here.
 */
export function checkStaffTenure(person: PersonForm, params: CampaignParameters): Issue[] {
	if (!isStaff(person)) return [];
	const issues: Issue[] = [];
	const [year, month] = params.asOfDate.split('-').map(Number);
	const years = person.liaisonYears;
	if (years !== undefined && !(years >= params.staffMinYears)) {
		issues.push(
			issue(
				'STAFF-TENURE',
				'person.liaisonYears',
				`直接从事代表工作年限为 ${years} 年，不足 ${params.staffMinYears} 年（通知二(二)2②：截至${year}年${month}月，专职从事代表工作满3年以上）。请核对年限，或更换推荐对象。`
			)
		);
	}
	if (person.inPost === false) {
		issues.push(
			issue(
				'STAFF-NOT-IN-POST',
				'person.inPost',
				'推荐对象目前不在职在岗（通知二(二)2②：且在职在岗）。请更换推荐对象，或更正“在职在岗”标记。'
			)
		);
	}
	return issues;
}

/**
 * ASSESSMENT-BELOW and ASSESSMENT-MISSING (通知二(二)1③, 2③): for staff of 机关、参公单位、
 * 事业单位 and all liaison staff, every annual assessment from the record window's first year
 * to the year before the as-of date (2018–2021) must be 称职（合格）or better. A result below
 * is an error; a year with nothing recorded is a warning to fill it in, and a year recorded as
 * 不定等次 a warning in its own words (the reason must be explained), not “missing”.
 */
export function checkAssessments(person: PersonForm, params: CampaignParameters): Issue[] {
	if (!assessmentsRequired(person)) return [];
	const firstYear = Number(params.recordWindowStart.slice(0, 4));
	const lastYear = Number(params.asOfDate.slice(0, 4)) - 1;
	const clause = isStaff(person) ? '通知二(二)2③' : '通知二(二)1③';
	const issues: Issue[] = [];
	const graded = new Set<number>();
	const ungraded = new Map<number, number>();
	person.assessments.forEach((assessment, index) => {
		const result = assessment.result.trim();
		if (assessment.year < firstYear || assessment.year > lastYear) return;
		if (isOneOf(passingAssessments, result)) graded.add(assessment.year);
		if (isOneOf(ungradedAssessments, result) && !ungraded.has(assessment.year))
			ungraded.set(assessment.year, index);
		if (isOneOf(failingAssessments, result)) {
			graded.add(assessment.year);
			issues.push(
				issue(
					'ASSESSMENT-BELOW',
					`person.assessments[${index}]`,
					`${assessment.year}年度考核为“${result}”，低于称职（合格）等次（${clause}：年度考核均为称职（合格）及以上等次）。请更换推荐对象，或更正填错的考核结果。`
				)
			);
		}
	});
	const missing: number[] = [];
	for (let year = firstYear; year <= lastYear; year++) {
		if (graded.has(year)) continue;
		const index = ungraded.get(year);
		if (index === undefined) {
			missing.push(year);
			continue;
		}
		issues.push(
			issue(
				'ASSESSMENT-MISSING',
				`person.assessments[${index}]`,
				`${year}年度考核为不定等次（当年未评定等次），无法确认达到称职（合格）及以上（${clause}）。请随表说明不定等次的原因（如新录用、病休），由初审认定。`
			)
		);
	}
	if (missing.length > 0) {
		issues.push(
			issue(
				'ASSESSMENT-MISSING',
				'person.assessments',
				`缺少 ${listText(missing)} 年度的考核等次（${clause}；附件2“近五年考核情况”按年份依次填写）。请补填。`
			)
		);
	}
	return issues;
}
