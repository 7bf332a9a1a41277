/** A signed-in user's roles, loaded once per request and checked by the guards. */
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import type { Role } from '../roles';
import { campaign, membership } from './db/schema';

export interface CampaignRole {
	campaignId: number;
	campaignName: string;
	role: Role;
	/** Set for `unit` users: the only unit whose data they may see. */
	unitId: number | null;
}

export async function rolesOf(db: Db, userId: number): Promise<CampaignRole[]> {
	return db
		.select({
			campaignId: membership.campaignId,
			campaignName: campaign.name,
			role: membership.role,
			unitId: membership.unitId
		})
		.from(membership)
		.innerJoin(campaign, eq(membership.campaignId, campaign.id))
		.where(eq(membership.userId, userId))
		.orderBy(membership.campaignId);
}
