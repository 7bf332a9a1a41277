import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { parseFilters } from '$lib/board/filters';
import { stages } from '$lib/domain/stages';
import { canViewBoard } from '$lib/permissions';
import { requireAccess } from '$lib/server/auth/guard';
import { COLUMN_PAGE, MAX_COLUMN_PAGE } from '$lib/board/paging';
import { columnPage } from '$lib/server/board/columns';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

const pageQuery = z.object({
	stage: z.enum(stages),
	/** The last card the client holds in the column: `<unit>.<track>.<id>`. */
	after: z
		.string()
		.regex(/^\d{1,9}\.[a-z]{1,20}\.\d{1,12}$/)
		.transform((key) => {
			const [unitId, track, id] = key.split('.');
			return { unitId: Number(unitId), track: track!, id: Number(id) };
		})
		.optional(),
	limit: z.coerce.number().int().min(1).max(MAX_COLUMN_PAGE).default(COLUMN_PAGE)
});

/**
 * More cards of one board column ("显示更多"), after the last the client holds, with the board's
 * filters from the same query string. The board's own reader: the same roles as the board.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const role = requireAccess(locals, params.campaignId, canViewBoard);
	const query = pageQuery.safeParse({
		stage: url.searchParams.get('stage'),
		after: url.searchParams.get('after') ?? undefined,
		limit: url.searchParams.get('limit') ?? undefined
	});
	if (!query.success)
		error(400, '请求的看板分页参数有误：需要环节（stage），可选 after 与 limit。');
	const { db } = await getRuntime();
	const cards = await columnPage(
		db,
		role.campaignId,
		parseFilters(url.searchParams),
		query.data.stage,
		query.data.after ?? null,
		query.data.limit
	);
	return json(cards, { headers: { 'cache-control': 'private, no-store' } });
};
