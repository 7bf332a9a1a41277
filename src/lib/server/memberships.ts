/** A signed-in user's roles, loaded once per request and checked by the guards. */
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { campaign, membership, type Role } from './db/schema';

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

/** Roles that may look at a campaign's board (unit users never do). */
export const boardRoles: readonly Role[] = ['admin', 'secretary', 'panelist', 'observer'];
