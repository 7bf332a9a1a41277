import type { Rng } from './prng';
import type { ResumeEntry } from './types';

/** A month as a running index (year × 12 + month − 1), so spans are plain subtraction. */
export function monthIndex(year: number, month: number): number {
	return year * 12 + month - 1;
}

/** `YYYY.MM` of a month index. */
export function formatMonth(index: number): string {
	return `${Math.floor(index / 12)}.${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The as-of month for tenure (截至2022年10月). */
export const AS_OF_MONTH = monthIndex(2022, 10);

/** Age at which a career starts, by highest education. */
function careerStartAge(education: string): number {
	if (education.startsWith('研究生')) return 25;
	if (education.startsWith('大学本科')) return 22;
	if (education === '大专') return 21;
	if (education === '中专') return 19;
	return 18;
}

/** What a resume needs: when the person was born, their schooling and the jobs they held. */
export interface CareerPlan {
	birthYear: number;
	education: string;
	/** Earlier jobs, oldest first. */
	earlier: string[];
	current: string;
	/** Latest month the current job may have started (e.g. tenure rules for liaison staff). */
	currentStartsBy: number;
}

/** The resume and when the current post began (month index). */
export interface Career {
	resume: ResumeEntry[];
	currentFrom: number;
}

/**
 * A gap-free resume to the month, from the first job after school to the current post (至今):
 * every entry starts the month after the previous one ends (attachment 2 note 6).
 */
export function buildCareer(rng: Rng, plan: CareerPlan): Career {
	const start = monthIndex(plan.birthYear + careerStartAge(plan.education), 7);
	const latest = Math.min(plan.currentStartsBy, monthIndex(2022, 6));
	const earliestCurrent = start + Math.min(24 * plan.earlier.length, Math.max(0, latest - start));
	const currentFrom = rng.int(Math.min(earliestCurrent, latest), latest);
	const earlier = plan.earlier.slice(0, Math.max(0, Math.floor((currentFrom - start) / 12)));

	const cuts: number[] = [start];
	let from = start;
	for (let i = 1; i < earlier.length; i++) {
		const remaining = earlier.length - i;
		const room = currentFrom - from - 12 * (remaining + 1);
		from += 12 + (room > 0 ? rng.int(0, room) : 0);
		cuts.push(from);
	}
	const resume: ResumeEntry[] = earlier.map((text, i) => ({
		from: formatMonth(cuts[i] ?? start),
		to: formatMonth((cuts[i + 1] ?? currentFrom) - 1),
		text
	}));
	const currentStart = earlier.length ? currentFrom : start;
	resume.push({ from: formatMonth(currentStart), to: '至今', text: plan.current });
	return { resume, currentFrom: currentStart };
}

/** Years in the current post as of October 2022, in half-year steps (as the form asks: 3.5). */
export function yearsSince(fromMonth: number): number {
	return Math.floor((AS_OF_MONTH - fromMonth) / 6) / 2;
}
