/**
 * Per recommending unit (SPEC §4.2), part 2: the unit's own public notice of at least 5
 * working days (通知三(一)、四(一)1) and the submission deadline (四(四)).
 */
import { organiserContactText, type CampaignParameters } from '../campaign';
import { dayNumber } from '../dates';
import type { Nomination } from '../interchange';
import { listText } from '../text';
import { countWorkingDays } from '../working-days';
import { finding, type Finding } from './finding';

/** Whom a late unit should call: the first organiser of the notice (通知六(一)), else 人代工委代表联络处. */
const contact = (params: CampaignParameters) => {
	const organiser = params.organisers?.[0];
	return organiser ? organiserContactText(organiser) : '人代工委代表联络处';
};

const noticeText = (notice: { start: string; end: string }) => `${notice.start} 至 ${notice.end}`;

/**
 * UNIT-NOTICE-DAYS: each of the unit's public notices must last at least `unitNoticeWorkingDays`
 * working days, both ends counted (公示5个工作日, 通知三(一)、四(一)1). A nomination with no
 * notice recorded counts as not noticed.
 */
export function checkUnitNotice(
	unitName: string,
	nominations: readonly Nomination[],
	params: CampaignParameters
): Finding[] {
	const required = params.unitNoticeWorkingDays;
	const problems: string[] = [];
	const unnoticed = nominations.filter((n) => !n.unitNotice).map((n) => n.ref);
	if (unnoticed.length > 0) problems.push(`${listText(unnoticed)} 未填写公示起止日期`);
	const seen = new Set<string>();
	for (const { unitNotice: notice } of nominations) {
		if (!notice || seen.has(noticeText(notice))) continue;
		seen.add(noticeText(notice));
		const span = (dayNumber(notice.end) ?? 0) - (dayNumber(notice.start) ?? 0);
		// Any 60-day span holds far more than a notice's working days; skip counting long ones.
		const days = span < 0 ? 0 : span > 60 ? required : countWorkingDays(notice.start, notice.end);
		if (days < required) problems.push(`公示 ${noticeText(notice)} 只有 ${days} 个工作日`);
	}
	if (problems.length === 0) return [];
	return [
		finding(
			unitName,
			'UNIT-NOTICE-DAYS',
			'unitNotice',
			`本单位公示不足 ${required} 个工作日：${problems.join('；')}（通知三(一)、四(一)1：在本单位公示5个工作日，无异议后再报送）。请补足公示并更正起止日期。`
		)
	];
}

/** UNIT-LATE (warning): nominations submitted after the deadline (通知四(四): 10月28日前报送; the deadline day itself is on time). */
export function checkUnitDeadline(
	unitName: string,
	nominations: readonly Nomination[],
	params: CampaignParameters
): Finding[] {
	const late = nominations.filter(
		(n) => n.submittedAt !== undefined && n.submittedAt > params.submissionDeadline
	);
	if (late.length === 0) return [];
	const list = listText(late.map((n) => `${n.ref}（${n.submittedAt}）`));
	return [
		finding(
			unitName,
			'UNIT-LATE',
			'submittedAt',
			`${list} 晚于报送截止日 ${params.submissionDeadline}（通知四(四)）。请与${contact(params)}确认是否仍予受理。`
		)
	];
}

/**
 * UNIT-NOTICE-ORDER (warning): 通知四(一)1：“公示无异议的再报送至市人大常委会人代工委” — the
 * unit's own public notice cannot start before the notice was issued (its 落款 date, the
 * campaign's `issuedOn`) and must have ended by the day the nomination was submitted. Starting
 * on the issue day, or ending on the submission day, is in order.
 */
export function checkUnitNoticeOrder(
	unitName: string,
	nominations: readonly Nomination[],
	params: CampaignParameters
): Finding[] {
	const problems: string[] = [];
	const early = new Set<string>();
	for (const n of nominations) {
		const notice = n.unitNotice;
		if (!notice) continue;
		if (params.issuedOn !== undefined && notice.start < params.issuedOn) {
			if (!early.has(noticeText(notice)))
				problems.push(`公示 ${noticeText(notice)} 开始于通知印发（${params.issuedOn}）之前`);
			early.add(noticeText(notice));
		}
		if (n.submittedAt !== undefined && notice.end > n.submittedAt)
			problems.push(`${n.ref} 于 ${n.submittedAt} 报送，公示到 ${notice.end} 才结束`);
	}
	if (problems.length === 0) return [];
	return [
		finding(
			unitName,
			'UNIT-NOTICE-ORDER',
			'unitNotice',
			`本单位公示的时间顺序有误：${problems.join('；')}（通知四(一)1：公示无异议的再报送）。请核对公示起止日期和报送日期；公示应在通知印发后进行、结束后再报送。`
		)
	];
}
