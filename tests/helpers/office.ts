/**
 * Rendering our Word and Excel documents in a real office suite: LibreOffice headless converts
 * them to PDF, poppler reads the PDF back (text, pages, page size, fonts, PNG renders). Each
 * conversion gets its own LibreOffice profile, and fontconfig reads the alias file shipped in the
 * repository (config/fontconfig/fonts.conf), so the 公文 faces fall back to Noto Serif CJK SC.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The fontconfig file every conversion uses. */
export const fontconfigFile = path.resolve('config/fontconfig/fonts.conf');

const env = { ...process.env, FONTCONFIG_FILE: fontconfigFile, LANG: 'zh_CN.UTF-8' };

/** A document rendered to PDF, and what poppler reads of it. */
export interface Rendered {
	pdf: string;
	/** pdftotext -layout: the page as laid out. */
	text: string;
	/** pdftotext -raw: in content-stream order, so a wrapped table cell's lines stay together. */
	raw: string;
	pages: number;
	/** Page size in points of the first page, and its orientation. */
	width: number;
	height: number;
	landscape: boolean;
	/** Font names embedded in the PDF (pdffonts' first column, subset prefix dropped). */
	fonts: string[];
	/** Removes the temporary folder. */
	dispose(): Promise<void>;
}

/**
 * Converts `bytes` (a file named `name`) with LibreOffice in a fresh profile, to `target` (an
 * extension, optionally with its filter: `pdf`, `docx:MS Word 2007 XML`), writing into a new
 * temporary folder; returns the folder and the source's path there. Retries once when soffice
 * exits 81 (its first-start restart).
 */
async function convert(
	bytes: Uint8Array,
	name: string,
	target: string
): Promise<{ folder: string; source: string }> {
	const folder = await mkdtemp(path.join(tmpdir(), 'office-'));
	const source = path.join(folder, name);
	await writeFile(source, bytes);
	const out = path.join(folder, 'out');
	const profile = `file://${path.join(folder, 'profile')}`;
	const args = [
		`-env:UserInstallation=${profile}`,
		'--headless',
		'--norestore',
		'--convert-to',
		target,
		'--outdir',
		target === 'pdf' ? folder : out,
		source
	];
	for (let attempt = 0; ; attempt++) {
		try {
			await run('soffice', args, { env, timeout: 280_000 });
			return { folder, source };
		} catch (error) {
			if ((error as { code?: number }).code === 81 && attempt === 0) continue;
			throw error;
		}
	}
}

/**
 * A .docx or .xlsx as an office suite saves it again (opened and saved by LibreOffice in its
 * Office Open XML filter): what a unit's file looks like after editing it in an office suite.
 */
export async function resaved(bytes: Uint8Array, name: string): Promise<Buffer> {
	const filter = name.endsWith('.xlsx') ? 'xlsx:Calc MS Excel 2007 XML' : 'docx:MS Word 2007 XML';
	const { folder } = await convert(bytes, name, filter);
	try {
		return await readFile(path.join(folder, 'out', name));
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}

/**
 * Converts `bytes` (a .docx or .xlsx named `name`) to PDF with LibreOffice in a fresh profile.
 */
export async function renderPdf(bytes: Uint8Array, name: string): Promise<Rendered> {
	const { folder, source } = await convert(bytes, name, 'pdf');
	const pdf = source.replace(/\.(docx|xlsx)$/, '.pdf');
	await readFile(pdf); // throws when LibreOffice wrote nothing
	const [{ stdout: text }, { stdout: raw }, { stdout: info }, { stdout: fontList }] =
		await Promise.all([
			run('pdftotext', ['-layout', pdf, '-'], { env, maxBuffer: 64 << 20 }),
			run('pdftotext', ['-raw', pdf, '-'], { env, maxBuffer: 64 << 20 }),
			run('pdfinfo', [pdf], { env }),
			run('pdffonts', [pdf], { env })
		]);
	const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
	const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info);
	const width = Number(size?.[1] ?? 0);
	const height = Number(size?.[2] ?? 0);
	const fonts = fontList
		.split('\n')
		.slice(2)
		.map((line) => line.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '') ?? '')
		.filter(Boolean);
	return {
		pdf,
		text,
		raw,
		pages,
		width,
		height,
		landscape: width > height,
		fonts: [...new Set(fonts)],
		dispose: () => rm(folder, { recursive: true, force: true })
	};
}

/** Renders page `page` of a PDF to a PNG at `dpi` and returns its path (the caller keeps it). */
export async function renderPng(pdf: string, out: string, page = 1, dpi = 60): Promise<string> {
	await run(
		'pdftoppm',
		['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, out],
		{ env }
	);
	return `${out}.png`;
}

/** Text with all whitespace removed, for finding names that pdftotext may break across cells. */
export function squeeze(text: string): string {
	return text.replace(/\s+/g, '');
}
