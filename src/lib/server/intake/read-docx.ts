/**
 * Reads a filled approval form (.docx, 附件1–3, one candidate a file) into a draft: the form is
 * recognised by its title (「先进个人推荐审批表」…), and every table cell whose text is one of the
 * form's labels (domain/approval-forms.ts, spaces, line breaks and a trailing note such as
 * 「（2000字以内）」 ignored) gives its field the next cell's text — the layout we export (label |
 * value pairs, long text under its heading row) and the notice's own Word template alike. The
 * template's cells that hold two or three fields (工作单位及职务职级, 单位地址及邮编,
 * 集体负责人姓名及职务) are split, and the hints it prints in a value cell (「（请按照年份依次填写）」)
 * are not read as values. The photo is the first picture in the table; 推荐单位 and 填报时间 come
 * from the cover or the line above the table. Unzipping with jszip, XML with fast-xml-parser.
 */
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { approvalForms, type ApprovalForm, type FormField } from '../../domain/approval-forms';
import { nominationTracks, type NominationTrack } from '../../domain/campaign';
import { ranks } from '../../domain/vocabulary';
import { emptyDraft, setField, type Draft } from './draft';
import { IntakeRefusal } from './refusal';

/** Larger unpacked parts (document XML, the photo) are refused: a zip bomb or not a form. */
export const maxPartBytes = 16 * 1024 * 1024;

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	parseTagValue: false,
	trimValues: false
});

/** A table cell as read: its text (paragraphs joined by line breaks) and its pictures' ids. */
interface Cell {
	text: string;
	pictures: string[];
}

/** Spaces (also 全角), line breaks, colons and a trailing note in brackets do not tell labels apart. */
function labelKey(text: string): string {
	return text.replace(/[\s\u3000：:]/g, '').replace(/[（(][^（）()]*[）)]$/, '');
}

/**
 * The hints the notice's template prints in a value cell (「（请按照年份依次填写）」「（如3.5，截至
 * 2022年10月）」「（市五届人大X次会议XX号…）」): a bracketed note at the start that asks (请), gives
 * an example (如) or holds a placeholder (X).
 */
const templateHint = /^[\s\u3000]*[（(](?:请|如|[^（）()]*X)[^（）()]*[）)]/;

function withoutHints(text: string): string {
	let rest = text;
	while (templateHint.test(rest)) rest = rest.replace(templateHint, '');
	return rest;
}

/** What a cell of several fields holds, by field key; `problem` when it could not be told apart. */
type Parts = { values: Record<string, string>; problem?: string };

/** Between two parts of a combined cell: spaces, commas, 、 or a slash. */
const separator = /[\s\u3000,，、/／;；]+/;

/** 「重庆市渝中区解放碑街道 400010」 or 「…（邮编：400010）」: the address and its postcode. */
function addressAndPostcode(addressKey: string, postcodeKey: string) {
	return (text: string): Parts => {
		const match =
			/^(.*?)[\s\u3000,，、;；]*[（(]?\s*(?:邮编|邮政编码)?\s*[：:]?\s*(\d{6})\s*[）)]?$/s.exec(
				text.trim()
			);
		if (!match) return { values: { [addressKey]: text.trim() } };
		return { values: { [addressKey]: match[1]!.trim(), [postcodeKey]: match[2]! } };
	};
}

/** 「张三 主任」「张三（主任）」「张三，主任」: the name and the post. */
function nameAndPost(nameKey: string, postKey: string, label: string) {
	return (text: string): Parts => {
		const value = text.trim();
		const bracketed = /^(.+?)[（(](.+)[）)]$/s.exec(value);
		const [name, ...post] = bracketed ? [bracketed[1]!, bracketed[2]!] : value.split(separator);
		if (!value || post.length > 0)
			return { values: { [nameKey]: name!.trim(), [postKey]: post.join(' ').trim() } };
		return {
			values: {},
			problem: `“${label}”中的“${value}”未能分开姓名和职务，请在姓名和职务之间加一个空格（如“张三 主任”）后重新上传。`
		};
	};
}

/** Ranks found in free text, longest first (三级主任科员 before 主任科员). */
const rankWords = ranks
	.filter((rank) => rank !== '其他' && rank !== '无')
	.toSorted((a, b) => b.length - a.length);

/** 「渝中区解放碑街道办事处 党工委书记 乡科级正职」: employer, then post, with a 职级 found anywhere. */
function employerPostRank(text: string): Parts {
	let rest = text.trim();
	const rank = rankWords.find((word) => rest.includes(word));
	if (rank)
		rest = rest
			.replace(new RegExp(`[（(]?${rank}[）)]?`), ' ')
			.trim()
			.replace(/[\s\u3000,，、/／;；]+$/, '');
	const [employer = '', ...post] = rest.split(separator);
	const values: Record<string, string> = { employer, position: post.join(' ') };
	if (rank) values.rank = rank;
	if (rest && post.length === 0 && !rank)
		return {
			values,
			problem: `“工作单位及职务职级”中的“${rest}”已全部记为工作单位；如含职务，请在工作单位和职务之间加一个空格后重新上传。`
		};
	return { values };
}

