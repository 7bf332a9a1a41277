/**
 * The two lists of SPEC §8: 拟表彰对象建议名单 for the party group and the 公示名单, each as .docx
 * (公文 layout) and .xlsx (A4 landscape, merged two-level header, frozen header, print titles).
 * The public list prints name, recommending unit, track and — for suggestions — the title, and
 * nothing else (SPEC §7): it is built from `publicRow`, which holds only those.
 */
import ExcelJS from 'exceljs';
import { AlignmentType, Paragraph, type FileChild } from 'docx';
import { roundOutcomeLabels } from '../../domain/tally';
import type { MinutesMeeting } from '../votes/minutes';
import type { ListEntry, ListGroups } from './entries';
import { body, faces, gongwen, heading, run, sizes, title, toBytes } from './word';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const measure = (track: string) =>
	track === 'individual' ? '名' : track === 'suggestion' ? '件' : '个';

/** What the public notice may print of a candidate (SPEC §7). */
export interface PublicRow {
	name: string;
	unitName: string;
	trackLabel: string;
	suggestionTitle: string;
}

/** The public projection of an entry: name, unit, track, and a suggestion's title. */
export function publicRow(entry: ListEntry, trackLabel: string): PublicRow {
	return {
		name: entry.name,
		unitName: entry.unitName,
		trackLabel,
		suggestionTitle: entry.suggestionTitle
	};
}

/** Vote results to print, by candidate id (e.g. 「同意 9 票，不同意 1 票，弃权 0 票，通过」). */
export type VoteLines = Map<number, string>;

/**
 * Each candidate's vote result as the lists print it: the counts and outcome of the last closed
 * round it was in (a later round — a re-vote after a tie — replaces an earlier one).
 */
export function voteLinesOf(meetings: MinutesMeeting[]): VoteLines {
	const lines: VoteLines = new Map();
	for (const m of meetings)
		for (const r of m.rounds) {
			if (r.status !== 'closed') continue;
			for (const c of r.candidates)
				lines.set(
					c.candidateId,
					`同意 ${c.approve} 票，不同意 ${c.reject} 票，弃权 ${c.abstain} 票，${roundOutcomeLabels[c.outcome]}`
				);
		}
	return lines;
}

/** 拟表彰对象建议名单 as a 公文 .docx: by track, numbered, unit, one-line summary, vote, 评审意见. */
export async function proposedListDocx(list: ListGroups, votes: VoteLines = new Map()) {
	const children: FileChild[] = [title('拟表彰对象建议名单')];
	if (list.campaignName) children.push(body(`（${list.campaignName}）`, { center: true }));
	list.groups.forEach((group, index) => {
		children.push(
			heading(
				`${numerals[index] ?? index + 1}、${group.label}（${group.entries.length}${measure(group.track)}）`
			)
		);
		group.entries.forEach((entry, n) => {
			const name = entry.suggestionTitle
				? `${entry.suggestionTitle}（领衔代表：${entry.name}）`
				: entry.name;
			children.push(
				new Paragraph({
					indent: { firstLine: sizes.sanhao * 20 },
					children: [
						run(`${n + 1}. ${name}`, faces.body, sizes.sanhao, { bold: true }),
						run(`（推荐单位：${entry.unitName}）`, faces.body, sizes.sanhao)
					]
				})
			);
			if (entry.summary) children.push(body(entry.summary, { indent: true }));
			const vote = votes.get(entry.id);
			if (vote) children.push(body(`表决结果：${vote}`, { indent: true }));
			entry.comment
				.split('\n')
				.filter((line) => line.trim())
				.forEach((line, i) =>
					children.push(body(i === 0 ? `评审意见：${line}` : line, { indent: true }))
				);
		});
	});
	if (list.count === 0) children.push(body('（暂无拟表彰对象）', { center: true }));
	return toBytes(gongwen(children, { title: '拟表彰对象建议名单' }));
}

/** 公示名单 as a 公文 .docx: by track, numbered, name — unit (and a suggestion's title). */
export async function publicNoticeDocx(list: ListGroups) {
	const children: FileChild[] = [title(['重庆市人大代表履职贡献奖', '拟表彰对象公示名单'])];
	list.groups.forEach((group, index) => {
		children.push(
			heading(
				`${numerals[index] ?? index + 1}、${group.label}（${group.entries.length}${measure(group.track)}）`
			)
		);
		group.entries.forEach((entry, n) => {
			const row = publicRow(entry, group.label);
			const line = row.suggestionTitle
				? `${n + 1}. ${row.suggestionTitle}（领衔代表：${row.name}，${row.unitName}）`
				: `${n + 1}. ${row.name}（${row.unitName}）`;
			children.push(
				new Paragraph({
					alignment: AlignmentType.LEFT,
					indent: { firstLine: sizes.sanhao * 20 },
					children: [run(line, faces.body, sizes.sanhao)]
				})
			);
		});
	});
	if (list.count === 0) children.push(body('（暂无公示对象）', { center: true }));
	return toBytes(gongwen(children, { title: '公示名单' }));
}

