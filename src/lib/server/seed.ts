/** Campaign creation and the deterministic demo campaign (placeholder until the generator lands). */
import type { Db } from './db';
import { campaign } from './db/schema';
import { presets } from '../domain/campaign';

export async function createCampaign(
	db: Db,
	name: string,
	preset = 'chongqing-2022'
): Promise<number> {
	const parameters = presets[preset as keyof typeof presets];
	if (!parameters) throw new Error(`unknown preset ${preset}`);
	const [created] = await db
		.insert(campaign)
		.values({ name, preset, parameters: { ...parameters } })
		.returning({ id: campaign.id });
	if (!created) throw new Error('campaign insert returned no row');
	return created.id;
}

export async function seedDemoIfEmpty(_db: Db): Promise<void> {}
export async function seedDemo(_db: Db) {
	return { campaignId: 0, candidates: 0, accounts: 0, password: '' };
}
