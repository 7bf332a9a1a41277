/**
 * Approval forms built on worker threads (issue 10's zip budget): a form from the pool is the
 * form the calling thread builds, the pool starts its workers on the first form, and a worker
 * that dies does not lose a form — it and every later one are built on the calling thread.
 */
import { availableParallelism } from 'node:os';
import JSZip from 'jszip';
import { afterAll, expect, test } from 'vitest';
import { parseInterchange, type Nomination } from '../../src/lib/domain/interchange';
import { generateDemo } from '../../src/lib/server/demo';
import { approvalFormDocx } from '../../src/lib/server/export/approval-form';
import { formPool } from '../../src/lib/server/export/form-pool';
import { docxParagraphs } from '../helpers/documents';

const parsed = parseInterchange(generateDemo().document);
if (!parsed.ok) throw new Error('the demo is not shortlist/v1');
/** One nomination of each track. */
const sample: Nomination[] = (['collective', 'individual', 'suggestion'] as const).map((track) =>
	parsed.document.nominations.find((n) => n.track === track)!
);

/**
 * The form's text part (the package's dates differ from one build to the next, and a drawing's
 * id counts the drawings its thread has made).
 */
const body = async (bytes: Buffer) =>
	(await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(
		/<wp:docPr id="\d+"/g,
		'<wp:docPr id=""'
	);

afterAll(() => formPool.stop());

test('a form from the pool is the form built here, for every track', async () => {
	const pooled = await Promise.all(sample.map((n) => formPool.build(n)));
	if (availableParallelism() > 1) expect(formPool.running).toBeGreaterThan(0);
	for (const [index, nomination] of sample.entries()) {
		expect(await body(pooled[index]!)).toBe(await body(await approvalFormDocx(nomination)));
	}
});

test('a worker prints the 推荐单位 the register gives the nomination’s unit', async () => {
	const [collective] = sample;
	const covers = async (reportingBody: string | null) =>
		(
			await docxParagraphs(
				await formPool.build({ ...collective!, unit: { ...collective!.unit, reportingBody } })
			)
		).filter((p) => p.startsWith('推荐单位：'));
	expect(await covers('渝中区人大常委会')).toEqual(['推荐单位：渝中区人大常委会']);
	expect(await covers(null)).toEqual([`推荐单位：${collective!.unit.name}`]);
	if (availableParallelism() > 1) expect(formPool.running).toBeGreaterThan(0);
});

test('a worker that dies loses no form: the rest are built on this thread', async () => {
	await formPool.build(sample[0]!);
	const slots = (formPool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] })
		.slots;
	const forms = sample.map((n) => formPool.build(n));
	await Promise.all(slots.map((slot) => slot.worker.terminate()));
	const built = await Promise.all(forms);
	expect(built).toHaveLength(sample.length);
	for (const [index, nomination] of sample.entries()) {
		expect(await body(built[index]!)).toBe(await body(await approvalFormDocx(nomination)));
	}
	expect(formPool.running).toBe(0);
});
