import { fail } from '@sveltejs/kit';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guard';
import { membership, roles, unit, user } from '$lib/server/db/schema';
import { getRuntime } from '$lib/server/runtime';
import { setMembership, UserInputError } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

const managers = ['secretary', 'admin'] as const;

export const load = (async ({ locals, params }) => {
	const role = requireRole(locals, params.campaignId, managers);
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
	return { members, units, selfId: locals.user?.id };
}) satisfies PageServerLoad;

const roleChange = z.object({
	userId: z.coerce.number().int().positive(),
	role: z.enum(roles),
	unitId: z
		.union([z.literal(''), z.coerce.number().int().positive()])
		.transform((value) => (value === '' ? null : value))
});

export const actions = {
	setRole: async ({ locals, params, request }) => {
		const role = requireRole(locals, params.campaignId, managers);
		const parsed = roleChange.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: '请选择有效的成员和角色。' });
		const change = parsed.data;
		if (change.role === 'admin' && role.role !== 'admin') {
			return fail(403, { message: '只有系统管理员可以授予系统管理员角色。' });
		}
		if (change.userId === locals.user?.id) {
			return fail(400, { message: '不能修改自己的角色，请由另一位秘书处成员操作。' });
		}
		const { db } = await getRuntime();
		const [member] = await db
			.select({ userId: membership.userId })
			.from(membership)
			.where(and(eq(membership.userId, change.userId), eq(membership.campaignId, role.campaignId)));
		if (!member) return fail(404, { message: '该用户不是本评选活动的成员。' });
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
