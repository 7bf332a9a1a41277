/**
 * Working days of the Chinese official calendar (State Council yearly holiday schedule, with
 * 调休 make-up working days). Used for the units' own public notice (通知三(一)、四(一)1: 公示5个
 * 工作日) and the final public notice (三(四)).
 *
 * Source: the `chinese-days` package's published data file (dist/chinese-days.json, documented
 * in its README), which lists every official holiday and make-up working day from 2004. We read
 * the data rather than call the package's functions because those parse dates in the host's
 * time zone and give wrong answers west of UTC; a date here is a plain 'YYYY-MM-DD'.
 */
import calendarData from 'chinese-days/dist/chinese-days.json';
import { fromDayNumber, requireDayNumber, weekday } from './dates';

interface CalendarData {
	holidays: Record<string, string>;
	workdays: Record<string, string>;
}

const { holidays, workdays } = calendarData as CalendarData;

const coveredYears = Object.keys(holidays).map((date) => Number(date.slice(0, 4)));

/** The years whose official schedule is known (2004 through at least 2026). */
export const calendarCoverage = {
	firstYear: Math.min(...coveredYears),
	lastYear: Math.max(...coveredYears)
} as const;

/** True when the official holiday schedule of the date's year is known. */
export function isCalendarCovered(date: string): boolean {
	requireDayNumber(date);
	const year = Number(date.slice(0, 4));
	return year >= calendarCoverage.firstYear && year <= calendarCoverage.lastYear;
}

/**
 * True when `date` ('YYYY-MM-DD') is an official working day: a make-up working day, or a Monday
 * to Friday that is not a public holiday. Outside the covered years only weekends are days off.
 * Throws a RangeError when `date` is not a real calendar date.
 */
export function isWorkingDay(date: string): boolean {
	if (workdays[date] !== undefined) return true;
	const day = weekday(date);
	return day >= 1 && day <= 5 && holidays[date] === undefined;
}

/** Number of working days from `start` to `end`, both included; 0 when `end` is before `start`. */
export function countWorkingDays(start: string, end: string): number {
	const first = requireDayNumber(start);
	const last = requireDayNumber(end);
	let count = 0;
	for (let day = first; day <= last; day++) {
		if (isWorkingDay(fromDayNumber(day))) count++;
	}
	return count;
}

/**
 * The last day of a notice of `n` working days that starts on `start`: `start` counts as the
 * first day when it is a working day, otherwise the notice begins on the next working day.
 * addWorkingDays('2022-10-17', 5) is '2022-10-21'. Throws a RangeError unless n is a positive integer.
 */
export function addWorkingDays(start: string, n: number): string {
	if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be ≥ 1, got ${n}`);
	let day = requireDayNumber(start);
	let remaining = isWorkingDay(start) ? n - 1 : n;
	while (remaining > 0) {
		day++;
		if (isWorkingDay(fromDayNumber(day))) remaining--;
	}
	return fromDayNumber(day);
}
