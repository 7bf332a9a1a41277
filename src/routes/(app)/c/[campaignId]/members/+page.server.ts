import { fail } from '@sveltejs/kit';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { canManageMembers, canManagePanel, roleChangeRefusal } from '$lib/permissions';
import { requireAccess } from '$lib/server/auth/guard';
import { roles } from '$lib/roles';
import { membership, unit, user } from '$lib/server/db/schema';
import { getRuntime } from '$lib/server/runtime';
import { setMembership, UserInputError } from '$lib/server/users';
import {
	declareConflict,
	MeetingRefusal,
	meetingActor,
	setOnPanel,
	withdrawConflict
} from '$lib/server/votes/meeting';
import { panelRoster } from '$lib/server/votes/panel';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const role = requireAccess(locals, params.campaignId, canManageMembers);
	const { db } = await getRuntime();
	const [members, units] = await Promise.all([
		db
			.select({
				userId: user.id,
				username: user.username,
				displayName: user.displayName,
				role: membership.role,
				unitId: membership.unitId,
				unitName: unit.name
			})
			.from(membership)
			.innerJoin(user, eq(membership.userId, user.id))
			.leftJoin(unit, eq(membership.unitId, unit.id))
			.where(eq(membership.campaignId, role.campaignId))
			.orderBy(asc(membership.role), asc(user.username)),
		db
			.select({ id: unit.id, name: unit.name })
			.from(unit)
			.where(eq(unit.campaignId, role.campaignId))
			.orderBy(asc(unit.id))
	]);
	// The choices the page offers are the server's own rule; the action still decides.
	const withChoices = members.map((member) => ({
		...member,
		assignableRoles: roles.filter((to) => roleChangeRefusal(role, member, to) === null)
	}));
	return {
		members: withChoices,
		units,
		selfId: locals.user?.id,
		/** The review panel and its conflicts: shown to whoever may manage the panel. */
		panel: canManagePanel(role) ? await panelRoster(db, role.campaignId) : null
	};
}) satisfies PageServerLoad;

const roleChange = z.object({
	userId: z.coerce.number().int().positive(),
	role: z.enum(roles),
	unitId: z
		.union([z.literal(''), z.coerce.number().int().positive()])
		.transform((value) => (value === '' ? null : value))
});

const panelSeat = z.object({
	userId: z.coerce.number().int().positive(),
	onPanel: z.enum(['true', 'false'])
});

const conflictForm = z.object({
	userId: z.coerce.number().int().positive(),
	candidateId: z.coerce.number().int().positive(),
	reason: z.string().trim().max(500)
});

/** A refusal of the meeting services becomes a 400 with its Chinese message. */
async function refused(work: () => Promise<void>) {
	try {
		await work();
		return null;
	} catch (problem) {
		if (problem instanceof MeetingRefusal) return fail(400, { message: problem.message });
		throw problem;
	}
}

export const actions = {
	/** Puts a panelist on the campaign's review panel (应到) or takes them off it. */
	panel: async ({ locals, params, request }) => {
		const role = requireAccess(locals, params.campaignId, canManagePanel);
		const parsed = panelSeat.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: '请选择评审委员。' });
		const { db } = await getRuntime();
		const onPanel = parsed.data.onPanel === 'true';
		const actor = meetingActor(role);
		return (
			(await refused(() =>
				setOnPanel(db, {
					campaignId: role.campaignId,
					userId: parsed.data.userId,
					onPanel,
					actor
				})
			)) ?? { message: onPanel ? '已加入评审委员会。' : '已移出评审委员会。' }
		);
	},
	/** Records a panelist's conflict of interest with a candidate (回避), with its reason. */
	conflict: async ({ locals, params, request }) => {
		const role = requireAccess(locals, params.campaignId, canManagePanel);
		const parsed = conflictForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, { message: '请选择评审委员和候选对象，并填写回避理由（500 字以内）。' });
		const { db } = await getRuntime();
		const actor = meetingActor(role);
		return (
			(await refused(() =>
				declareConflict(db, { campaignId: role.campaignId, ...parsed.data, actor })
			)) ?? { message: '已登记回避；该委员不能再对该候选对象投票，也看不到其评审意见。' }
		);
	},
	/** Withdraws a conflict recorded by mistake (撤回回避), with the reason for the audit. */
	withdrawConflict: async ({ locals, params, request }) => {
		const role = requireAccess(locals, params.campaignId, canManagePanel);
		const parsed = conflictForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, { message: '请选择要撤回的回避登记，并填写撤回理由（500 字以内）。' });
		const { db } = await getRuntime();
		const actor = meetingActor(role);
		return (
			(await refused(() =>
				withdrawConflict(db, { campaignId: role.campaignId, ...parsed.data, actor })
			)) ?? { message: '已撤回回避；该委员可以对该候选对象投票并查看其评审意见。' }
		);
	},

	setRole: async ({ locals, params, request }) => {
		const role = requireAccess(locals, params.campaignId, canManageMembers);
		const parsed = roleChange.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: '请选择有效的成员和角色。' });
		const change = parsed.data;
		const { db } = await getRuntime();
		const [member] = await db
			.select({ userId: membership.userId, role: membership.role })
			.from(membership)
			.where(and(eq(membership.userId, change.userId), eq(membership.campaignId, role.campaignId)));
		if (!member) return fail(404, { message: '该用户不是本评选活动的成员。' });
		const refusal = roleChangeRefusal(role, member, change.role);
		if (refusal) return fail(403, { message: refusal });
		if (change.unitId !== null) {
			const [own] = await db
				.select({ campaignId: unit.campaignId })
				.from(unit)
				.where(eq(unit.id, change.unitId));
			if (own?.campaignId !== role.campaignId)
				return fail(400, { message: '请选择本评选活动的推荐单位。' });
		}
		try {
			await setMembership(db, { ...change, campaignId: role.campaignId }, locals.user?.id ?? null);
		} catch (problem) {
			if (problem instanceof UserInputError) return fail(400, { message: problem.message });
			throw problem;
		}
		return { message: '角色已更新；该成员需要重新登录。' };
	}
} satisfies Actions;
