import { eq } from 'drizzle-orm';
import { todayInChina } from '$lib/clock';
import { canManageUnits } from '$lib/permissions';
import { recordAudit } from '$lib/server/audit/record';
import { requireAccess } from '$lib/server/auth/guard';
import { campaign } from '$lib/server/db/schema';
import { getRuntime } from '$lib/server/runtime';
import {
	overviewSorts,
	sortOverview,
	unitsOverview,
	type OverviewSort
} from '$lib/server/units/overview';
import { unitsOverviewXlsx } from '$lib/server/units/xlsx';
import type { RequestHandler } from './$types';

/** The units overview as .xlsx, in the order the page shows (?sort=&desc=1). Secretaries only. */
export const GET = (async ({ locals, params, url }) => {
	const role = requireAccess(locals, params.campaignId, canManageUnits);
	const { db } = await getRuntime();
	const sortParam = url.searchParams.get('sort') ?? 'register';
	const sort: OverviewSort = (overviewSorts as readonly string[]).includes(sortParam)
		? (sortParam as OverviewSort)
		: 'register';
	const [owner] = await db
		.select({ name: campaign.name })
		.from(campaign)
		.where(eq(campaign.id, role.campaignId));
	const overview = await unitsOverview(db, role.campaignId, todayInChina());
	const rows = sortOverview(overview.rows, sort, url.searchParams.get('desc') === '1');
	const body = await unitsOverviewXlsx(rows, `${owner?.name ?? ''} 推荐单位报送情况`);
	await recordAudit(db, {
		campaignId: role.campaignId,
		actorId: role.userId,
		actorName: role.userName,
		action: 'export',
		after: { what: 'units-overview.xlsx', rows: rows.length }
	});
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('推荐单位报送情况.xlsx')}`,
			'cache-control': 'no-store'
		}
	});
}) satisfies RequestHandler;
