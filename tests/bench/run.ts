/**
 * `npm run bench`: runs every `tests/bench/*.bench.ts` and prints one table. Not a test and not
 * run in CI — figures depend on the machine.
 *
 * Contract for a bench module `tests/bench/<name>.bench.ts`: export
 * `run(): Promise<BenchResult[]>` (type in ./measure). Each result has `name` (what was measured,
 * with its size), `runs`, the figures `p50`, `p99`, `mean`, `max` in milliseconds (or in the
 * result's `unit`: KB for sizes, MB for memory), `budget` in the same unit (null for none),
 * `judged` (which figure the budget applies to) and `pass`.
 * Build them with `measure()` and `result()` from ./measure — import those from there, never
 * from this file: the runner awaits the modules it loads, so importing it back would deadlock.
 * A module may read DATABASE_URL to add PostgreSQL figures; it creates and drops what it uses.
 * The runner exits 1 when any result is over its budget. `npm run bench -- <name>…` runs only
 * the named modules (`yjs` for tests/bench/yjs.bench.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './measure';

export type { BenchResult };

async function main(): Promise<void> {
	const folder = path.dirname(fileURLToPath(import.meta.url));
	// `npm run bench -- yjs board` runs only those modules; no argument runs them all.
	const only = process.argv.slice(2);
	const modules = readdirSync(folder)
		.filter((file) => file.endsWith('.bench.ts'))
		.filter((file) => only.length === 0 || only.includes(file.replace(/\.bench\.ts$/, '')))
		.sort();
	const results: BenchResult[] = [];
	for (const file of modules) {
		const bench = (await import(pathToFileURL(path.join(folder, file)).href)) as {
			run?: () => Promise<BenchResult[]>;
		};
		if (typeof bench.run !== 'function') throw new Error(`${file} does not export run()`);
		console.error(`… ${file}`);
		results.push(...(await bench.run()));
	}
	const figure = (value: number, unit = 'ms') => `${value.toFixed(1)} ${unit}`;
	console.table(
		results.map((r) => ({
			bench: r.name,
			runs: r.runs,
			p50: figure(r.p50, r.unit),
			p99: figure(r.p99, r.unit),
			mean: figure(r.mean, r.unit),
			budget: r.budget === null ? '—' : `${r.judged} < ${r.budget} ${r.unit ?? 'ms'}`,
			result: r.pass ? 'pass' : 'OVER BUDGET'
		}))
	);
	if (results.some((r) => !r.pass)) process.exitCode = 1;
}

await main();
