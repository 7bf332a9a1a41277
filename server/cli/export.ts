/** `export --campaign ID --format json [--out FILE]`: the whole campaign as a backup file. */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportCampaignJson } from '../../src/lib/server/export/json';
import { resolveCampaignId } from './accounts';
import { withDatabase } from './database';
import { UsageError, writeOut } from './errors';
import { terminalJson } from './terminal-text';

/** Export formats the CLI writes. */
const formats = ['json'] as const;

/**
 * Writes the campaign as `shortlist/v1` to `--out` or stdout (nothing else goes to stdout), and
 * says on stderr that the file holds personal data. Writes an `export` audit row.
 */
export async function exportCommand(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			campaign: { type: 'string' },
			format: { type: 'string', default: 'json' },
			out: { type: 'string' }
		}
	});
	if (positionals.length > 0) throw new UsageError(`export 不接受参数“${positionals.join(' ')}”`);
	if (!(formats as readonly string[]).includes(values.format)) {
		throw new UsageError(`未知导出格式“${values.format}”，可选：${formats.join(', ')}`);
	}
	return withDatabase(async (database) => {
		const campaignId = await resolveCampaignId(database, values.campaign);
		const document = await exportCampaignJson(database.db, campaignId, { id: null, name: 'cli' });
		const text = `${JSON.stringify(document, null, '\t')}\n`;
		if (values.out) {
			await writeFile(values.out, text, { mode: 0o600 });
			console.error(
				`已导出评选活动 #${campaignId}（${document.nominations.length} 项推荐）到 ${values.out}。` +
					'文件含身份证号、电话、地址等个人信息，请按备份资料保管，勿外传。'
			);
		} else {
			await writeOut(terminalJson(text));
		}
		return 0;
	});
}
