/**
 * Intake of the spreadsheet template (issue 10's budget: `.xlsx` import of 555 rows < 2 s): the
 * demo's 555 nominations written into the three tracks' templates, then read (exceljs), previewed
 * (read + checks against the campaign, nothing written) and imported through the upload service's
 * confirm (read again + import in one transaction) into a fresh campaign — on PGlite, and on
 * PostgreSQL when DATABASE_URL is set.
 */
import { nominationTracks, presets } from '../../src/lib/domain/campaign';
import { generateDemo } from '../../src/lib/server/demo';
import { readTemplateXlsx } from '../../src/lib/server/intake/read-xlsx';
import { templateXlsx } from '../../src/lib/server/intake/template';
import {
	confirmUpload,
	previewUpload,
	uploadDigest,
	type Uploader,
	type UploadFile
} from '../../src/lib/server/intake/upload';
import { createUser } from '../../src/lib/server/users';
import { parse } from '../helpers/documents';
import { measure, result, type BenchResult } from './measure';
import { benchTargets, type Target } from './targets';

const READ_RUNS = 10;
const IMPORT_RUNS = 5;

/** A fresh target with a secretary to import as (the audit row names a real user). */
async function withUploader(fresh: () => Promise<Target>) {
	const target = await fresh();
	const user = await createUser(target.database.db, {
		username: 'bench-intake',
		displayName: '秘书',
		password: 'bench-intake-1'
	});
	const uploader: Uploader = {
		id: user.id,
		name: '秘书',
		access: { role: 'secretary', unitId: null }
	};
	return { target, uploader };
}

export async function run(): Promise<BenchResult[]> {
	const parameters = presets['chongqing-2022'];
	const nominations = parse(generateDemo().document).nominations;
	const files: UploadFile[] = await Promise.all(
		nominationTracks.map(async (track) => ({
			name: `${track}.xlsx`,
			bytes: await templateXlsx(
				track,
				parameters,
				nominations.filter((n) => n.track === track)
			)
		}))
	);
	const rows = nominations.length;
	const read = async () => {
		let count = 0;
		for (const file of files)
			count += (await readTemplateXlsx(file.bytes, file.name, parameters)).drafts.length;
		if (count !== rows) throw new Error(`read ${count} rows, expected ${rows}`);
	};
	await read(); // warm-up
	const results = [
		result(
			`read ${rows} rows of .xlsx (3 templates)`,
			await measure(READ_RUNS, read, () => null),
			null,
			'p50'
		)
	];
	const digest = uploadDigest(files);
	for (const [label, fresh] of benchTargets()) {
		const preview = await measure(
			IMPORT_RUNS,
			async ({ target, uploader }) => {
				const shown = await previewUpload(target.database.db, target.campaignId, uploader, files);
				if (shown.created !== rows) throw new Error(`preview of ${shown.created} new`);
			},
			() => withUploader(fresh),
			({ target }) => target.drop()
		);
		results.push(result(`preview ${rows} rows of .xlsx, ${label}`, preview, null, 'p50'));
		const imported = await measure(
			IMPORT_RUNS,
			async ({ target, uploader }) => {
				const summary = await confirmUpload(
					target.database.db,
					target.campaignId,
					uploader,
					files,
					digest
				);
				if (summary.created !== rows) throw new Error(`imported ${summary.created} new`);
			},
			() => withUploader(fresh),
			({ target }) => target.drop()
		);
		results.push(result(`.xlsx import of ${rows} rows into fresh ${label}`, imported, 2000, 'max'));
	}
	return results;
}
