/**
 * The Word side of the exports: the 公文 page (GB/T 9704 — A4, margins 37/28/35/26 mm top/left/
 * bottom/right, page numbers 「— n —」 at the foot) and its faces (title 方正小标宋简体, body
 * 仿宋_GB2312, set for East Asian text through `eastAsia`). Sizes are in half-points.
 */
import {
	AlignmentType,
	Document,
	Footer,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlignTable,
	WidthType,
	convertMillimetersToTwip,
	type FileChild,
	type IRunOptions
} from 'docx';

/** Faces named in our documents; the office suite substitutes where they are missing. */
export const faces = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体' } as const;

/** Chinese type sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const sizes = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 } as const;

/** Text language: Chinese (PRC), so office suites pick Simplified-Chinese glyphs. */
export const chinese = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

/** A run in one face: the same face for Latin and East Asian text. */
export function run(text: string, face: string, size: number, options: IRunOptions = {}): TextRun {
	return new TextRun({
		...options,
		text,
		font: { ascii: face, hAnsi: face, eastAsia: face, cs: face },
		size,
		language: chinese
	} as IRunOptions);
}

/**
 * A run in the document's default face and size (set by `gongwen`): no run properties of its own
 * but bold, so a form's hundreds of cells stay light to build and to write.
 */
export function plain(text: string, bold = false): TextRun {
	return new TextRun(bold ? { text, bold } : text);
}

/**
 * The document's title: 方正小标宋简体 二号, centred, with space after. A title too long for one
 * line (a line holds 20 characters of 二号 at most, and a 20th may already spill) is given as its
 * lines, broken where the meaning breaks, as 公文 titles are — never left to wrap a last character.
 */
export function title(text: string | string[]): Paragraph {
	const lines = typeof text === 'string' ? [text] : text;
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing: { after: 400, line: 560 },
		children: lines.map((line, index) =>
			run(line, faces.title, sizes.erhao, index > 0 ? { break: 1 } : {})
		)
	});
}

/** A body paragraph in 仿宋_GB2312 (三号 unless given). */
export function body(
	text: string,
	options: {
		size?: number;
		bold?: boolean;
		center?: boolean;
		indent?: boolean;
		/** Kept on the page of what follows (a heading above its table). */
		keepNext?: boolean;
	} = {}
): Paragraph {
	const size = options.size ?? sizes.sanhao;
	return new Paragraph({
		alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
		keepNext: options.keepNext,
		keepLines: options.keepNext,
		indent: options.indent ? { firstLine: size * 20 } : undefined,
		children: [run(text, faces.body, size, { bold: options.bold })]
	});
}

/** A heading line (黑体 三号), as 公文 uses for 一级标题. */
export function heading(text: string): Paragraph {
	return new Paragraph({
		spacing: { before: 240, after: 120 },
		children: [run(text, faces.heading, sizes.sanhao)]
	});
}

/**
 * A 公文 document: A4 (landscape when asked), GB/T 9704 margins, page numbers in the footer,
 * default run 仿宋_GB2312 三号 (or `bodyFace`, `bodySize`).
 */
export function gongwen(
	children: FileChild[],
	options: { landscape?: boolean; bodyFace?: string; bodySize?: number; title?: string } = {}
): Document {
	const bodySize = options.bodySize ?? sizes.sanhao;
	const bodyFace = options.bodyFace ?? faces.body;
	return new Document({
		creator: 'Shortlist 评审台',
		title: options.title,
		styles: {
			default: {
				document: {
					run: {
						font: { ascii: bodyFace, hAnsi: bodyFace, eastAsia: bodyFace, cs: bodyFace },
						size: bodySize,
						language: chinese
					}
				}
			}
		},
		sections: [
			{
				properties: {
					page: {
						size: {
							width: convertMillimetersToTwip(210),
							height: convertMillimetersToTwip(297),
							orientation: options.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT
						},
						margin: {
							top: convertMillimetersToTwip(37),
							left: convertMillimetersToTwip(28),
							bottom: convertMillimetersToTwip(35),
							right: convertMillimetersToTwip(26),
							footer: convertMillimetersToTwip(20)
						}
					}
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [
									new TextRun({
										children: ['— ', PageNumber.CURRENT, ' —'],
										font: { ascii: faces.body, hAnsi: faces.body, eastAsia: faces.body },
										size: sizes.sihao,
										language: chinese
									})
								]
							})
						]
					})
				},
				children
			}
		]
	});
}

/** The text width of the portrait 公文 page: 210 − 28 − 26 = 156 mm, in twips. */
export const textWidth = 8844;

/** A date 'YYYY-MM-DD' as a 公文 prints it (2022年10月28日); null when it is not one. */
export function chineseDate(date: string | undefined | null): string | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
	return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : null;
}

/**
 * A ruled table in the body face: a header row (黑体, repeated on every page) and rows of text,
 * columns of the given widths in twips (they should add up to `textWidth`); `centred` columns
 * (by index) are centred, the others left-aligned.
 */
export function grid(
	headers: string[],
	rows: string[][],
	widths: number[],
	options: { size?: number; centred?: number[] } = {}
): Table {
	const size = options.size ?? sizes.xiaosi;
	const centred = new Set(options.centred ?? []);
	const cell = (text: string, column: number, face: string) =>
		new TableCell({
			verticalAlign: VerticalAlignTable.CENTER,
			margins: { left: 60, right: 60, top: 30, bottom: 30 },
			children: text.split('\n').map(
				(line) =>
					new Paragraph({
						alignment:
							face === faces.heading || centred.has(column)
								? AlignmentType.CENTER
								: AlignmentType.LEFT,
						children: [run(line, face, size)]
					})
			)
		});
	return new Table({
		width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
		columnWidths: widths,
		layout: TableLayoutType.FIXED,
		rows: [
			new TableRow({
				tableHeader: true,
				cantSplit: true,
				children: headers.map((text, column) => cell(text, column, faces.heading))
			}),
			...rows.map(
				(row) =>
					new TableRow({
						cantSplit: true,
						children: row.map((text, column) => cell(text, column, faces.body))
					})
			)
		]
	});
}

/** The document as .docx bytes. */
export async function toBytes(document: Document): Promise<Buffer> {
	return Packer.toBuffer(document);
}
