/**
 * 个人简历 continuity (attachment 2 note 6: 精确到月，不得断档). Each entry has a start and an
 * end month written YYYY.MM (YYYY.M accepted); an entry still running ends 至今 (the as-of
 * month). Entries may run side by side — 在职学习 beside a job — so gaps are judged on the
 * union of the periods: a gap is a month between the first start and the last end that no
 * entry covers. An entry may start in the month the previous one ended or the month after:
 * both conventions are common (“2009.12—2009.12” and “2009.12—2010.01”). Entries that share
 * more than such a hand-over month overlap: worth a look, never a gap.
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
	kind: 'not-to-month' | 'reversed' | 'gap' | 'overlap';
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
const fromIndex = (index: number): YearMonth => ({
	year: Math.floor(index / 12),
	month: (index % 12) + 1
});

/** A readable period of an entry, as month indexes (end of 至今 = the as-of month). */
interface Period {
	index: number;
	from: number;
	to: number;
}

/** True when two periods share more than a hand-over month (one ends in the month the other starts). */
function overlaps(a: Period, b: Period): boolean {
	const shared = Math.min(a.to, b.to) - Math.max(a.from, b.from) + 1;
	if (shared <= 0) return false;
	if (shared === 1 && (a.to === b.from || b.to === a.from)) return false;
	return true;
}

/**
 * Every continuity problem of a resume, in entry order; [] when it is continuous.
 * `asOf` is the month 至今 stands for (the campaign's as-of month).
 */
export function checkResume(entries: readonly ResumeEntry[], asOf: YearMonth): ResumeProblem[] {
	const problems: ResumeProblem[] = [];
	const periods: Period[] = [];
	const now = monthIndex(asOf);
	entries.forEach((entry, index) => {
		const from = parseResumeMonth(entry.from);
		const isPresent = entry.to.trim() === PRESENT;
		const to = isPresent ? null : parseResumeMonth(entry.to);
		const line = `第${index + 1}条`;
		if (!from || (!to && !isPresent)) {
			problems.push({
				index,
				kind: 'not-to-month',
				message: `${line}起止时间应精确到月，写作 YYYY.MM（仍在进行的写“至今”）`
			});
			return;
		}
		if (to && monthIndex(to) < monthIndex(from)) {
			problems.push({
				index,
				kind: 'reversed',
				message: `${line}结束时间 ${show(to)} 早于开始时间 ${show(from)}`
			});
			return;
		}
		const end = to ? monthIndex(to) : Math.max(now, monthIndex(from));
		periods.push({ index, from: monthIndex(from), to: end });
	});
	// Overlaps: each entry against the entries listed before it (reported once per entry).
	periods.forEach((period, position) => {
		const other = periods.slice(0, position).find((earlier) => overlaps(earlier, period));
		if (!other) return;
		problems.push({
			index: period.index,
			kind: 'overlap',
			message: `第${period.index + 1}条（${show(fromIndex(period.from))} 起）与第${other.index + 1}条时间重叠`
		});
	});
	// Gaps on the union: sweep the periods by start month.
	const sorted = [...periods].sort((a, b) => a.from - b.from || a.index - b.index);
	let coveredTo: number | null = null;
	for (const period of sorted) {
		if (coveredTo !== null && period.from > coveredTo + 1) {
			problems.push({
				index: period.index,
				kind: 'gap',
				message: `${show(fromIndex(coveredTo))} 至 ${show(fromIndex(period.from))} 之间断档`
			});
		}
		coveredTo = coveredTo === null ? period.to : Math.max(coveredTo, period.to);
	}
	return problems.sort((a, b) => a.index - b.index);
}
