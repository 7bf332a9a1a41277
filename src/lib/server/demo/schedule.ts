import { addWorkingDays, ISSUED_ON, NOTICE_START_DAYS, SUBMISSION_DEADLINE } from './calendar';
import type { Rng } from './prng';

/** A unit's dates: consultations, its own public notice, and submission (all `YYYY-MM-DD`). */
export interface UnitSchedule {
	consultedOn: string;
	unitNotice: { start: string; end: string };
	submittedAt: string;
}

/**
 * Consult first (not before the notice's issue date), then a 5-working-day notice, then submit
 * after it ends and by 2022-10-28 (三(一): 征求意见 → 党组同意 → 公示5个工作日 → 报送).
 */
export function drawSchedule(rng: Rng): UnitSchedule {
	const start = rng.pick(NOTICE_START_DAYS);
	const end = addWorkingDays(start, 4);
	let submittedAt = addWorkingDays(end, rng.int(1, 4));
	if (submittedAt > SUBMISSION_DEADLINE) submittedAt = SUBMISSION_DEADLINE;
	const consultedOn = addWorkingDays(start, -rng.int(1, 3));
	return {
		consultedOn: consultedOn < ISSUED_ON ? ISSUED_ON : consultedOn,
		unitNotice: { start, end },
		submittedAt
	};
}
