/**
 * `npm run cli -- <command>`: a thin shell over the same services the app uses.
 * Exit codes: 0 success, 1 a problem the operator can fix (message says how), 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { readConfig } from '../src/lib/server/config';
import { openDatabase, type Database } from '../src/lib/server/db';
import { campaign, roles, unit, user, type Role } from '../src/lib/server/db/schema';
import { passwordProblem } from '../src/lib/server/auth/password';
import { createCampaign, seedDemo } from '../src/lib/server/seed';
import { createUser, setMembership, setPassword, UserInputError } from '../src/lib/server/users';
import { readPassword } from './read-password';

const USAGE = `用法 / usage: npm run cli -- <command>
  migrate                                   应用数据库迁移
  campaign add --name NAME [--preset chongqing-2022]
  user add --username U --role R [--name 姓名] [--campaign ID] [--unit 单位名称]
                                            密码从提示输入或标准输入读取（不从命令行参数读取）
  user passwd --username U                  重设密码（该用户所有会话失效）
  seed-demo                                 写入演示评选活动和演示账号（仅用于演示）
角色 roles: ${roles.join(', ')}`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<void> {
	const [command, sub] = argv;
	const config = readConfig();
	const database = await openDatabase({
		url: config.databaseUrl,
		dataDir: config.dataDir,
		migrationsFolder: config.migrationsFolder
	});
	try {
		switch (command) {
			case 'migrate':
				console.log(
					`数据库已是最新结构（${database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'}）。`
				);
				return;
			case 'campaign':
				if (sub !== 'add') throw new UsageError(`未知子命令 campaign ${sub ?? ''}`);
				return await campaignAdd(database, argv.slice(2));
			case 'user':
				if (sub === 'add') return await userAdd(database, argv.slice(2));
				if (sub === 'passwd') return await userPasswd(database, argv.slice(2));
				throw new UsageError(`未知子命令 user ${sub ?? ''}`);
			case 'seed-demo': {
				const summary = await seedDemo(database.db);
				console.log(
					`已写入演示评选活动 #${summary.campaignId}：${summary.candidates} 个候选对象，${summary.accounts} 个演示账号（密码 ${summary.password}）。`
				);
				return;
			}
			default:
				throw new UsageError(command ? `未知命令：${command}` : '缺少命令');
		}
	} finally {
		await database.close();
	}
}

async function campaignAdd(database: Database, args: string[]): Promise<void> {
	const { values } = parseArgs({
		args,
		options: { name: { type: 'string' }, preset: { type: 'string', default: 'chongqing-2022' } }
	});
	if (!values.name) throw new UsageError('campaign add 需要 --name');
	const id = await createCampaign(database.db, values.name, values.preset);
	console.log(`已创建评选活动 #${id}：${values.name}`);
}

async function userAdd(database: Database, args: string[]): Promise<void> {
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
	const campaignId = await resolveCampaign(database, values.campaign);
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

async function userPasswd(database: Database, args: string[]): Promise<void> {
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

/** The campaign named by `--campaign`, or the only one there is. */
async function resolveCampaign(database: Database, given: string | undefined): Promise<number> {
	const all = await database.db.select({ id: campaign.id }).from(campaign).orderBy(campaign.id);
	if (given) {
		const id = Number(given);
		if (!all.some((c) => c.id === id)) throw new UserInputError(`没有编号为 ${given} 的评选活动。`);
		return id;
	}
	if (all.length === 1 && all[0]) return all[0].id;
	throw new UsageError(
		all.length === 0
			? '还没有评选活动：先运行 npm run cli -- campaign add --name "…"'
			: '有多个评选活动，请用 --campaign 指定编号'
	);
}

run(process.argv.slice(2)).then(
	() => process.exit(0),
	(error: unknown) => {
		if (error instanceof UsageError) {
			console.error(`${error.message}\n\n${USAGE}`);
			process.exit(2);
		}
		if (error instanceof UserInputError) {
			console.error(error.message);
			process.exit(1);
		}
		console.error('命令执行失败：', error instanceof Error ? error.message : error);
		process.exit(1);
	}
);
