/**
 * The consultations (征求意见) of SPEC §5, checked at intake: 通知三(一)：“按管理权限征求组织人事、
 * 纪检监察和公安等部门意见”；四(一)2–4 (机关事业单位人员; 企业负责人：公安、生态环境、人力社保、
 * 税务、市场监管、应急管理，国有企业还应征求纪检监察机关、国资部门意见; 民主党派人员还应征求统战
 * 部门意见). The opinions are attachments 4–5, due with the nomination.
 */
import type { CampaignParameters } from '../campaign';
import { consultationStatus, requiredConsultations } from '../consultations';
import { isIsoDate } from '../dates';
import type { Nomination } from '../interchange';
import { listText } from '../text';
import { issue, type Issue } from './finding';

const attachment = (n: Nomination) => (n.track === 'collective' ? '附件4' : '附件5');

/**
 * CONSULT-MISSING: a department §5 requires for this nominee has no recorded opinion.
 * CONSULT-OBJECTION: a required department's latest opinion is 有异议 — 通知四(一)1：“公示无异议
 * 的再报送” applies to the consultations too; such a nominee cannot go forward.
 */
export function checkConsultations(n: Nomination): Issue[] {
	const required = requiredConsultations(n);
	if (required.length === 0) return [];
	const status = consultationStatus(required, n.consultations);
	const issues: Issue[] = [];
	if (status.missing.length > 0) {
		issues.push(
			issue(
				'CONSULT-MISSING',
				'consultations',
				`缺少 ${listText(status.missing)} 部门的意见（应征求 ${listText(required)}；通知三(一)、四(一)2–4，${attachment(n)}）。请征求意见后，填写部门、结果和日期。`
			)
		);
	}
	for (const dept of status.objections) {
		let index = -1;
		n.consultations.forEach((record, position) => {
			if (record.dept.trim() === dept && record.result.trim() === '有异议') index = position;
		});
		issues.push(
			issue(
				'CONSULT-OBJECTION',
				index >= 0 ? `consultations[${index}]` : 'consultations',
				`${dept}部门意见为“有异议”（${attachment(n)}）。有异议的不能推荐：请更换推荐对象；如异议已经消除，请补录该部门此后出具的“无异议”意见。`
			)
		);
	}
	return issues;
}

/**
 * CONSULT-DATE (warning): an opinion must be given before the nomination is submitted (the
 * opinions are due with it, 通知四(四)) and cannot predate the notice (落款 2022年10月17日).
 * The submission day and the issue day themselves pass. An unreadable date is reported too.
 */
export function checkConsultationDates(n: Nomination, params: CampaignParameters): Issue[] {
	const issues: Issue[] = [];
	n.consultations.forEach((record, index) => {
		const date = record.date.trim();
		const field = `consultations[${index}].date`;
		const dept = record.dept.trim() || '未写明部门';
		let problem: string | null = null;
		if (!isIsoDate(date)) {
			problem = `日期“${date}”无法识别，应写作 YYYY-MM-DD`;
		} else if (n.submittedAt !== undefined && date > n.submittedAt) {
			problem = `日期 ${date} 晚于报送日期 ${n.submittedAt}：意见应在报送前取得`;
		} else if (params.issuedOn !== undefined && date < params.issuedOn) {
			problem = `日期 ${date} 早于通知印发日期 ${params.issuedOn}：应为本次评选征求的意见`;
		}
		if (problem)
			issues.push(
				issue(
					'CONSULT-DATE',
					field,
					`${dept}部门意见的${problem}（${attachment(n)}）。请核对意见表上的签署日期。`
				)
			);
	});
	return issues;
}
