/** `validate FILE [--json]`: the findings of a `shortlist/v1` file, without any database. */
import { parseArgs } from 'node:util';
import { validateDocument } from '../../src/lib/domain/rules/validate';
import { UsageError, writeOut } from './errors';
import { formatFindingsReport } from './findings-table';
import { readDocumentFile } from './read-document';
import { terminalJson } from './terminal-text';

/**
 * Prints the findings (SPEC §10 output object with `--json`, else the Chinese report) and
 * returns the exit code: 1 when any finding is an error, else 0. Unreadable or structurally
 * broken files throw InputFileError (exit 2).
 */
export async function validateCommand(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { json: { type: 'boolean', default: false } }
	});
	const [file, ...extra] = positionals;
	if (!file || extra.length > 0)
		throw new UsageError('validate 需要且只需要一个文件：validate FILE [--json]');
	const { document } = await readDocumentFile(file);
	const findings = validateDocument(document);
	if (values.json) {
		const output = {
			findings: findings.map(({ ref, code, severity, field, message }) => ({
				ref,
				code,
				severity,
				field,
				message
			}))
		};
		await writeOut(`${terminalJson(JSON.stringify(output, null, 2))}\n`);
	} else {
		await writeOut(formatFindingsReport(document, findings));
	}
	return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
