/**
 * Cross-field consistency of 先进个人推荐审批表 (附件2): 性别 against the 居民身份证 number
 * (SEX-ID-MISMATCH), plausible ages (AGE-IMPLAUSIBLE), and nothing dated after the as-of date
 * (DATE-AFTER-ASOF). Each compares fields that are each well-formed on their own.
 */
import type { CampaignParameters } from '../campaign';
import {
	ageOn,
	isAfterDate,
	monthIndex,
	parseLooseDate,
	parseYearMonth,
	yearMonthOf,
	type YearMonth
} from '../dates';
import { checkIdNumber, idBirthDate } from '../id-number';
import type { CollectiveForm, PersonForm } from '../interchange';
import { parseResumeMonth, PRESENT } from '../resume';
import { issue, type Issue } from './finding';

const isResidentCard = (person: PersonForm) => /^(居民)?身份证$/.test(person.idType.trim());

/** The ID number when it is a valid 居民身份证 number (GB 11643), else null. */
function validIdNumber(person: PersonForm): string | null {
	if (!isResidentCard(person)) return null;
	const value = person.idNumber.trim().toUpperCase();
	return checkIdNumber(value) === 'ok' ? value : null;
}

/**
 * SEX-ID-MISMATCH: GB 11643 “第十七位数字表示性别，奇数为男，偶数为女” — 性别 (附件2) must agree
 * with a valid 居民身份证 number's 17th digit. An invalid number is ID-INVALID, not judged here.
 */
export function checkSexAgainstId(person: PersonForm): Issue[] {
	const id = validIdNumber(person);
	const gender = person.gender.trim();
	if (!id || (gender !== '男' && gender !== '女')) return [];
	const expected = Number(id[16]) % 2 === 1 ? '男' : '女';
	if (gender === expected) return [];
	return [
		issue(
			'SEX-ID-MISMATCH',
			'person.gender',
			`性别填写为“${gender}”，但居民身份证号码第17位为${id[16]}（${expected === '男' ? '奇数为男' : '偶数为女'}），应为“${expected}”（附件2“性别”“证件号码”；GB 11643）。请对照证件更正性别或证件号码。`
		)
	];
}

/** The birth date to judge ages by: the valid ID number's, else the 1st of 出生年月's month, else null. */
function birthDate(person: PersonForm): string | null {
	const id = validIdNumber(person);
	if (id) return idBirthDate(id);
	const birth = parseYearMonth(person.birth);
	return birth ? `${birth.year}-${String(birth.month).padStart(2, '0')}-01` : null;
}

const showMonth = (value: YearMonth) => `${value.year}.${String(value.month).padStart(2, '0')}`;

/**
 * AGE-IMPLAUSIBLE: a deputy or liaison staff member (通知二(二)) is an adult — at least 18 on the
 * as-of date — and a 简历 entry (附件2填表说明六：从大中专院校毕业或参加工作填起) cannot start
 * before the person turned 16 (the legal working age). The month of the 16th birthday passes.
 * Ages come from the ID number's birth date when it is valid, else from 出生年月.
 */
export function checkAges(person: PersonForm, params: CampaignParameters): Issue[] {
	const birth = birthDate(person);
	if (!birth) return [];
	const issues: Issue[] = [];
	const age = ageOn(birth, params.asOfDate);
	if (age < 18) {
		issues.push(
			issue(
				'AGE-IMPLAUSIBLE',
				'person.birth',
				`按出生日期 ${birth}，推荐对象截至 ${params.asOfDate} 只有 ${Math.max(age, 0)} 岁，未满18周岁。请核对出生年月和证件号码（附件2）。`
			)
		);
	}
	const sixteen = monthIndex(yearMonthOf(birth)) + 16 * 12;
	person.resume.forEach((entry, index) => {
		const from = parseResumeMonth(entry.from);
		if (!from || monthIndex(from) >= sixteen) return;
		issues.push(
			issue(
				'AGE-IMPLAUSIBLE',
				`person.resume[${index}]`,
				`个人简历第${index + 1}条开始于 ${showMonth(from)}，当时推荐对象未满16周岁（出生日期 ${birth}）。简历从大中专院校毕业或参加工作填起（附件2填表说明六），请核对起始时间或出生年月。`
			)
		);
	});
	return issues;
}

/** The clause the as-of date comes from, e.g. 通知二(二)2②：截至2022年10月. */
function asOfClause(asOf: string): string {
	const { year, month } = yearMonthOf(asOf);
	return `通知二(二)2②：截至${year}年${month}月`;
}

/** A dated line of an award or punishment list. */
interface DatedLine {
	date: string;
	text: string;
}

function recordsAfter(
	lines: readonly DatedLine[],
	field: string,
	what: string,
	asOf: string
): Issue[] {
	const issues: Issue[] = [];
	lines.forEach((line, index) => {
		const date = parseLooseDate(line.date);
		if (!date || !isAfterDate(date, asOf)) return;
		issues.push(
			issue(
				'DATE-AFTER-ASOF',
				`${field}[${index}]`,
				`${what}“${line.text.trim()}”的日期 ${line.date.trim()} 晚于本次评选的截止日期 ${asOf}（${asOfClause(asOf)}）。请核对日期；尚未发生的不应填写。`
			)
		);
	});
	return issues;
}

/**
 * DATE-AFTER-ASOF for a person: an award, punishment, 简历 entry (its 至今 aside) or annual
 * assessment dated after the as-of date (通知二(二)2②：截至2022年10月). A month-only date in
 * the as-of month passes; an assessment of year Y is dated at the end of Y, so the as-of year's
 * own assessment (2022) is not yet made.
 */
export function checkPersonDates(person: PersonForm, params: CampaignParameters): Issue[] {
	const asOf = params.asOfDate;
	const asOfMonth = monthIndex(yearMonthOf(asOf));
	const issues = [
		...recordsAfter(person.awards, 'person.awards', '奖励', asOf),
		...recordsAfter(person.punishments, 'person.punishments', '处分', asOf)
	];
	person.resume.forEach((entry, index) => {
		const from = parseResumeMonth(entry.from);
		const to = entry.to.trim() === PRESENT ? null : parseResumeMonth(entry.to);
		const late = [from, to].find((value) => value && monthIndex(value) > asOfMonth);
		if (!late) return;
		issues.push(
			issue(
				'DATE-AFTER-ASOF',
				`person.resume[${index}]`,
				`个人简历第${index + 1}条的时间 ${showMonth(late)} 晚于本次评选的截止日期 ${asOf}（${asOfClause(asOf)}）。仍在进行的经历请写“至今”，请更正起止时间（附件2填表说明六）。`
			)
		);
	});
	person.assessments.forEach((assessment, index) => {
		if (`${assessment.year}-12-31` <= asOf) return;
		issues.push(
			issue(
				'DATE-AFTER-ASOF',
				`person.assessments[${index}]`,
				`${assessment.year}年度考核截至 ${asOf} 尚未进行，不应填写。请删除此条或更正年份（附件2“近五年考核情况”）。`
			)
		);
	});
	return issues;
}

/** DATE-AFTER-ASOF for a collective: an award or punishment dated after the as-of date (附件1). */
export function checkCollectiveDates(
	collective: CollectiveForm,
	params: CampaignParameters
): Issue[] {
	return [
		...recordsAfter(collective.awards, 'collective.awards', '奖励', params.asOfDate),
		...recordsAfter(collective.punishments, 'collective.punishments', '处分', params.asOfDate)
	];
}
