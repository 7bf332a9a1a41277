/**
 * Validate and import the demo's 555 nominations (issue 3's budgets: validate < 1 s, import
 * < 2 s), and validate 5,000 nominations (issue 12: < 1 s). Import runs on a fresh in-memory PGlite each time, and on a fresh PostgreSQL database
 * when DATABASE_URL is set.
 */
import { parseInterchange } from '../../src/lib/domain/interchange';
import { validateDocument } from '../../src/lib/domain/rules/validate';
import { generateDemo } from '../../src/lib/server/demo';
import { importNominations } from '../../src/lib/server/import/nominations';
import { measure, result, type BenchResult } from './measure';
import { benchTargets, type Target } from './targets';

const VALIDATE_RUNS = 20;
const IMPORT_RUNS = 5;

/** Validate (parse + validateDocument) and import of the 555-nomination demo. */
export async function run(): Promise<BenchResult[]> {
	const value = generateDemo().document;
	const text = JSON.stringify(value);
	const parseAndValidate = () => {
		const parsed = parseInterchange(JSON.parse(text));
		if (!parsed.ok) throw new Error('the demo is not shortlist/v1');
		return validateDocument(parsed.document);
	};
	parseAndValidate(); // warm-up: module initialisation and JIT
	const results = [
		result(
			`validate ${value.nominations.length} (parse + rules)`,
			await measure(VALIDATE_RUNS, parseAndValidate, () => null),
			1000,
			'p99'
		)
	];
	// Issue 12's budget: validate of 5,000 nominations under 1 s — ten seeds' demos, refs made
	// unique (the same units and many of the same people: duplicates and unit limits fire too).
	const large = {
		...value,
		nominations: Array.from({ length: 10 }, (_, i) => generateDemo(i + 1).document.nominations)
			.flat()
			.slice(0, 5000)
			.map((n, i) => ({ ...n, ref: `${n.ref}#${i}` }))
	};
	const largeText = JSON.stringify(large);
	const validateLarge = () => {
		const parsedLarge = parseInterchange(JSON.parse(largeText));
		if (!parsedLarge.ok) throw new Error('the large document is not shortlist/v1');
		return validateDocument(parsedLarge.document);
	};
	validateLarge();
	results.push(
		result(
			`validate ${large.nominations.length} (parse + rules)`,
			await measure(VALIDATE_RUNS, validateLarge, () => null),
			1000,
			'p99'
		)
	);
	const parsed = parseInterchange(value);
	if (!parsed.ok) throw new Error('the demo is not shortlist/v1');
	const importInto = (target: Target) =>
		importNominations(target.database.db, target.campaignId, parsed.document, {
			id: null,
			name: 'bench'
		});
	for (const [label, fresh] of benchTargets()) {
		const durations = await measure(IMPORT_RUNS, importInto, fresh, (target) => target.drop());
		results.push(
			result(`import ${value.nominations.length} into fresh ${label}`, durations, 2000, 'max')
		);
	}
	return results;
}
