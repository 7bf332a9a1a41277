/** Reading a `shortlist/v1` file for validate and import: every reason it fails, in Chinese. */
import { readFile } from 'node:fs/promises';
import { parseInterchangeJson, type InterchangeDocument } from '../../src/lib/domain/interchange';
import { InputFileError } from './errors';

/** Structural errors listed before the rest are summarised as a count. */
const SHOWN_ERRORS = 50;

/** A parsed document and the raw JSON value (for fields the format does not define). */
export interface DocumentFile {
	document: InterchangeDocument;
	raw: unknown;
}

const readProblems: Record<string, string> = {
	ENOENT: '文件不存在，请检查路径',
	EISDIR: '这是一个文件夹，不是文件',
	EACCES: '没有读取权限'
};

/**
 * Reads and checks the file. Throws InputFileError when it cannot be read, is not JSON, or is
 * not `shortlist/v1`: the message lists each JSON path and what was expected there.
 */
export async function readDocumentFile(file: string): Promise<DocumentFile> {
	let source: string;
	try {
		source = await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		throw new InputFileError(`无法读取文件 ${file}：${readProblems[code] ?? code}。`);
	}
	// Editors on Windows often save UTF-8 with a byte-order mark; JSON.parse refuses it.
	const text = source.replace(/^\uFEFF/, '');
	const parsed = parseInterchangeJson(text);
	if (!parsed.ok) {
		const lines = parsed.errors
			.slice(0, SHOWN_ERRORS)
			.map((e) => `  ${e.path === '' ? '（整个文档）' : e.path}：${e.expected}`);
		if (parsed.errors.length > SHOWN_ERRORS) {
			lines.push(`  …另有 ${parsed.errors.length - SHOWN_ERRORS} 处`);
		}
		throw new InputFileError(
			`文件 ${file} 不是有效的 shortlist/v1 文档（${parsed.errors.length} 处结构错误，请逐项改正）：\n${lines.join('\n')}`
		);
	}
	return { document: parsed.document, raw: JSON.parse(text) as unknown };
}
