/**
 * Running the rules: one nomination (SPEC §4.1), one unit (§4.2), a whole document. Findings
 * come in a fixed order — nominations in document order (each nomination's findings in rule
 * order, then its duplicate finding), then units in order of first appearance.
 */
import type { CampaignParameters } from '../campaign';
import { isStaff } from '../candidate-facts';
import { resolveCampaign, type InterchangeDocument, type Nomination } from '../interchange';
import { duplicatesByIndex } from './duplicates';
import {
	checkAssessments,
	checkCollectiveLevel,
	checkPersonRank,
	checkStaffTenure
} from './eligibility';
import type { Finding, Issue } from './finding';
import { checkEnums, checkRequired } from './form-fields';
import {
	checkBirth,
	checkIdNumberField,
	checkNativePlace,
	checkPhoto,
	checkResumeField,
	checkSuggestionNumberField,
	checkSuggestionTexts,
	checkTextLength
} from './form-formats';
import {
	checkAges,
	checkCollectiveDates,
	checkPersonDates,
	checkSexAgainstId
} from './consistency';
import { checkConsultationDates, checkConsultations } from './consultations';
import {
	checkAwards,
	checkPriorityHonour,
	checkPunishments,
	checkRecordLevels,
	checkSuggestionPriority
} from './records';
import { checkUnitLimits } from './unit-limits';
import { checkUnitDeadline, checkUnitNotice, checkUnitNoticeOrder } from './unit-submission';

function nominationIssues(n: Nomination, params: CampaignParameters): Issue[] {
	const issues: Issue[] = [...checkRequired(n), ...checkEnums(n)];
	if (n.track === 'individual') {
		const person = n.person;
		const disciplineClause = isStaff(person) ? '通知二(二)2③' : '通知二(二)1③';
		issues.push(
			...checkPersonRank(person),
			...checkStaffTenure(person, params),
			...checkAssessments(person, params),
			...checkPunishments(person.punishments, { form: 'person', disciplineClause }, params),
			...checkAwards(person.awards, { form: 'person', disciplineClause }, params),
			...checkRecordLevels(person, { form: 'person', disciplineClause }),
			...checkIdNumberField(person),
			...checkSexAgainstId(person),
			...checkBirth(person, params),
			...checkAges(person, params),
			...checkPersonDates(person, params),
			...checkNativePlace(person),
			...checkResumeField(person, params),
			...checkTextLength(
				'person.deeds',
				'主要事迹',
				person.deeds,
				params.textLimits.deeds,
				'附件2'
			),
			...checkPhoto(person)
		);
		if (!isStaff(person)) issues.push(...checkPriorityHonour(person.awards, params));
	} else if (n.track === 'collective') {
		const collective = n.collective;
		const context = { form: 'collective', disciplineClause: '通知二(一)' } as const;
		issues.push(
			...checkCollectiveLevel(collective),
			...checkPunishments(collective.punishments, context, params),
			...checkAwards(collective.awards, context, params),
			...checkRecordLevels(collective, context),
			...checkCollectiveDates(collective, params),
			...checkTextLength(
				'collective.deeds',
				'主要事迹',
				collective.deeds,
				params.textLimits.deeds,
				'附件1'
			)
		);
	} else {
		issues.push(
			...checkSuggestionNumberField(n.suggestion, params),
			...checkSuggestionTexts(n.suggestion, params),
			...checkSuggestionPriority(n.suggestion)
		);
	}
	issues.push(...checkConsultations(n), ...checkConsultationDates(n, params));
	return issues;
}

/** Findings of one nomination on its own (SPEC §4.1 except DUPLICATE-NOMINEE, which needs the campaign). */
export function validateNomination(n: Nomination, params: CampaignParameters): Finding[] {
	return nominationIssues(n, params).map((item) => ({ ref: n.ref, ...item }));
}

/**
 * Findings of one recommending unit (SPEC §4.2), ref = the unit's name. `nominations` may be the
 * whole campaign: only those whose unit name is `unitName` are considered; the unit's kind is
 * taken from the first of them.
 */
export function validateUnit(
	unitName: string,
	nominations: readonly Nomination[],
	params: CampaignParameters
): Finding[] {
	const own = nominations.filter((n) => n.unit.name === unitName);
	const first = own[0];
	if (!first) return [];
	return [
		...checkUnitLimits(unitName, first.unit.kind, own),
		...checkUnitNotice(unitName, own, params),
		...checkUnitNoticeOrder(unitName, own, params),
		...checkUnitDeadline(unitName, own, params)
	];
}

/**
 * Every intake finding of a document: per nomination (with duplicates across the document),
 * then per unit. Parameters default to the document's campaign block (preset chongqing-2022).
 */
export function validateDocument(doc: InterchangeDocument, params?: CampaignParameters): Finding[] {
	const parameters = params ?? resolveCampaign(doc.campaign);
	const duplicates = duplicatesByIndex(doc.nominations);
	const findings: Finding[] = [];
	doc.nominations.forEach((n, index) => {
		findings.push(...validateNomination(n, parameters));
		const duplicate = duplicates[index];
		if (duplicate) findings.push(duplicate);
	});
	const units = [...new Set(doc.nominations.map((n) => n.unit.name))];
	for (const unit of units) findings.push(...validateUnit(unit, doc.nominations, parameters));
	return findings;
}
