/**
 * A candidate's audit history as a secretary reads it: every action in Chinese, the stages and
 * tracks by name, the overridden gate by its title (code beside it), and the dates entered at
 * 党组审定 and 公示. Pure: the history view and the tests share it.
 */
import { trackLabels, type Track } from './domain/campaign';
import {
	moveRefusalTitles,
	stageLabels,
	stages,
	type MoveRefusalCode,
	type Stage
} from './domain/stages';

/** Every audit action the app writes (`recordAudit`), as a phrase. */
export const auditActionLabels: Record<string, string> = {
	'candidate.move': '移动',
	'candidate.override': '越过关卡移动',
	'candidate.return': '恢复至原环节',
	'candidate.restore': '恢复备份时设定环节',
	'consultation.record': '记录征求意见',
	'objection.record': '登记公示异议',
	'objection.resolve': '办结公示异议',
	'comment.edit': '编辑评审意见',
	'conflict.declare': '登记回避',
	'conflict.withdraw': '撤回回避',
	'meeting.start': '开始联合评审会议',
	'meeting.end': '结束联合评审会议',
	'meeting.attendance': '登记出席',
	'membership.panel': '调整评审组成员',
	'round.open': '开始表决',
	'round.ballot': '投票',
	'round.close': '结束表决',
	import: '导入推荐材料',
	restore: '恢复备份',
	export: '导出',
	'campaign.create': '创建评选活动',
	'unit-register-preset': '按预设加入推荐单位',
	'unit-register-add': '加入推荐单位',
	'unit-register-remove': '移出推荐单位',
	'unit-contacts': '保存单位联系人',
	'seed-demo': '生成演示数据',
	'user.create': '新建用户',
	'user.password': '重设密码',
	'membership.role': '变更角色',
	'auth.sign-in': '登录',
	'auth.sign-in-failed': '登录失败',
	'auth.sign-in-blocked': '登录受限',
	'auth.sign-out': '退出登录'
};

/** One audit row as the history receives it (dates as strings when sent as JSON). */
export interface HistoryEntry {
	action: string;
	before: unknown;
	after: unknown;
	reason: string | null;
}

/** What a history line shows besides who and when. */
export interface HistoryLine {
	/** The action in Chinese. */
	action: string;
	/** What changed, in Chinese (may be empty). */
	detail: string;
	/** The gate a reason passed, if any. */
	gate: { code: string; title: string } | null;
}

/** The action's phrase; an action without one is still not shown as its code. */
export function actionLabel(action: string): string {
	return auditActionLabels[action] ?? '其他操作';
}

type Fields = Record<string, unknown>;
const fields = (value: unknown): Fields =>
	value !== null && typeof value === 'object' ? (value as Fields) : {};
const text = (value: unknown): string | null =>
	typeof value === 'string' && value !== '' ? value : null;
const isStage = (value: unknown): value is Stage =>
	typeof value === 'string' && (stages as readonly string[]).includes(value);
const isTrack = (value: unknown): value is Track =>
	typeof value === 'string' && value in trackLabels;

/** The dates a move recorded: 党组会议 (党组审定) and the notice's first and last day (公示). */
function datesOf(after: Fields): string[] {
	const parts: string[] = [];
	const approvedOn = text(after.approvedOn);
	if (approvedOn) parts.push(`党组会议 ${approvedOn}`);
	const start = text(after.noticeStart);
	const end = text(after.noticeEnd);
	if (start) parts.push(end ? `公示 ${start} 至 ${end}` : `公示自 ${start}`);
	return parts;
}

function describeMove(before: Fields, after: Fields): string {
	const from = isStage(before.stage) ? `${stageLabels[before.stage]} → ` : '';
	const to = isStage(after.stage) ? stageLabels[after.stage] : '';
	const track = isTrack(after.proposedTrack) ? `（${trackLabels[after.proposedTrack]}）` : '';
	return [`${from}${to}${track}`, ...datesOf(after)].join('；');
}

/** The Chinese line of one audit row. */
export function describeHistory(entry: HistoryEntry): HistoryLine {
	const before = fields(entry.before);
	const after = fields(entry.after);
	const code = text(after.overridden);
	const gate =
		code && code in moveRefusalTitles
			? { code, title: moveRefusalTitles[code as MoveRefusalCode] }
			: null;
	let detail = '';
	if (isStage(after.stage)) {
		detail = describeMove(before, after);
	} else if (entry.action === 'consultation.record') {
		const note = text(after.note) ? `（${text(after.note)}）` : '';
		const date = text(after.date) ? `，${text(after.date)}` : '';
		detail = `${text(after.dept) ?? ''}：${text(after.result) ?? ''}${note}${date}`;
	} else if (entry.action === 'objection.record') {
		detail = `${text(after.receivedOn) ?? ''} 收到：${text(after.summary) ?? ''}`;
	} else if (entry.action === 'objection.resolve') {
		detail = `${text(after.resolvedOn) ?? ''} 办结：${text(after.resolution) ?? ''}`;
		if (text(before.summary)) detail += `（异议：${text(before.summary)}）`;
	}
	return { action: actionLabel(entry.action), detail, gate };
}
