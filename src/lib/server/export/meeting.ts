/**
 * The meeting's two documents, both written from the one gathering of the minutes
 * (`votes/minutes.ts`, which the printable minutes page shows too):
 * - 会议纪要 (`minutes.docx`): per meeting its date, attendance (应到/实到, with names, and whether
 *   the quorum held), each round with its candidates, counts and results, and the recusals;
 * - 表决记录 (`votes.docx`): per round, per candidate the counts, the votes needed and the result.
 *   The ballot is secret: at a round's close the choices are detached from the voters, so neither
 *   document can say — and neither tries to say — who voted what; the vote record names no member.
 * 公文 layout (word.ts): A4 portrait, 方正小标宋简体 title, 仿宋_GB2312 body, page numbers.
 */
import { eq } from 'drizzle-orm';
import type { FileChild } from 'docx';
import { trackLabels } from '../../domain/campaign';
import { quorum, roundOutcomeLabels, type PassRule } from '../../domain/tally';
import type { Db } from '../db';
import { campaign } from '../db/schema';
import { meetingMinutes, type MinutesMeeting, type MinutesRound } from '../votes/minutes';
import { recordExport, type ExportActor } from './documents';
import { body, chineseDate, gongwen, grid, heading, sizes, title, toBytes } from './word';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (index: number) => numerals[index] ?? String(index + 1);

const clock = new Intl.DateTimeFormat('zh-CN', {
	timeZone: 'Asia/Shanghai',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});
/** A moment as the clock in Chongqing read it (10:05), or — when there is none. */
const time = (moment: Date | null) => (moment ? clock.format(new Date(moment)) : '—');

const ruleLabels: Record<PassRule, string> = {
	majority: '过半数通过',
	'two-thirds': '三分之二以上通过'
};

/** 「第1轮 单项表决」 or 「第2轮 差额投票（名额 3 个）」 (an ideographic space between): the round's heading, kept with its table. */
function roundHeading(r: MinutesRound, index: number) {
	const kind =
		r.kind === 'ballot'
			? r.places !== null
				? `差额投票（名额 ${r.places} 个）`
				: '多名候选对象同时表决'
			: '单项表决';
	return body(`第${index + 1}轮\u3000${kind}`, { bold: true, keepNext: true });
}

/** 「时间：10:02—10:05；表决规则：过半数通过」, and what follows it, kept with the table. */
function roundFacts(r: MinutesRound, more: string) {
	const span =
		r.status === 'open'
			? `${time(r.openedAt)} 开始，尚未结束`
			: `${time(r.openedAt)}—${time(r.closedAt)}`;
	return body(`时间：${span}；表决规则：${ruleLabels[r.passRule]}。${more}`, {
		indent: true,
		size: sizes.sihao,
		keepNext: true
	});
}

/** A candidate's result as printed: 通过 (第2名), 未通过, … or 表决中 while the round is open. */
function outcomeText(r: MinutesRound, c: MinutesRound['candidates'][number]): string {
	if (r.status === 'open') return '表决中';
	const label = roundOutcomeLabels[c.outcome];
	return r.kind === 'ballot' && r.places !== null && c.rank !== null
		? `${label}（第${c.rank}名）`
		: label;
}

/** The three counts, or dashes while the round is open (they are not known until the close). */
function counts(r: MinutesRound, c: MinutesRound['candidates'][number]): string[] {
	return r.status === 'open'
		? ['—', '—', '—']
		: [String(c.approve), String(c.reject), String(c.abstain)];
}

/** The candidates a set of meetings voted on, once each. */
function candidatesOf(meetings: MinutesMeeting[]): Set<number> {
	return new Set(
		meetings.flatMap((m) => m.rounds.flatMap((r) => r.candidates.map((c) => c.candidateId)))
	);
}

/** The heading of one meeting: 「一、联合评审会议（2022年11月3日）」. */
const meetingHeading = (m: MinutesMeeting, index: number) =>
	heading(`${numeral(index)}、联合评审会议（${chineseDate(m.heldOn) ?? m.heldOn}）`);