/** The notice template's cells that hold several fields, per form, by label key. */
const combinedCells: Record<NominationTrack, Map<string, (text: string) => Parts>> = {
	individual: new Map([
		['工作单位及职务职级', employerPostRank],
		['所在单位地址及邮编', addressAndPostcode('employerAddress', 'employerPostcode')]
	]),
	collective: new Map([
		['集体负责人姓名及职务', nameAndPost('leader', 'leaderPosition', '集体负责人姓名及职务')],
		['单位地址及邮编', addressAndPostcode('address', 'postcode')]
	]),
	suggestion: new Map()
};

function tagOf(node: XmlNode): string | undefined {
	return Object.keys(node).find((key) => key !== ':@');
}

function children(node: XmlNode): XmlNode[] {
	const tag = tagOf(node);
	const value = tag ? node[tag] : undefined;
	return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** Text of a run-level subtree: w:t text, w:tab as a tab, w:br and w:cr as line breaks. */
function inlineText(nodes: XmlNode[], out: string[], pictures: string[]): void {
	for (const node of nodes) {
		const tag = tagOf(node);
		if (tag === '#text') continue;
		if (tag === 'w:t') {
			for (const part of children(node)) if ('#text' in part) out.push(String(part['#text']));
		} else if (tag === 'w:tab') out.push('\t');
		else if (tag === 'w:br' || tag === 'w:cr') out.push('\n');
		else if (tag === 'a:blip') {
			const id = node[':@']?.['@_r:embed'];
			if (id) pictures.push(id);
		} else if (tag) inlineText(children(node), out, pictures);
	}
}

/** What the body holds in order: paragraphs outside tables, and the cells of every table. */
interface Body {
	paragraphs: string[];
	cells: Cell[];
}

function paragraphText(node: XmlNode, pictures: string[]): string {
	const out: string[] = [];
	inlineText(children(node), out, pictures);
	return out.join('');
}

function isMergedContinuation(cell: XmlNode): boolean {
	const properties = children(cell).find((child) => tagOf(child) === 'w:tcPr');
	const merge = properties && children(properties).find((child) => tagOf(child) === 'w:vMerge');
	return !!merge && merge[':@']?.['@_w:val'] !== 'restart';
}

/** A cell's paragraphs or nested tables, also inside content controls (w:sdt), in order. */
function cellParts(node: XmlNode, wanted: 'w:p' | 'w:tbl'): XmlNode[] {
	return children(node).flatMap((child) => {
		const tag = tagOf(child);
		if (tag === wanted) return [child];
		if (tag === 'w:p' || tag === 'w:tbl' || tag === 'w:tcPr' || tag === '#text') return [];
		return cellParts(child, wanted);
	});
}

function walk(nodes: XmlNode[], body: Body, inTable: boolean): void {
	for (const node of nodes) {
		const tag = tagOf(node);
		if (tag === 'w:p') {
			const text = paragraphText(node, []);
			if (!inTable) body.paragraphs.push(text);
		} else if (tag === 'w:tc') {
			if (isMergedContinuation(node)) continue;
			const pictures: string[] = [];
			const lines = cellParts(node, 'w:p').map((paragraph) => paragraphText(paragraph, pictures));
			body.cells.push({ text: lines.join('\n'), pictures });
			// A table nested in a cell is read after it.
			walk(cellParts(node, 'w:tbl'), body, true);
		} else if (tag === 'w:tbl' || tag === 'w:tr') walk(children(node), body, true);
		else if (tag && tag !== '#text' && tag !== 'w:sectPr') walk(children(node), body, inTable);
	}
}

/** Reads a zip entry as bytes, refusing it past `maxPartBytes` unpacked (counted as it inflates). */
function entryBytes(file: JSZip.JSZipObject, fileName: string): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let done = false;
		const stream = file.nodeStream('nodebuffer');
		stream.on('data', (chunk: Buffer) => {
			if (done) return;
			size += chunk.length;
			if (size > maxPartBytes) {
				done = true;
				stream.pause();
				reject(new IntakeRefusal(`“${fileName}”的内容超过 16 MB，不像一份审批表，未导入。`));
				return;
			}
			chunks.push(chunk);
		});
		stream.on('error', (error: unknown) => {
			if (!done) reject(error instanceof Error ? error : new Error(String(error)));
			done = true;
		});
		stream.on('end', () => {
			if (!done) resolve(Buffer.concat(chunks));
			done = true;
		});
	});
}

/** The form whose title the document's paragraphs carry, else the one most of its labels match. */
function formOf(body: Body): ApprovalForm<'person' | 'collective' | 'suggestion', string> | null {
	for (const paragraph of body.paragraphs) {
		const key = labelKey(paragraph);
		const byTitle = Object.values(approvalForms).find((form) => key.includes(form.title));
		if (byTitle) return byTitle;
	}
	const labels = new Set(body.cells.map((cell) => labelKey(cell.text)));
	let best: { track: NominationTrack; hits: number } | null = null;
	for (const track of nominationTracks) {
		const hits = approvalForms[track].fields.filter((f) => labels.has(labelKey(f.label))).length;
		if (hits >= 3 && hits > (best?.hits ?? 0)) best = { track, hits };
	}
	return best ? approvalForms[best.track] : null;
}

