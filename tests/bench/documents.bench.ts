/**
 * Documents (issue 10's budgets): the proposed list .docx for 305 candidates < 1 s, and the zip
 * of the demo's 555 approval forms < 5 s with memory flat — the zip is streamed into a counting
 * sink while memory is sampled. Besides wall time each build reports the process's CPU time
 * (user + system, from process.cpuUsage), which a shared machine inflates far less than the
 * wall clock, the peak RSS above the start of the run, and the load average when it ran. The
 * budgets are judged on the wall clock, the secretary's wait (the zip's forms are built on a
 * pool of worker threads, so its CPU time adds up every thread's): measure on a quiet machine. Runs on a fresh in-memory PGlite holding the 555-nomination
 * demo (reading the nominations is a small part; the documents' work is the same on PostgreSQL).
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inArray } from 'drizzle-orm';
import { parseInterchange } from '../../src/lib/domain/interchange';
import { openDatabase } from '../../src/lib/server/db';
import { candidate } from '../../src/lib/server/db/schema';
import { generateDemo } from '../../src/lib/server/demo';
import { listGroups, proposedStages } from '../../src/lib/server/export/entries';
import { approvalFormsZip, formSetIds } from '../../src/lib/server/export/forms';
import { proposedListDocx } from '../../src/lib/server/export/lists';
import { importNominations } from '../../src/lib/server/import/nominations';
import { createCampaign } from '../../src/lib/server/seed';
import { noFilters } from '../../src/lib/board/filters';
import { result, type BenchResult } from './measure';

const actor = { id: null, name: 'bench' };

/** One run's figures: wall and CPU milliseconds, peak RSS and heap growth (MB). */
interface Run {
	wall: number;
	cpu: number;
	rss: number;
	heap: number;
}

/** Runs `work` `runs` times, sampling memory every 10 ms; wall, CPU, peak RSS and heap growth. */
async function profile(runs: number, work: () => Promise<unknown>): Promise<Run[]> {
	const out: Run[] = [];
	for (let i = 0; i < runs; i++) {
		globalThis.gc?.();
		const base = process.memoryUsage();
		let rss = 0;
		let heap = 0;
		const sample = () => {
			const now = process.memoryUsage();
			rss = Math.max(rss, now.rss - base.rss);
			heap = Math.max(heap, now.heapUsed - base.heapUsed);
		};
		const sampler = setInterval(sample, 10);
		const cpu = process.cpuUsage();
		const start = performance.now();
		try {
			await work();
		} finally {
			clearInterval(sampler);
		}
		const wall = performance.now() - start;
		const used = process.cpuUsage(cpu);
		sample();
		out.push({ wall, cpu: (used.user + used.system) / 1000, rss: rss / 1e6, heap: heap / 1e6 });
	}
	return out;
}

const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' / ');

async function benchOn(label: string): Promise<BenchResult[]> {
	const database = await openDatabase({ migrationsFolder: path.resolve('drizzle') });
	const { db } = database;
	try {
		const campaignId = await createCampaign(db, `bench ${Date.now()}`, 'chongqing-2022');
		const parsed = parseInterchange(generateDemo().document);
		if (!parsed.ok) throw new Error('demo is not shortlist/v1');
		await importNominations(db, campaignId, parsed.document, actor);
		// 305 on the proposed list: the first ids up to the four quotas' sum.
		const ids = (await db.select({ id: candidate.id }).from(candidate)).map((r) => r.id);
		await db
			.update(candidate)
			.set({ stage: 'proposed' })
			.where(inArray(candidate.id, ids.slice(0, 305)));
		const list = await listGroups(db, campaignId, proposedStages, { comments: true });
		if (list.count !== 305) throw new Error(`expected 305 proposed, got ${list.count}`);
		const before = load();
		const lists = await profile(5, () => proposedListDocx(list));
		const all = await formSetIds(db, campaignId, noFilters);
		let bytes = 0;
		const zips = await profile(3, async () => {
			bytes = 0;
			await pipeline(
				await approvalFormsZip(db, campaignId, all, actor),
				new Writable({
					write(chunk: Buffer, _encoding, done) {
						bytes += chunk.length;
						done();
					}
				})
			);
		});
		const after = load();
		const line = (name: string, runs: Run[]) =>
			console.error(
				`  ${label} ${name}: ` +
					runs
						.map(
							(r) =>
								`wall ${r.wall.toFixed(0)} ms, CPU ${r.cpu.toFixed(0)} ms, peak RSS +${r.rss.toFixed(0)} MB, heap +${r.heap.toFixed(0)} MB`
						)
						.join(' | ')
			);
		line('proposed list', lists);
		line(`zip of ${all.length} forms (${(bytes / 1e6).toFixed(1)} MB)`, zips);
		console.error(`  load average (1/5/15 min) before ${before}, after ${after}`);
		return [
			result(
				`${label}: proposed list .docx, 305 candidates (wall)`,
				lists.map((r) => r.wall),
				1000
			),
			result(
				`${label}: proposed list .docx, 305 candidates (CPU)`,
				lists.map((r) => r.cpu),
				null
			),
			result(
				`${label}: approval forms .zip, ${all.length} forms (wall)`,
				zips.map((r) => r.wall),
				5000
			),
			result(
				`${label}: approval forms .zip, ${all.length} forms (CPU, every thread)`,
				zips.map((r) => r.cpu),
				null
			),
			result(
				`${label}: approval forms .zip, peak RSS growth`,
				zips.map((r) => r.rss),
				null,
				'max',
				'MB'
			)
		];
	} finally {
		await database.close();
	}
}

/** The list and zip benches (the documents' work is the same on either database). */
export function run(): Promise<BenchResult[]> {
	return benchOn('PGlite');
}
