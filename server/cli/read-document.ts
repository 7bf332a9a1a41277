/** Reading a `shortlist/v1` file for validate and import: every reason it fails, in Chinese. */
import { readFile, stat } from 'node:fs/promises';
import { parseInterchangeJson, type InterchangeDocument } from '../../src/lib/domain/interchange';
import { FILE_BYTES_CAP } from '../../src/lib/domain/interchange-caps';
import { InputFileError } from './errors';

/** Structural errors listed before the rest are summarised as a count. */
const SHOWN_ERRORS = 50;

/** A parsed document. */
export interface DocumentFile {
	document: InterchangeDocument;
}

const readProblems: Record<string, string> = {
	ENOENT: '文件不存在，请检查路径',
	EISDIR: '这是一个文件夹，不是文件',
	EACCES: '没有读取权限'
};

/**
 * Reads and checks the file. Throws InputFileError when it cannot be read, is larger than
 * FILE_BYTES_CAP (checked before reading it), is not JSON, or is not `shortlist/v1` — a field over
 * its import cap included: the message lists each JSON path and what was expected there.
 */
export async function readDocumentFile(file: string): Promise<DocumentFile> {
	let source: string;
	try {
		const { size } = await stat(file);
		if (size > FILE_BYTES_CAP) {
			const megabytes = (bytes: number) => Math.ceil(bytes / 1024 / 1024);
			throw new InputFileError(
				`文件 ${file} 有 ${megabytes(size)} MB，超过导入上限 ${megabytes(FILE_BYTES_CAP)} MB，未读取：` +
					'请检查是否选错了文件，或压缩其中的照片后再导入。'
			);
		}
		source = await readFile(file, 'utf8');
	} catch (error) {
		if (error instanceof InputFileError) throw error;
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
			`文件 ${file} 无法读入：不是有效的 shortlist/v1 文档或超出导入上限（${parsed.errors.length} 处，请逐项改正）：\n${lines.join('\n')}`
		);
	}
	return { document: parsed.document };
}
