import { fail } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { stationTargetTracks } from '$lib/domain/campaign';
import { stages } from '$lib/domain/stages';
import { canMove, canViewBoard } from '$lib/permissions';
import { requireAccess } from '$lib/server/auth/guard';
import { parseFilters } from '$lib/board/filters';
import { boardColumns, boardHead } from '$lib/server/board/columns';
import { moveCandidates } from '$lib/server/board/move';
import { unit } from '$lib/server/db/schema';
import { getRuntime } from '$lib/server/runtime';
import { meterTallies } from '$lib/server/votes/tallies';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, depends }) => {
	const role = requireAccess(locals, params.campaignId, canViewBoard);
	depends(`board:${role.campaignId}`);
	const { db } = await getRuntime();
	// The sequence number is read first: an event committed meanwhile shows up as a gap, and the
	// client reloads, rather than being lost.
	const owner = await boardHead(db, role.campaignId);
	const filters = parseFilters(url.searchParams);
	const [board, tallies, units] = await Promise.all([
		boardColumns(db, role.campaignId, owner!.parameters, filters),
		meterTallies(db, role.campaignId),
		db
			.select({ id: unit.id, name: unit.name, district: unit.district })
			.from(unit)
			.where(eq(unit.campaignId, role.campaignId))
			.orderBy(asc(unit.id))
	]);
	return {
		campaignId: role.campaignId,
		campaignName: owner!.name,
		parameters: owner!.parameters,
		seq: owner!.seq,
		canMove: canMove(role),
		filters,
		board,
		tallies,
		units
	};
}) satisfies PageServerLoad;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const moveForm = z.object({
	candidateIds: z.array(z.coerce.number().int().positive()).min(1).max(1000),
	to: z.enum(stages),
	targetTrack: z.enum(stationTargetTracks).optional(),
	reason: z.string().trim().max(1000).optional(),
	date: z.string().regex(isoDate).optional()
});

export const actions = {
	move: async ({ locals, params, request }) => {
		const role = requireAccess(locals, params.campaignId, canMove);
		const form = await request.formData();
		const text = (name: string) => {
			const value = form.get(name);
			return typeof value === 'string' && value.trim() !== '' ? value : undefined;
		};
		const parsed = moveForm.safeParse({
			candidateIds: form.getAll('candidateId'),
			to: form.get('to'),
			targetTrack: text('targetTrack'),
			reason: text('reason'),
			date: text('date')
		});
		if (!parsed.success) {
			return fail(400, {
				message: '移动请求不完整：请选择候选对象和目标环节（日期格式为 YYYY-MM-DD）。'
			});
		}
		const { db } = await getRuntime();
		const result = await moveCandidates(db, {
			campaignId: role.campaignId,
			...parsed.data,
			actor: { id: locals.user!.id, name: locals.user!.username }
		});
		return { outcomes: result.outcomes, seq: result.seq };
	}
} satisfies Actions;
