/**
 * Calendar-date helpers. Dates are plain 'YYYY-MM-DD' strings with no time and no zone, so
 * the same input gives the same answer in every time zone; arithmetic uses UTC day numbers.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a real calendar date 'YYYY-MM-DD', or null when it is not one. */
export function dayNumber(date: string): number | null {
	const match = ISO_DATE.exec(date);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const time = Date.UTC(year, month - 1, day);
	const check = new Date(time);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return null;
	if (check.getUTCDate() !== day) return null;
	return time / MS_PER_DAY;
}

/** True when the value is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is string {
	return typeof value === 'string' && dayNumber(value) !== null;
}

/** The 'YYYY-MM-DD' date of a day number (days since 1970-01-01). */
export function fromDayNumber(days: number): string {
	return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a date, throwing a RangeError (naming the value) when it is not a real date. */
export function requireDayNumber(date: string): number {
	const days = dayNumber(date);
	if (days === null)
		throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
	return days;
}

/** The date `n` calendar days after `date` (before it when n is negative). */
export function addDays(date: string, n: number): string {
	return fromDayNumber(requireDayNumber(date) + n);
}

/** Day of the week of a date: 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
	return new Date(requireDayNumber(date) * MS_PER_DAY).getUTCDay();
}

/** A month of a year, as written on the approval forms. */
export interface YearMonth {
	year: number;
	month: number;
}

/** Parses the forms' strict 'YYYY.MM' (attachment 2 note 5), or null. */
export function parseYearMonth(value: string): YearMonth | null {
	const match = /^(\d{4})\.(\d{2})$/.exec(value.trim());
	if (!match) return null;
	const month = Number(match[2]);
	if (month < 1 || month > 12) return null;
	return { year: Number(match[1]), month };
}

/** Months since year 0 of a year-month: consecutive months differ by one. */
export function monthIndex(value: YearMonth): number {
	return value.year * 12 + value.month - 1;
}

/** A date as found in award and punishment lists: day is null when only the month is given. */
export interface LooseDate {
	year: number;
	month: number;
	day: number | null;
}

const LOOSE_DATE = /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*(?:[.\-/月]\s*(?:(\d{1,2})\s*日?)?)?$/;

/**
 * Reads the dates units actually write in award and punishment lists: 2021.12, 2021.1,
 * 2021-12, 2021-12-05, 2021.12.05, 2021/12/5, 2021年12月, 2021年12月5日. Null when unreadable.
 */
export function parseLooseDate(value: string): LooseDate | null {
	const match = LOOSE_DATE.exec(value.trim());
	if (!match) return null;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = match[3] === undefined ? null : Number(match[3]);
	if (month < 1 || month > 12) return null;
	if (day !== null) {
		const iso = `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
		if (dayNumber(iso) === null) return null;
	}
	return { year, month, day };
}

/** True when a loose date lies before an ISO date (a month-only date compares by its month). */
export function isBeforeDate(value: LooseDate, date: string): boolean {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	if (value.year !== year) return value.year < year;
	if (value.month !== month) return value.month < month;
	return value.day !== null && value.day < day;
}

/** True when a loose date lies after an ISO date (a month-only date compares by its month). */
export function isAfterDate(value: LooseDate, date: string): boolean {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	if (value.year !== year) return value.year > year;
	if (value.month !== month) return value.month > month;
	return value.day !== null && value.day > day;
}

/** The year-month of an ISO date 'YYYY-MM-DD'. */
export function yearMonthOf(date: string): YearMonth {
	const [year, month] = date.split('-').map(Number) as [number, number];
	return { year, month };
}

/**
 * Full years of age on `date` of someone born on `birth` (both 'YYYY-MM-DD'): the birthday
 * itself counts, so a person born 2004-10-31 is 18 on 2022-10-31.
 */
export function ageOn(birth: string, date: string): number {
	const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
