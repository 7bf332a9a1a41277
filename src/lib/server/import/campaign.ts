/** A campaign made from a document's campaign block, for an import into an empty database. */
import { defaultPreset, type PresetName } from '../../domain/campaign';
import { resolveCampaign, type CampaignBlock } from '../../domain/interchange';
import { recordAudit } from '../audit/record';
import type { Db, Tx } from '../db';
import { campaign } from '../db/schema';
import type { ImportActor } from './nominations';

/** Display names of the presets, used to name a campaign a document creates. */
export const presetTitles: Record<PresetName, string> = {
	'chongqing-2022': '重庆市人大代表履职贡献奖（2022）'
};

/**
 * The name a campaign created from a document gets: the name the block carries (an export
 * writes one), else the preset's title followed by where it came from.
 */
export function campaignNameFor(
	blockName: unknown,
	block: CampaignBlock | undefined,
	source: string
) {
	if (typeof blockName === 'string' && blockName.trim() !== '') return blockName.trim();
	return `${presetTitles[block?.preset ?? defaultPreset]}（导入自 ${source}）`;
}

/**
 * Creates a campaign with the parameters the block asks for (its preset with any parameters it
 * gives laid over it) and writes a `campaign.create` audit row. Returns the new id.
 */
export async function createCampaignFromBlock(
	db: Db | Tx,
	name: string,
	block: CampaignBlock | undefined,
	actor: ImportActor
): Promise<number> {
	const preset = block?.preset ?? defaultPreset;
	const parameters = resolveCampaign(block);
	const [created] = await db
		.insert(campaign)
		.values({ name, preset, parameters: { ...parameters } })
		.returning({ id: campaign.id });
	if (!created) throw new Error('campaign insert returned no row');
	await recordAudit(db, {
		action: 'campaign.create',
		campaignId: created.id,
		actorId: actor.id,
		actorName: actor.name ?? null,
		subjectType: 'campaign',
		subjectId: created.id,
		after: { name, preset }
	});
	return created.id;
}