interface SheetColumn {
	/** Upper header (spanning its group), lower header; equal ones merge vertically. */
	top: string;
	header: string;
	width: number;
	value: (entry: ListEntry, group: string, n: number, votes: VoteLines) => string | number;
}

const thin = { style: 'thin' } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * One list as a worksheet: a title row, a two-level header (rows 2–3, merged where a group spans
 * columns or a header spans both rows), a merged row per track, frozen below the header, printed
 * A4 landscape fitted to the page width with rows 2–3 repeated on every page.
 */
async function listWorkbook(
	sheetTitle: string,
	list: ListGroups,
	columns: SheetColumn[],
	votes: VoteLines = new Map()
): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Shortlist 评审台';
	const sheet = workbook.addWorksheet('名单', {
		pageSetup: {
			paperSize: 9,
			orientation: 'landscape',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0,
			printTitlesRow: '2:3',
			horizontalCentered: true,
			margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
		},
		headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
		views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }]
	});
	sheet.columns = columns.map((column) => ({ width: column.width }));
	const last = columns.length;
	const font = { name: faces.body, size: 12 };
	const headerFont = { name: faces.heading, size: 12, bold: true };
	sheet.mergeCells(1, 1, 1, last);
	const titleCell = sheet.getCell(1, 1);
	titleCell.value = sheetTitle;
	titleCell.font = { name: faces.title, size: 20 };
	titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
	sheet.getRow(1).height = 36;
	const top = sheet.getRow(2);
	const lower = sheet.getRow(3);
	columns.forEach((column, index) => {
		top.getCell(index + 1).value = column.top;
		lower.getCell(index + 1).value = column.header;
	});
	// Merge equal upper headers side by side, and a header that is the same on both rows.
	const tops = columns.map((column) => column.top);
	for (let start = 0; start < last;) {
		let end = start;
		while (end + 1 < last && tops[end + 1] === tops[start]) end++;
		if (end > start) sheet.mergeCells(2, start + 1, 2, end + 1);
		else if (tops[start] === columns[start]?.header) sheet.mergeCells(2, start + 1, 3, start + 1);
		start = end + 1;
	}
	for (const row of [top, lower]) {
		row.height = 22;
		for (let c = 1; c <= last; c++) {
			const cell = row.getCell(c);
			cell.font = headerFont;
			cell.border = border;
			cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
		}
	}
	list.groups.forEach((group, index) => {
		const groupRow = sheet.addRow([
			`${numerals[index] ?? index + 1}、${group.label}（${group.entries.length}${measure(group.track)}）`
		]);
		sheet.mergeCells(groupRow.number, 1, groupRow.number, last);
		groupRow.getCell(1).font = headerFont;
		groupRow.getCell(1).border = border;
		group.entries.forEach((entry, n) => {
			const row = sheet.addRow(columns.map((column) => column.value(entry, group.label, n, votes)));
			row.eachCell({ includeEmpty: true }, (cell) => {
				cell.font = font;
				cell.border = border;
				cell.alignment = { vertical: 'middle', wrapText: true };
			});
			row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
		});
	});
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 拟表彰对象建议名单 as .xlsx. */
export function proposedListXlsx(list: ListGroups, votes: VoteLines = new Map()) {
	return listWorkbook(
		'拟表彰对象建议名单',
		list,
		[
			{ top: '序号', header: '序号', width: 6, value: (_e, _g, n) => n + 1 },
			{ top: '推荐对象', header: '姓名（名称）', width: 18, value: (e) => e.name },
			{ top: '推荐对象', header: '建议题目', width: 28, value: (e) => e.suggestionTitle },
			{ top: '推荐单位', header: '推荐单位', width: 22, value: (e) => e.unitName },
			{ top: '评审情况', header: '简要情况', width: 32, value: (e) => e.summary },
			{
				top: '评审情况',
				header: '表决结果',
				width: 16,
				value: (e, _g, _n, v) => v.get(e.id) ?? ''
			},
			{ top: '评审情况', header: '评审意见', width: 34, value: (e) => e.comment }
		],
		votes
	);
}

/** 公示名单 as .xlsx: name, unit, track, a suggestion's title — nothing else (SPEC §7). */
export function publicNoticeXlsx(list: ListGroups) {
	return listWorkbook('拟表彰对象公示名单', list, [
		{ top: '序号', header: '序号', width: 6, value: (_e, _g, n) => n + 1 },
		{ top: '表彰对象', header: '姓名（名称）', width: 24, value: (e, g) => publicRow(e, g).name },
		{
			top: '表彰对象',
			header: '建议题目',
			width: 40,
			value: (e, g) => publicRow(e, g).suggestionTitle
		},
		{ top: '推荐单位', header: '推荐单位', width: 30, value: (e, g) => publicRow(e, g).unitName },
		{ top: '表彰类别', header: '表彰类别', width: 20, value: (e, g) => publicRow(e, g).trackLabel }
	]);
}
