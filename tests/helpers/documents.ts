/** Shared inputs and measurements for the import and export tests. */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { parseInterchange, type InterchangeDocument } from '../../src/lib/domain/interchange';
import type { Db } from '../../src/lib/server/db';
import { audit, candidate, consultation, finding, unit } from '../../src/lib/server/db/schema';
import { generateDemo } from '../../src/lib/server/demo';

/** A parsed copy of a shortlist/v1 value; throws on a structural error. */
export function parse(value: unknown): InterchangeDocument {
	const parsed = parseInterchange(structuredClone(value));
	if (!parsed.ok) throw new Error(`not shortlist/v1: ${JSON.stringify(parsed.errors[0])}`);
	return parsed.document;
}

/** The shared example file (`../shared/examples/sample.json`, beside the repository). */
export const sample = (): InterchangeDocument =>
	parse(JSON.parse(readFileSync('../shared/examples/sample.json', 'utf8')));

/** The demo document as generated, before parsing. */
export const demoValue = generateDemo().document;
/** A fresh parsed copy of the demo's 555 nominations. */
export const demo = (): InterchangeDocument => parse(demoValue);

/** Row counts of everything an import writes. */
export async function counts(db: Db) {
	const count = async (
		table: typeof candidate | typeof unit | typeof finding | typeof consultation | typeof audit
	) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
	return {
		candidates: await count(candidate),
		units: await count(unit),
		findings: await count(finding),
		consultations: await count(consultation),
		audits: await count(audit),
		versions: (
			await db.select({ n: sql<number>`coalesce(sum(version), 0)::int` }).from(candidate)
		)[0]?.n
	};
}

/** XML's five escapes, as the docx writer uses them. */
const entities: Record<string, string> = {
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&apos;': "'"
};

/** The paragraphs of a .docx's main text in order, each its runs' text joined (tables included). */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
	const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
	return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) =>
		[...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
			.map((text) => text[1]!.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => entities[e]!))
			.join('')
	);
}
