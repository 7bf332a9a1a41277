/**
 * `npm run cli -- <command>`: a thin shell over the same services the app uses.
 * Exit codes: 0 success, 1 a problem the operator can fix (message says how) — for `validate`,
 * error findings —, 2 bad usage or an input file that cannot be read or is not shortlist/v1.
 * Only the commands that need the database open it; `validate` works without one.
 */
import { roles } from '../src/lib/server/db/schema';
import { ImportRefusedError } from '../src/lib/server/import/preflight';
import { CampaignNotFoundError } from '../src/lib/server/export/json';
import { MAX_DEMO_SCALE, seedDemo } from '../src/lib/server/seed';
import { UserInputError } from '../src/lib/server/users';
import { campaignAdd, userAdd, userPasswd } from './cli/accounts';
import { withDatabase } from './cli/database';
import { InputFileError, reasonOf, UsageError } from './cli/errors';
import { exportCommand } from './cli/export';
import { importCommand } from './cli/import';
import { terminalLines } from './cli/terminal-text';
import { validateCommand } from './cli/validate';

const USAGE = `用法 / usage: npm run cli -- <command>
  validate FILE [--json]                    检查 shortlist/v1 文件，列出校验结果（不需要数据库）
                                            退出码：0 无错误，1 有错误，2 文件无法读取或格式不对
  import FILE [--campaign ID] [--name N] [--restore]
                                            导入推荐（全部成功或全部不写入；重复导入即更新）
                                            数据库中没有评选活动时按文件的 campaign 参数新建（--name 命名）
                                            --restore：恢复备份，连同看板阶段（不得超过名额，记入审计）；
                                            不加时，带看板状态（board）的文件被拒绝
  export --campaign ID --format json [--out FILE]
                                            整个评选活动导出为 shortlist/v1 备份（默认输出到标准输出）
                                            备份含身份证号、电话、地址等个人信息，仅供秘书处保管
  migrate                                   应用数据库迁移
  campaign add --name NAME [--preset chongqing-2022]
  user add --username U --role R [--name 姓名] [--campaign ID] [--unit 单位名称]
                                            密码从提示输入或标准输入读取（不从命令行参数读取）
  user passwd --username U                  重设密码（该用户所有会话失效）
  seed-demo [--scale N]                     写入演示评选活动和演示账号（仅用于演示）；--scale 10 写入十倍规模
角色 roles: ${roles.join(', ')}`;

/** `--scale N` of seed-demo (default 1). */
function scaleOption(args: string[]): number {
	const at = args.indexOf('--scale');
	if (at < 0) return 1;
	const scale = Number(args[at + 1]);
	if (!Number.isInteger(scale) || scale < 1 || scale > MAX_DEMO_SCALE)
		throw new UsageError(`--scale 应为 1 到 ${MAX_DEMO_SCALE} 之间的整数`);
	return scale;
}

/** Runs one command; resolves to its exit code. */
async function run(argv: string[]): Promise<number> {
	const [command, sub] = argv;
	switch (command) {
		case 'validate':
			return validateCommand(argv.slice(1));
		case 'import':
			return importCommand(argv.slice(1));
		case 'export':
			return exportCommand(argv.slice(1));
		case 'migrate':
			return withDatabase(async (database, config) => {
				const where = database.kind === 'pglite' ? config.dataDir : 'PostgreSQL';
				console.log(`数据库已是最新结构（${where}）。`);
				return 0;
			});
		case 'campaign':
			if (sub !== 'add') throw new UsageError(`未知子命令 campaign ${sub ?? ''}`);
			return withDatabase((database) => campaignAdd(database, argv.slice(2))).then(() => 0);
		case 'user':
			if (sub === 'add') return withDatabase((d) => userAdd(d, argv.slice(2))).then(() => 0);
			if (sub === 'passwd') return withDatabase((d) => userPasswd(d, argv.slice(2))).then(() => 0);
			throw new UsageError(`未知子命令 user ${sub ?? ''}`);
		case 'seed-demo':
			return withDatabase(async (database) => {
				const summary = await seedDemo(database.db, { scale: scaleOption(argv.slice(1)) });
				console.log(
					`已写入演示评选活动 #${summary.campaignId}：${summary.candidates} 个候选对象，${summary.accounts} 个演示账号（密码 ${summary.password}）。`
				);
				return 0;
			});
		default:
			throw new UsageError(command ? `未知命令：${command}` : '缺少命令');
	}
}

/** Exit code and stderr text for a failure; never a stack trace. */
function failure(error: unknown): { code: number; text: string } {
	if (error instanceof UsageError) return { code: 2, text: `${error.message}\n\n${USAGE}` };
	if (error instanceof InputFileError) return { code: 2, text: error.message };
	if (error instanceof UserInputError || error instanceof ImportRefusedError) {
		return { code: 1, text: error.message };
	}
	if (error instanceof CampaignNotFoundError) return { code: 1, text: error.message };
	// parseArgs reports unknown or malformed options with a code of its own.
	if ((error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS')) {
		return { code: 2, text: `参数有误：${(error as Error).message}\n\n${USAGE}` };
	}
	return { code: 1, text: `命令执行失败：${reasonOf(error)}` };
}

run(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		const { code, text } = failure(error);
		// Messages may quote a file's refs, names or JSON paths: nothing in them may act on the terminal.
		console.error(terminalLines(text));
		process.exit(code);
	}
);
