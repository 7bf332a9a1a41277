import { fail } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { todayInChina } from '$lib/clock';
import { unitKinds } from '$lib/domain/interchange';
import { canManageUnits } from '$lib/permissions';
import { recordAudit } from '$lib/server/audit/record';
import { requireAccess } from '$lib/server/auth/guard';
import { campaign, unit, unitContactRoles } from '$lib/server/db/schema';
import { getRuntime } from '$lib/server/runtime';
import {
	overviewSorts,
	sortOverview,
	unitKindLabels,
	unitsOverview,
	type OverviewSort
} from '$lib/server/units/overview';
import {
	registerPresetUnits,
	registerUnit,
	saveContacts,
	unregisterUnit
} from '$lib/server/units/register';
import type { Actions, PageServerLoad } from './$types';

/** The secretary's units overview: the register, who submitted, limits, findings, contacts. */
export const load = (async ({ locals, params, url }) => {
	const role = requireAccess(locals, params.campaignId, canManageUnits);
	const { db } = await getRuntime();
	const sortParam = url.searchParams.get('sort') ?? 'register';
	const sort: OverviewSort = (overviewSorts as readonly string[]).includes(sortParam)
		? (sortParam as OverviewSort)
		: 'register';
	const desc = url.searchParams.get('desc') === '1';
	const today = todayInChina();
	const [overview, [owner]] = await Promise.all([
		unitsOverview(db, role.campaignId, today),
		db
			.select({ parameters: campaign.parameters })
			.from(campaign)
			.where(eq(campaign.id, role.campaignId))
	]);
	return {
		campaignId: role.campaignId,
		rows: sortOverview(overview.rows, sort, desc),
		sort,
		desc,
		today,
		deadline: overview.deadline,
		reminderDay: overview.reminderDay,
		organisers: owner?.parameters.organisers ?? [],
		kinds: unitKinds.map((kind) => ({ kind, label: unitKindLabels[kind] }))
	};
}) satisfies PageServerLoad;

const newUnit = z.object({
	name: z.string().trim().min(1, '请填写推荐单位名称。').max(100, '名称过长。'),
	kind: z.enum(unitKinds, { error: '请选择推荐单位类型。' }),
	district: z.string().trim().max(40).default(''),
	reportingBody: z.string().trim().max(100).default('')
});

const field = z.string().trim().max(100, '每项不超过100字。').default('');
const contactsForm = z.object({
	unitId: z.coerce.number().int().positive(),
	...Object.fromEntries(
		unitContactRoles.flatMap((_, i) =>
			['name', 'position', 'officePhone', 'mobile', 'note'].map((key) => [`${key}${i}`, field])
		)
	)
});

export const actions = {
	registerPreset: async ({ locals, params }) => {
		const role = requireAccess(locals, params.campaignId, canManageUnits);
		const { db } = await getRuntime();
		const added = await db.transaction(async (tx) => {
			const count = await registerPresetUnits(tx, role.campaignId);
			await recordAudit(tx, {
				campaignId: role.campaignId,
				actorId: role.userId,
				actorName: role.userName,
				action: 'unit-register-preset',
				after: { added: count }
			});
			return count;
		});
		return {
			message: added > 0 ? `已按预设加入 ${added} 个推荐单位。` : '预设的推荐单位都已在名册中。'
		};
	},
	addUnit: async ({ locals, params, request }) => {
		const role = requireAccess(locals, params.campaignId, canManageUnits);
		const parsed = newUnit.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, { message: parsed.error.issues[0]?.message ?? '请检查填写内容。' });
		const { db } = await getRuntime();
		const input = { ...parsed.data, district: parsed.data.district || null };
		const added = await db.transaction(async (tx) => {
			const count = await registerUnit(tx, role.campaignId, input);
			await recordAudit(tx, {
				campaignId: role.campaignId,
				actorId: role.userId,
				actorName: role.userName,
				action: 'unit-register-add',
				subjectType: 'unit',
				after: { name: input.name, kind: input.kind }
			});
			return count;
		});
		return { message: added > 0 ? `已将“${input.name}”加入名册。` : `“${input.name}”已在名册中。` };
	},
	removeUnit: async ({ locals, params, request }) => {
		const role = requireAccess(locals, params.campaignId, canManageUnits);
		const unitId = z.coerce
			.number()
			.int()
			.positive()
			.safeParse((await request.formData()).get('unitId'));
		if (!unitId.success) return fail(400, { message: '请选择推荐单位。' });
		const { db } = await getRuntime();
		await db.transaction(async (tx) => {
			await unregisterUnit(tx, role.campaignId, unitId.data);
			await recordAudit(tx, {
				campaignId: role.campaignId,
				actorId: role.userId,
				actorName: role.userName,
				action: 'unit-register-remove',
				subjectType: 'unit',
				subjectId: unitId.data
			});
		});
		return { message: '已移出名册（已报送的推荐不受影响）。' };
	},
	saveContacts: async ({ locals, params, request }) => {
		const role = requireAccess(locals, params.campaignId, canManageUnits);
		const parsed = contactsForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, { message: parsed.error.issues[0]?.message ?? '请检查填写内容。' });
		const form = parsed.data as Record<string, string | number>;
		const { db } = await getRuntime();
		const [own] = await db
			.select({ id: unit.id })
			.from(unit)
			.where(and(eq(unit.id, Number(form.unitId)), eq(unit.campaignId, role.campaignId)));
		if (!own) return fail(404, { message: '找不到这个推荐单位。' });
		const contacts = unitContactRoles.map((contactRole, i) => ({
			role: contactRole,
			name: String(form[`name${i}`] ?? ''),
			position: String(form[`position${i}`] ?? ''),
			officePhone: String(form[`officePhone${i}`] ?? ''),
			mobile: String(form[`mobile${i}`] ?? ''),
			note: String(form[`note${i}`] ?? '')
		}));
		await db.transaction(async (tx) => {
			await saveContacts(tx, own.id, contacts);
			// Contacts are personal data: the audit row names the unit, not the numbers.
			await recordAudit(tx, {
				campaignId: role.campaignId,
				actorId: role.userId,
				actorName: role.userName,
				action: 'unit-contacts',
				subjectType: 'unit',
				subjectId: own.id
			});
		});
		return { message: '联系人已保存。' };
	}
} satisfies Actions;
