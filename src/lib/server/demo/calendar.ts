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

/**
 * Working days on which a unit's 5-working-day notice may start: after the notice was issued
 * (2022-10-17, with a day for the consultations) and early enough to end, and be submitted,
 * by the 2022-10-28 deadline.
 */
export const NOTICE_START_DAYS: readonly string[] = [
	'2022-10-18',
	'2022-10-19',
	'2022-10-20',
	'2022-10-21'
];

/** The notice's issue date (落款 2022年10月17日): no consultation or unit notice before it. */
export const ISSUED_ON = presets['chongqing-2022'].issuedOn ?? '2022-10-17';

/** The notice's submission deadline (四(四)). */
export const SUBMISSION_DEADLINE = presets['chongqing-2022'].submissionDeadline;