/** 会议纪要 as .docx bytes. */
export async function minutesDocx(campaignName: string, meetings: MinutesMeeting[]) {
	const children: FileChild[] = [title('联合评审会议纪要')];
	if (campaignName) children.push(body(`（${campaignName}）`, { center: true }));
	if (meetings.length === 0) children.push(body('尚未召开联合评审会议。', { center: true }));
	meetings.forEach((m, index) => {
		const present = new Set(m.present);
		const absent = m.expected.filter((name) => !present.has(name));
		const q = quorum(m.expected.length, m.present.length);
		children.push(
			meetingHeading(m, index),
			body(`会议时间：${chineseDate(m.heldOn) ?? m.heldOn}`, { indent: true }),
			body(`应到 ${m.expected.length} 人：${m.expected.join('、') || '无'}`, { indent: true }),
			body(`实到 ${m.present.length} 人：${m.present.join('、') || '无'}`, { indent: true }),
			body(`缺席 ${absent.length} 人${absent.length ? `：${absent.join('、')}` : ''}`, {
				indent: true
			}),
			body(
				q.met
					? `实到人数达到应到人数的三分之二（至少 ${q.needed} 人），符合开会要求。`
					: `实到人数不足应到人数的三分之二（至少 ${q.needed} 人）。`,
				{ indent: true }
			)
		);
		if (m.rounds.length === 0) children.push(body('本次会议未进行表决。', { indent: true }));
		m.rounds.forEach((r, n) => {
			children.push(
				roundHeading(r, n),
				roundFacts(
					r,
					r.status === 'open'
						? '参加投票人员在表决结束时记录。'
						: `参加投票 ${r.tookPart.length} 人：${r.tookPart.join('、') || '无'}（无记名投票，不记录个人选择）。`
				),
				grid(
					['序号', '候选对象', '推荐单位', '应投', '同意', '不同意', '弃权', '结果'],
					r.candidates.map((c, i) => [
						String(i + 1),
						c.title,
						c.unitName,
						String(c.voters),
						...counts(r, c),
						outcomeText(r, c)
					]),
					[600, 2300, 1800, 600, 600, 780, 600, 1564],
					{ size: sizes.wuhao, centred: [0, 3, 4, 5, 6, 7] }
				)
			);
			const recusals = r.candidates.flatMap((c) =>
				c.recused.map((x) => `${x.name}（${x.reason}）回避对「${c.title}」的表决`)
			);
			children.push(
				body(recusals.length ? `回避：${recusals.join('；')}。` : '回避：无。', {
					indent: true,
					size: sizes.sihao
				})
			);
		});
		const passed = m.rounds.flatMap((r) =>
			r.status === 'closed' ? r.candidates.filter((c) => c.outcome === 'passed') : []
		);
		children.push(
			body(
				`本次会议共进行 ${m.rounds.length} 轮表决，${passed.length} 个候选对象获得通过${
					passed.length ? `：${passed.map((c) => c.title).join('、')}` : ''
				}。`,
				{ indent: true }
			)
		);
	});
	children.push(
		body(''),
		body('记录人：　　　　　　　　审核人：　　　　　　　　', { indent: true })
	);
	return toBytes(gongwen(children, { title: '联合评审会议纪要' }));
}

/** 表决记录 as .docx bytes: counts and results only, no member's name. */
export async function votesDocx(campaignName: string, meetings: MinutesMeeting[]) {
	const children: FileChild[] = [title('联合评审表决记录')];
	if (campaignName) children.push(body(`（${campaignName}）`, { center: true }));
	children.push(
		body(
			'表决采用无记名方式。每轮表决结束时，个人的选择即与投票人分离，本记录只载明各候选对象的票数和结果。未标记的选票计为弃权。',
			{ indent: true, size: sizes.sihao }
		)
	);
	if (meetings.length === 0) children.push(body('尚无表决。', { center: true }));
	meetings.forEach((m, index) => {
		children.push(meetingHeading(m, index));
		if (m.rounds.length === 0) children.push(body('本次会议未进行表决。', { indent: true }));
		m.rounds.forEach((r, n) => {
			children.push(
				roundHeading(r, n),
				roundFacts(r, ''),
				grid(
					[
						'序号',
						'候选对象（推荐单位）',
						'类别',
						'应投',
						'同意',
						'不同意',
						'弃权',
						'所需\n票数',
						'结果'
					],
					r.candidates.map((c, i) => [
						String(i + 1),
						`${c.title}\n（${c.unitName}）`,
						trackLabels[c.track],
						String(c.voters),
						...counts(r, c),
						String(c.needed),
						outcomeText(r, c)
					]),
					[600, 2564, 1000, 600, 600, 780, 600, 600, 1500],
					{ size: sizes.wuhao, centred: [0, 2, 3, 4, 5, 6, 7, 8] }
				)
			);
		});
	});
	return toBytes(gongwen(children, { title: '联合评审表决记录' }));
}

/** The meeting documents by their stable names. */
export const meetingDocuments = {
	'minutes.docx': { fileName: '联合评审会议纪要.docx', write: minutesDocx },
	'votes.docx': { fileName: '联合评审表决记录.docx', write: votesDocx }
} as const;
export type MeetingDocumentName = keyof typeof meetingDocuments;

/** Whether `name` is one of the meeting documents. */
export function isMeetingDocument(name: string): name is MeetingDocumentName {
	return Object.hasOwn(meetingDocuments, name);
}

/**
 * Builds meeting document `name` of the campaign from the minutes and records the export (the
 * candidates it counts are those voted on).
 */
export async function buildMeetingDocument(
	db: Db,
	campaignId: number,
	name: MeetingDocumentName,
	actor: ExportActor
): Promise<{ bytes: Buffer; count: number }> {
	const [owner] = await db
		.select({ name: campaign.name })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	const minutes = await meetingMinutes(db, campaignId);
	const bytes = await meetingDocuments[name].write(owner?.name ?? '', minutes);
	const count = candidatesOf(minutes).size;
	await recordExport(db, campaignId, actor, name, count);
	return { bytes, count };
}
