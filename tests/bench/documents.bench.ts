/**
 * Documents (issue 10's budgets): the proposed list .docx for 305 candidates < 1 s, and the zip
 * of the demo's 555 approval forms < 5 s with memory flat — the zip is streamed into a counting
 * sink while the heap is sampled; the figure reported besides the time is the heap's growth.
 * Runs on a fresh in-memory PGlite holding the 555-nomination demo.
 */
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
import { measure, result, type BenchResult } from './measure';

const actor = { id: null, name: 'bench' };

/** The list and zip benches. */
export async function run(): Promise<BenchResult[]> {
	const database = await openDatabase({ migrationsFolder: path.resolve('drizzle') });
	const { db } = database;
	try {
		const campaignId = await createCampaign(db, 'bench', 'chongqing-2022');
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
		const docx = await measure(
			5,
			() => proposedListDocx(list),
			() => undefined
		);
		const all = await formSetIds(db, campaignId, noFilters);
		let peak = 0;
		let bytes = 0;
		const zips = await measure(
			3,
			async () => {
				globalThis.gc?.();
				const base = process.memoryUsage().heapUsed;
				const sampler = setInterval(() => {
					peak = Math.max(peak, process.memoryUsage().heapUsed - base);
				}, 20);
				bytes = 0;
				try {
					await pipeline(
						await approvalFormsZip(db, campaignId, all, actor),
						new Writable({
							write(chunk: Buffer, _encoding, done) {
								bytes += chunk.length;
								done();
							}
						})
					);
				} finally {
					clearInterval(sampler);
				}
			},
			() => undefined
		);
		console.error(
			`  zip of ${all.length} forms: ${(bytes / 1e6).toFixed(1)} MB, heap growth peak ${(peak / 1e6).toFixed(1)} MB`
		);
		return [
			result('proposed list .docx, 305 candidates', docx, 1000),
			result(`approval forms .zip, ${all.length} forms (streamed)`, zips, 5000)
		];
	} finally {
		await database.close();
	}
}
