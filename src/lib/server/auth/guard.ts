/**
 * Authorization for loads, actions and endpoints: the server decides, never a hidden button.
 * Every check names a capability of `$lib/permissions`.
 */
import { error, redirect } from '@sveltejs/kit';
import type { CampaignCapability } from '../../permissions';
import type { CampaignRole } from '../memberships';
import type { SessionUser } from './session';

interface GuardLocals {
	user: SessionUser | null;
	roles: CampaignRole[];
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(locals: GuardLocals, returnTo?: URL): SessionUser {
	if (!locals.user) {
		const next = returnTo ? `?next=${encodeURIComponent(returnTo.pathname + returnTo.search)}` : '';
		redirect(303, `/login${next}`);
	}
	return locals.user;
}

/**
 * The user's role in the campaign named by a route parameter, if it has `capability`.
 * Not signed in: 401. Not a member: 404 (the campaign's existence is not revealed). No right: 403.
 */
export function requireAccess(
	locals: GuardLocals,
	campaignParam: string,
	capability: CampaignCapability
): CampaignRole & { userId: number; userName: string } {
	if (!locals.user) error(401, '请先登录。');
	const campaignId = Number(campaignParam);
	const role = Number.isSafeInteger(campaignId)
		? locals.roles.find((r) => r.campaignId === campaignId)
		: undefined;
	if (!role) error(404, '找不到这个评选活动，或您没有访问权限。');
	if (!capability(role)) error(403, '您的角色无权进行此操作。');
	return { ...role, userId: locals.user.id, userName: locals.user.username };
}

/** Parses a numeric route parameter, or 404. */
export function idParam(value: string): number {
	const id = Number(value);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, '找不到该记录。');
	return id;
}
