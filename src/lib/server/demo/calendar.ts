/**
 * Date steps for the demo's schedule, on the official calendar of the domain module (State
 * Council holiday schedule with make-up working days).
 */
import { presets } from '../../domain/campaign';
import { addDays } from '../../domain/dates';
import { isWorkingDay } from '../../domain/working-days';

/** The working day `count` working days after (positive) or before (negative) `isoDate`. */
export function addWorkingDays(isoDate: string, count: number): string {
	const step = count < 0 ? -1 : 1;
	let date = isoDate;
	for (let left = Math.abs(count); left > 0;) {
		date = addDays(date, step);
		if (isWorkingDay(date)) left--;
	}
	return date;
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

/** The notice's submission deadline (四(四)). */
export const SUBMISSION_DEADLINE = presets['chongqing-2022'].submissionDeadline;
