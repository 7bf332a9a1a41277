/** `campaign add`, `user add`, `user passwd`, and finding the campaign a command is about. */
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { campaign, roles, unit, user, type Role } from '../../src/lib/server/db/schema';
import { passwordProblem } from '../../src/lib/server/auth/password';
import { createCampaign } from '../../src/lib/server/seed';
import { createUser, setMembership, setPassword, UserInputError } from '../../src/lib/server/users';
import { readPassword } from '../read-password';
import { UsageError } from './errors';

/** `campaign add --name N [--preset P]`. */
export async function campaignAdd(database: Database, args: string[]): Promise<void> {
	const { values } = parseArgs({
		args,
		options: { name: { type: 'string' }, preset: { type: 'string', default: 'chongqing-2022' } }
	});
	if (!values.name) throw new UsageError('campaign add 需要 --name');
	const id = await createCampaign(database.db, values.name, values.preset);
	console.log(`已创建评选活动 #${id}：${values.name}`);
}

/** `user add --username U --role R [--name 姓名] [--campaign ID] [--unit 单位名称]`. */
export async function userAdd(database: Database, args: string[]): Promise<void> {
	const { values } = parseArgs({
		args,
		options: {
			username: { type: 'string' },
			role: { type: 'string' },
			name: { type: 'string' },
			campaign: { type: 'string' },
			unit: { type: 'string' }
		}
	});
	if (!values.username || !values.role) throw new UsageError('user add 需要 --username 和 --role');
	if (!(roles as readonly string[]).includes(values.role)) {
		throw new UsageError(`未知角色“${values.role}”，可选：${roles.join(', ')}`);
	}
	const role = values.role as Role;
	const db = database.db;
	const campaignId = await resolveCampaignId(database, values.campaign);
	let unitId: number | null = null;
	if (values.unit) {
		const [found] = await db
			.select({ id: unit.id })
			.from(unit)
			.where(and(eq(unit.campaignId, campaignId), eq(unit.name, values.unit)));
		if (!found)
			throw new UserInputError(`评选活动 #${campaignId} 中没有推荐单位“${values.unit}”。`);
		unitId = found.id;
	}
	if (role === 'unit' && unitId === null) throw new UsageError('unit 角色需要 --unit 单位名称');
	const password = await readPassword(`为 ${values.username} 设置密码：`);
	const problem = passwordProblem(password);
	if (problem) throw new UserInputError(problem);
	const created = await createUser(db, {
		username: values.username,
		displayName: values.name ?? values.username,
		password
	});
	await setMembership(db, { userId: created.id, campaignId, role, unitId }, null);
	console.log(`已创建用户 ${created.username}（${role}，评选活动 #${campaignId}）。`);
}

/** `user passwd --username U`: a new password, and the user's sessions end. */
export async function userPasswd(database: Database, args: string[]): Promise<void> {
	const { values } = parseArgs({ args, options: { username: { type: 'string' } } });
	if (!values.username) throw new UsageError('user passwd 需要 --username');
	const [found] = await database.db.select().from(user).where(eq(user.username, values.username));
	if (!found) throw new UserInputError(`没有用户“${values.username}”。`);
	const password = await readPassword(`${values.username} 的新密码：`);
	const problem = passwordProblem(password);
	if (problem) throw new UserInputError(problem);
	await setPassword(database.db, found.id, password, null);
	console.log(`已重设 ${values.username} 的密码，其所有登录会话已失效。`);
}

/**
 * The campaign named by `--campaign`, or the only one there is. With none at all it returns
 * null when `allowNone` (import then creates one), and otherwise explains how to create one.
 */
export async function resolveCampaignId(
	database: Database,
	given: string | undefined,
	options: { allowNone: true }
): Promise<number | null>;
export async function resolveCampaignId(
	database: Database,
	given: string | undefined
): Promise<number>;
export async function resolveCampaignId(
	database: Database,
	given: string | undefined,
	options: { allowNone?: boolean } = {}
): Promise<number | null> {
	const all = await database.db.select({ id: campaign.id }).from(campaign).orderBy(campaign.id);
	if (given !== undefined) {
		const id = Number(given);
		if (!Number.isInteger(id) || !all.some((c) => c.id === id)) {
			const known = all.map((c) => `#${c.id}`).join('、') || '无';
			throw new UserInputError(`没有编号为 ${given} 的评选活动（现有：${known}）。`);
		}
		return id;
	}
	if (all.length === 1 && all[0]) return all[0].id;
	if (all.length === 0 && options.allowNone) return null;
	throw new UsageError(
		all.length === 0
			? '还没有评选活动：先运行 npm run cli -- campaign add --name "…"'
			: `有多个评选活动（${all.map((c) => `#${c.id}`).join('、')}），请用 --campaign 指定编号`
	);
}
