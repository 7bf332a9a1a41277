/**
 * 个人简历 continuity (attachment 2 note 6: 精确到月，不得断档). Entries are in order; each
 * has a start and an end month written YYYY.MM (YYYY.M accepted), and only the last may end
 * 至今. The next entry starts in the month the previous one ended or the month after: both
 * conventions are common (干部任免审批表 style "2009.12—2009.12" and "2009.12—2010.01").
 * A later start is a gap, an earlier one an overlap.
 */
import { monthIndex, type YearMonth } from './dates';

/** One 简历 line as written on the form. */
export interface ResumeEntry {
	from: string;
	to: string;
	text: string;
}

/** A continuity problem in entry `index` (0-based). */
export interface ResumeProblem {
	index: number;
	kind: 'not-to-month' | 'present-not-last' | 'reversed' | 'gap' | 'overlap';
	message: string;
}

/** The word that marks an entry still running. */
export const PRESENT = '至今';

/** Reads a 简历 month: YYYY.MM or YYYY.M, or null. */
export function parseResumeMonth(value: string): YearMonth | null {
	const match = /^(\d{4})\.(\d{1,2})$/.exec(value.trim());
	if (!match) return null;
	const month = Number(match[2]);
	return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

const show = (value: YearMonth) => `${value.year}.${String(value.month).padStart(2, '0')}`;

/** Every continuity problem of a resume, in entry order; [] when it is continuous. */
export function checkResume(entries: readonly ResumeEntry[]): ResumeProblem[] {
	const problems: ResumeProblem[] = [];
	let previousEnd: YearMonth | null = null;
	entries.forEach((entry, index) => {
		const from = parseResumeMonth(entry.from);
		const isPresent = entry.to.trim() === PRESENT;
		const to = isPresent ? null : parseResumeMonth(entry.to);
		const line = `第${index + 1}条`;
		if (!from || (!to && !isPresent)) {
			problems.push({
				index,
				kind: 'not-to-month',
				message: `${line}起止时间应精确到月，写作 YYYY.MM（末条可写“至今”）`
			});
			previousEnd = null;
			return;
		}
		if (isPresent && index < entries.length - 1) {
			problems.push({
				index,
				kind: 'present-not-last',
				message: `${line}写了“至今”，但它不是最后一条`
			});
		}
		if (to && monthIndex(to) < monthIndex(from)) {
			problems.push({
				index,
				kind: 'reversed',
				message: `${line}结束时间 ${show(to)} 早于开始时间 ${show(from)}`
			});
		}
		if (previousEnd) {
			const step = monthIndex(from) - monthIndex(previousEnd);
			if (step > 1) {
				problems.push({
					index,
					kind: 'gap',
					message: `${show(previousEnd)} 至 ${show(from)} 之间断档`
				});
			} else if (step < 0) {
				problems.push({
					index,
					kind: 'overlap',
					message: `${line}开始于 ${show(from)}，与上一条（至 ${show(previousEnd)}）重叠`
				});
			}
		}
		previousEnd = to;
	});
	return problems;
}
