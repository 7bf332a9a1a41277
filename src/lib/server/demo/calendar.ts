/**
 * Working days of autumn 2022 under the State Council's holiday schedule (国办发明电〔2021〕11号):
 * 9-10…9-12 (中秋) and 10-1…10-7 (国庆) off, Saturday 10-8 and Sunday 10-9 worked. The demo
 * only dates things between September and November 2022, so no other year is needed here.
 */
const HOLIDAYS_2022 = new Set([
	'2022-09-10',
	'2022-09-11',
	'2022-09-12',
	'2022-10-01',
	'2022-10-02',
	'2022-10-03',
	'2022-10-04',
	'2022-10-05',
	'2022-10-06',
	'2022-10-07'
]);

/** Weekend days that were worked in lieu (调休上班) in autumn 2022. */
const MAKE_UP_DAYS_2022 = new Set(['2022-10-08', '2022-10-09']);

/** Shift a `YYYY-MM-DD` date by whole calendar days (UTC arithmetic, no clock involved). */
export function addCalendarDays(isoDate: string, days: number): string {
	const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whether a `YYYY-MM-DD` date in autumn 2022 is a working day of the official calendar. */
export function isWorkingDay(isoDate: string): boolean {
	if (MAKE_UP_DAYS_2022.has(isoDate)) return true;
	if (HOLIDAYS_2022.has(isoDate)) return false;
	const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
	const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
	return weekday !== 0 && weekday !== 6;
}

/** The working day `count` working days after (positive) or before (negative) `isoDate`. */
export function addWorkingDays(isoDate: string, count: number): string {
	const step = count < 0 ? -1 : 1;
	let date = isoDate;
	for (let left = Math.abs(count); left > 0;) {
		date = addCalendarDays(date, step);
		if (isWorkingDay(date)) left--;
	}
	return date;
}

/** Working days from `start` to `end`, both inclusive. */
export function countWorkingDays(start: string, end: string): number {
	let count = 0;
	for (let date = start; date <= end; date = addCalendarDays(date, 1)) {
		if (isWorkingDay(date)) count++;
	}
	return count;
}

/** Working days of October 2022 on which a unit's 5-working-day notice may start. */
export const NOTICE_START_DAYS: readonly string[] = [
	'2022-10-08',
	'2022-10-09',
	'2022-10-10',
	'2022-10-11',
	'2022-10-12',
	'2022-10-13',
	'2022-10-14',
	'2022-10-17',
	'2022-10-18',
	'2022-10-19'
];

/** The notice's submission deadline (四(四)): 2022-10-28. */
export const SUBMISSION_DEADLINE = '2022-10-28';
