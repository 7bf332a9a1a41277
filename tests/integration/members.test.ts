/**
 * Who may give whom which role (issue 7 finding 9a), through the members page's own load and
 * `?/setRole` action against a real database: a secretary cannot demote or touch the
 * administrator, cannot grant the administrator role, and nobody changes their own role.
 */
import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { presets } from '../../src/lib/domain/campaign';
import { roles, type Role } from '../../src/lib/roles';
import { campaign, membership, unit } from '../../src/lib/server/db/schema';
import { createUser, setMembership } from '../../src/lib/server/users';
import { actions, load } from '../../src/routes/(app)/c/[campaignId]/members/+page.server';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import {
	formPost,
	forgetRuntime,
	localsOf,
	callRoute,
	useDatabaseAsRuntime
} from '../helpers/route-event';

let database: TestDatabase;
let campaignId: number;
let unitId: number;
/** Who acts, by role; and the members acted on (never the actor, except for "self"). */
const actors = {} as Record<Role, number>;
const targets = {} as Record<'admin' | 'secretary' | 'panelist', number>;

beforeAll(async () => {
	database = await freshDatabase();
	useDatabaseAsRuntime(database);
	const [created] = await database.db
		.insert(campaign)
		.values({ name: '成员测试', parameters: presets['chongqing-2022'] })
		.returning({ id: campaign.id });
	campaignId = created!.id;
	const [createdUnit] = await database.db
		.insert(unit)
		.values({ campaignId, name: '渝中区人大常委会', kind: 'liaison_group' })
		.returning({ id: unit.id });
	unitId = createdUnit!.id;
	const member = async (username: string, role: Role) => {
		const { id } = await createUser(database.db, {
			username,
			displayName: username,
			password: 'a long enough password'
		});
		await setMembership(
			database.db,
			{ userId: id, campaignId, role, unitId: role === 'unit' ? unitId : null },
			null
		);
		return id;
	};
	for (const role of roles) actors[role] = await member(`acting-${role}`, role);
	for (const role of ['admin', 'secretary', 'panelist'] as const) {
		targets[role] = await member(`target-${role}`, role);
	}
});
afterAll(async () => {
	forgetRuntime();
	await database.destroy();
});

async function roleOf(userId: number): Promise<Role | undefined> {
	const [row] = await database.db
		.select({ role: membership.role })
		.from(membership)
		.where(and(eq(membership.userId, userId), eq(membership.campaignId, campaignId)));
	return row?.role;
}

/** The rule, stated independently of the code under test. */
function expectedRefusal(actor: Role, targetRole: Role, self: boolean, to: Role): boolean {
	if (actor !== 'admin' && actor !== 'secretary') return true;
	if (self) return true;
	return actor === 'secretary' && (targetRole === 'admin' || to === 'admin');
}

/** Runs ?/setRole as `actorId`; the HTTP status it answers with (200 when it changed the role). */
async function setRole(actorId: number, userId: number, to: Role): Promise<number> {
	const locals = await localsOf(database, actorId);
	try {
		const result = await callRoute(actions.setRole, {
			locals,
			params: { campaignId: String(campaignId) },
			request: formPost(`http://shortlist.test/c/${campaignId}/members?/setRole`, {
				userId,
				role: to,
				unitId: to === 'unit' ? unitId : ''
			})
		});
		return isActionFailure(result) ? result.status : 200;
	} catch (thrown) {
		if (isHttpError(thrown)) return thrown.status;
		throw thrown;
	}
}

describe('?/setRole on the members page', () => {
	const cases: [Role, 'self' | keyof typeof targets, Role][] = [];
	for (const actor of roles) {
		for (const target of ['self', 'admin', 'secretary', 'panelist'] as const) {
			for (const to of roles) cases.push([actor, target, to]);
		}
	}

	test.each(cases)('%s changes %s to %s', async (actor, target, to) => {
		const actorId = actors[actor];
		const targetId = target === 'self' ? actorId : targets[target];
		const targetRole: Role = target === 'self' ? actor : target;
		const status = await setRole(actorId, targetId, to);
		if (expectedRefusal(actor, targetRole, target === 'self', to)) {
			expect(status).toBe(403);
			expect(await roleOf(targetId)).toBe(targetRole);
		} else {
			expect(status).toBe(200);
			expect(await roleOf(targetId)).toBe(to);
			// Put the member back for the next case.
			await setMembership(
				database.db,
				{ userId: targetId, campaignId, role: targetRole, unitId: null },
				null
			);
		}
	});
});

describe('the members page offers only what the action allows', () => {
	test.each(['secretary', 'admin'] as const)('as %s', async (actor) => {
		const data = await callRoute(load, {
			locals: await localsOf(database, actors[actor]),
			params: { campaignId: String(campaignId) }
		});
		for (const member of data.members) {
			const self = member.userId === actors[actor];
			const allowed = roles.filter((to) => !expectedRefusal(actor, member.role, self, to));
			expect(member.assignableRoles, member.username).toEqual(allowed);
		}
		const adminRow = data.members.find((member) => member.userId === targets.admin);
		expect(adminRow?.assignableRoles).toEqual(actor === 'admin' ? roles : []);
	});
});
