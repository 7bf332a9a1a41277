/**
 * `import FILE [--campaign ID] [--name N] [--restore]`: stores a `shortlist/v1` file, all or
 * nothing. `--restore` restores a backup with its stages; without it a file with stages is refused.
 */
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import type { Severity } from '../../src/lib/domain/rules/finding';
import type { Database } from '../../src/lib/server/db';
import { finding } from '../../src/lib/server/db/schema';
import { campaignNameFor, createCampaignFromBlock } from '../../src/lib/server/import/campaign';
import {
	importNominations,
	type ImportActor,
	type ImportSummary
} from '../../src/lib/server/import/nominations';
import {
	assertImportable,
	ImportRefusedError,
	type ImportMode
} from '../../src/lib/server/import/preflight';
import { restoreBackup, type RestoreSummary } from '../../src/lib/server/import/restore';
import type { InterchangeDocument } from '../../src/lib/domain/interchange';
import { resolveCampaignId } from './accounts';
import { withDatabase } from './database';
import { reasonOf, UsageError } from './errors';
import { readDocumentFile } from './read-document';
import { terminalText } from './terminal-text';

const actor: ImportActor = { id: null, name: 'cli' };

/**
 * Reads and checks the file before opening the database (a broken file writes nothing, exit 2),
 * then imports it in one transaction — creating the campaign from the document's campaign block
 * when the database has none — and prints what changed and the findings by severity. The CLI
 * runs as the operator: it restores stages only when told so with `--restore`.
 */
export async function importCommand(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			campaign: { type: 'string' },
			name: { type: 'string' },
			restore: { type: 'boolean', default: false }
		}
	});
	const [file, ...extra] = positionals;
	if (!file || extra.length > 0)
		throw new UsageError('import 需要且只需要一个文件：import FILE [--campaign ID] [--restore]');
	const mode = values.restore ? 'restore' : 'import';
	const { document } = await readDocumentFile(file);
	assertImportable(document, mode);
	return withDatabase(async (database) => {
		const existing = await resolveCampaignId(database, values.campaign, { allowNone: true });
		const newName =
			existing === null
				? (values.name ??
					campaignNameFor(document.campaign?.name, document.campaign, path.basename(file)))
				: null;
		const { campaignId, summary } = await importAtomically(
			database,
			document,
			existing,
			newName,
			mode
		);
		const createdName = newName;
		if (createdName)
			console.log(
				`数据库中还没有评选活动，已按文件的 campaign 参数新建评选活动 #${campaignId}：${terminalText(createdName)}`
			);
		const counts = await severityCounts(database, campaignId);
		console.log(
			`已${mode === 'restore' ? '恢复备份' : '导入'}到评选活动 #${campaignId}：文件中 ${document.nominations.length} 项推荐，` +
				`新增 ${summary.created} 项，更新 ${summary.updated} 项，涉及 ${summary.units} 个推荐单位。`
		);
		if (summary.unregistered.length > 0)
			console.log(
				`注意：以下推荐单位不在本评选活动的推荐单位名册中，已按文件建立：${summary.unregistered.map(terminalText).join('、')}。请核对单位名称，或在“推荐单位”页加入名册。`
			);
		if ('moved' in summary)
			console.log(`已按备份恢复 ${summary.moved} 个候选对象的看板阶段，并记入审计日志。`);
		console.log(
			`校验结果（整个评选活动）：${counts.error} 个错误，${counts.warning} 个提醒，${counts.info} 个提示。` +
				(counts.error > 0 ? '有错误的推荐须改正或由秘书处说明理由后才能进入初审。' : '')
		);
		return 0;
	});
}

/** The campaign (created first when `campaignId` is null) and its import, in one transaction. */
async function importAtomically(
	database: Database,
	document: InterchangeDocument,
	campaignId: number | null,
	newName: string | null,
	mode: ImportMode
): Promise<{ campaignId: number; summary: ImportSummary | RestoreSummary }> {
	try {
		return await database.db.transaction(async (tx) => {
			const id =
				campaignId ?? (await createCampaignFromBlock(tx, newName ?? '', document.campaign, actor));
			const summary =
				mode === 'restore'
					? await restoreBackup(tx, id, document, actor)
					: await importNominations(tx, id, document, actor);
			return { campaignId: id, summary };
		});
	} catch (error) {
		if (error instanceof ImportRefusedError) throw error;
		throw new Error(`导入失败，数据库未写入任何数据（${reasonOf(error)}）。`);
	}
}

/** Stored findings of the campaign by severity. */
async function severityCounts(database: Database, campaignId: number) {
	const rows = await database.db
		.select({ severity: finding.severity, n: sql<number>`count(*)::int` })
		.from(finding)
		.where(eq(finding.campaignId, campaignId))
		.groupBy(finding.severity);
	const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
	for (const row of rows) counts[row.severity] = row.n;
	return counts;
}