/** 填报时间 「2022年10月28日」 as 2022-10-28; undefined when left blank. */
function filedOn(text: string): string | undefined {
	const match = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
	if (!match) return undefined;
	return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

const imageTypes: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg'
};

/** The picture with relationship `id` as a data URL, when it is a PNG or JPEG. */
async function pictureUrl(zip: JSZip, id: string, fileName: string): Promise<string | undefined> {
	const rels = zip.file('word/_rels/document.xml.rels');
	if (!rels) return undefined;
	const xml = (await entryBytes(rels, fileName)).toString('utf8');
	const target =
		new RegExp(`<Relationship[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(xml)?.[1] ??
		new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(xml)?.[1];
	if (!target) return undefined;
	const type = imageTypes[target.split('.').pop()?.toLowerCase() ?? ''];
	const file = zip.file(target.startsWith('/') ? target.slice(1) : `word/${target}`);
	if (!type || !file) return undefined;
	return `data:${type};base64,${(await entryBytes(file, fileName)).toString('base64')}`;
}

/** Reads `bytes` (a .docx named `fileName`) into the draft of the one candidate it holds. */
export async function readApprovalFormDocx(bytes: Uint8Array, fileName: string): Promise<Draft> {
	let zip: JSZip;
	try {
		zip = await JSZip.loadAsync(bytes);
	} catch {
		throw new IntakeRefusal(
			`“${fileName}”无法打开：文件已损坏，或不是 .docx 格式的 Word 文档。请用 Word 或 WPS 打开检查，另存为 .docx 后再上传。`
		);
	}
	const part = zip.file('word/document.xml');
	if (!part)
		throw new IntakeRefusal(
			`“${fileName}”不是 Word 文档（缺少正文部分）。请上传审批表的 .docx 文件。`
		);
	let tree: XmlNode[];
	try {
		tree = parser.parse((await entryBytes(part, fileName)).toString('utf8')) as XmlNode[];
	} catch (error) {
		if (error instanceof IntakeRefusal) throw error;
		throw new IntakeRefusal(
			`“${fileName}”的正文已损坏，无法读取。请用 Word 或 WPS 打开后重新保存为 .docx。`
		);
	}
	const body: Body = { paragraphs: [], cells: [] };
	walk(tree, body, false);
	const form = formOf(body);
	if (!form)
		throw new IntakeRefusal(
			`“${fileName}”不是审批表：没有找到“先进集体推荐审批表”“先进个人推荐审批表”或“优秀建议推荐审批表”及其表格。每个文件应是一名推荐对象的审批表（附件1–3）。`
		);
	const base = fileName.replace(/\.docx$/i, '');
	const draft = emptyDraft(form.track, `“${fileName}”`, base);
	const byLabel = new Map<string, FormField>(
		form.fields.filter((f) => f.printed).map((f) => [labelKey(f.label), f])
	);
	const combined = combinedCells[form.track];
	const isLabel = (cell: Cell) =>
		byLabel.has(labelKey(cell.text)) || combined.has(labelKey(cell.text));
	for (let i = 0; i < body.cells.length; i++) {
		const key = labelKey(body.cells[i]!.text);
		const field = byLabel.get(key);
		const split = combined.get(key);
		if (!split && (!field || field.key in draft.section || field.kind === 'photo')) continue;
		// The next cell is the value, unless it is the next label (the value was left empty).
		const next = body.cells[i + 1];
		const value = next && !isLabel(next) ? withoutHints(next.text) : null;
		if (value !== null) i += 1;
		if (field) {
			setField(draft, field, value ?? '');
			continue;
		}
		const parts = split!(value ?? '');
		if (parts.problem) draft.problems.push(`${draft.source}：${parts.problem}`);
		for (const [partKey, text] of Object.entries(parts.values)) {
			const part = form.fields.find((f) => f.key === partKey);
			if (part && !(part.key in draft.section)) setField(draft, part, text);
		}
	}
	if (form.fields.some((f) => f.kind === 'photo')) {
		const picture = body.cells.find((cell) => cell.pictures.length > 0)?.pictures[0];
		draft.section.photo = (picture && (await pictureUrl(zip, picture, fileName))) ?? '';
	}
	for (const paragraph of body.paragraphs) {
		const line = /^[\s\u3000]*(推荐单位|填报时间)[\s\u3000]*[：:](.*)$/s.exec(paragraph);
		const value = line?.[2]?.trim() ?? '';
		if (line?.[1] === '推荐单位' && value) draft.unitName ??= value;
		if (line?.[1] === '填报时间') draft.submittedAt ??= filedOn(value);
	}
	return draft;
}
