/** Timing helpers for bench modules (see run.ts for the contract). */

/** One measured figure set. */
export interface BenchResult {
	name: string;
	runs: number;
	p50: number;
	p99: number;
	mean: number;
	max: number;
	/** Budget in ms for the `judged` figure; null when there is none. */
	budget: number | null;
	judged: 'p50' | 'p99' | 'mean' | 'max';
	pass: boolean;
	/** What the figures count: milliseconds unless said (a size in KB, a memory in MB). */
	unit?: 'ms' | 'KB' | 'MB';
}

/** Times `work` `runs` times (after `setup` each time, untimed); returns the durations in ms. */
export async function measure<T>(
	runs: number,
	work: (input: T) => Promise<unknown> | unknown,
	setup: () => Promise<T> | T,
	teardown?: (input: T) => Promise<unknown> | unknown
): Promise<number[]> {
	const durations: number[] = [];
	for (let i = 0; i < runs; i++) {
		const input = await setup();
		const start = performance.now();
		await work(input);
		durations.push(performance.now() - start);
		await teardown?.(input);
	}
	return durations;
}

/** Percentile by nearest rank. */
function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Summarises durations into a BenchResult judged against `budget` (ms) on `judged`. */
export function result(
	name: string,
	durations: number[],
	budget: number | null,
	judged: BenchResult['judged'] = 'p50',
	unit: BenchResult['unit'] = 'ms'
): BenchResult {
	const sorted = [...durations].sort((a, b) => a - b);
	const figures = {
		p50: percentile(sorted, 50),
		p99: percentile(sorted, 99),
		mean: sorted.reduce((sum, d) => sum + d, 0) / sorted.length,
		max: sorted.at(-1) ?? NaN
	};
	const pass = budget === null || figures[judged] <= budget;
	return { name, runs: sorted.length, ...figures, budget, judged, pass, unit };
}
