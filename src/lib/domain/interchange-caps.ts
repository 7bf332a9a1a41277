/**
 * Hard size caps on what an import may store (issue 7, finding 4): one 50 MB 主要事迹 must not
 * stall every reader of the board. The caps sit far above the notice's own limits — between the
 * two a text still imports, with a TEXT-TOO-LONG finding to fix — and beyond a cap the whole file
 * is refused. Every intake path reads a document through the interchange schema, which applies
 * them, and the import service checks them again before writing. Lengths are counted like the
 * notice counts them: characters (code points), see text.ts.
 */
import { defaultPreset, presets } from './campaign';
import { fieldLabel } from './field-labels';

/** Largest `shortlist/v1` file the CLI reads, in bytes (checked before reading it). */
export const FILE_BYTES_CAP = 100 * 1024 * 1024;

/** A text's cap when the table below does not name its field: names, numbers, dates, places. */
export const SHORT_TEXT_CAP = 200;

/** A list's cap when the table below does not name it. */
export const LIST_CAP = 100;

/**
 * Caps on text fields, by path with list indices written `[]` (characters). The notice's limits
 * (主要事迹 2000字以内, 内容摘要 200字以内, 推荐理由 500字以内) are the campaign's `textLimits`.
 */
export const textCaps: Readonly<Record<string, number>> = {
	'person.deeds': 20_000,
	'collective.deeds': 20_000,
	'suggestion.summary': 5_000,
	'suggestion.reason': 5_000,
	'suggestion.title': 500,
	'person.resume[].text': 500,
	'person.awards[].text': 500,
	'person.punishments[].text': 500,
	'collective.awards[].text': 500,
	'collective.punishments[].text': 500,
	'consultations[].note': 2_000,
	/** A data URL: about 1.5 MB of image. */
	'person.photo': 2 * 1024 * 1024,
	/** A backup's 评审意见: Yjs state in base64 (the server caps a comment at 4 MiB). */
	'board.comment': 8 * 1024 * 1024
};

/** Caps on list lengths, by path (entries). */
export const listCaps: Readonly<Record<string, number>> = {
	'person.resume': 100,
	'person.awards': 100,
	'person.punishments': 100,
	'collective.awards': 100,
	'collective.punishments': 100,
	'person.assessments': 50,
	consultations: 50
};

/** The cap of the campaign-level text limit `key`: a campaign may not allow more than the cap. */
export const textLimitCaps = {
	deeds: textCaps['person.deeds']!,
	summary: textCaps['suggestion.summary']!,
	reason: textCaps['suggestion.reason']!
} as const;

/** One field over its cap: where (a path relative to the nomination) and what to do about it. */
export interface CapExcess {
	path: (string | number)[];
	message: string;
}

/** The notice's limit, where the notice sets one, for the message. */
const noticeLimits: Record<string, number> = {
	'person.deeds': presets[defaultPreset].textLimits.deeds,
	'collective.deeds': presets[defaultPreset].textLimits.deeds,
	'suggestion.summary': presets[defaultPreset].textLimits.summary,
	'suggestion.reason': presets[defaultPreset].textLimits.reason
};

/** The Chinese name of a field, as findings name it: 主要事迹, 个人简历第3条, 征求意见第2条（备注）. */
function labelOf(path: readonly (string | number)[]): string {
	let text = '';
	for (const part of path) {
		if (typeof part === 'number') text += `[${part}]`;
		else text += text === '' ? part : `.${part}`;
	}
	return fieldLabel(text);
}

/** `person.resume[3].text` → `person.resume[].text`. */
function patternOf(path: readonly (string | number)[]): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += '[]';
		else out += out === '' ? part : `.${part}`;
	}
	return out;
}

/**
 * How far `text` is over `cap` characters (code points): null when within it, else its length —
 * exact, or `approximate` (its UTF-16 length) when it is over twice the cap. Reads at most 2 × cap
 * code units, so a 50 MB text costs no more than a 40,000-character one.
 */
export function overCap(
	text: string,
	cap: number
): { length: number; approximate: boolean } | null {
	if (text.length <= cap) return null;
	if (text.length > 2 * cap) return { length: text.length, approximate: true };
	let count = 0;
	for (const _ of text) count++;
	return count > cap ? { length: count, approximate: false } : null;
}

/** `1234567` → `1,234,567`: lengths are read by people. */
const grouped = (n: number) => n.toLocaleString('en-US');

function textExcess(
	ref: string,
	path: (string | number)[],
	text: string,
	cap: number
): CapExcess | null {
	const over = overCap(text, cap);
	if (!over) return null;
	const pattern = patternOf(path);
	const label = labelOf(path);
	if (pattern === 'person.photo') {
		const megabytes = (text.length / 1024 / 1024).toFixed(1);
		return {
			path,
			message: `推荐编号 ${ref} 的“${label}”约 ${megabytes} MB，超过导入上限 ${cap / 1024 / 1024} MB：请压缩照片后再导入（整份文件未导入）。`
		};
	}
	const notice = noticeLimits[pattern];
	const noticeText = notice ? `，通知要求 ${notice} 字以内` : '';
	return {
		path,
		message: `推荐编号 ${ref} 的“${label}”超过导入上限 ${grouped(cap)} 字（现有${over.approximate ? '约' : ''} ${grouped(over.length)} 字${noticeText}）：请删减后再导入（整份文件未导入）。`
	};
}

/**
 * Every field of a nomination over its cap: each text over its `textCaps` entry (else
 * SHORT_TEXT_CAP), each list longer than its `listCaps` entry (else LIST_CAP). Walks whatever it is
 * given, so any field the format gains later is capped too. Never throws.
 */
export function capExcesses(nomination: unknown): CapExcess[] {
	const ref =
		nomination && typeof nomination === 'object' && 'ref' in nomination
			? String((nomination as { ref: unknown }).ref).slice(0, SHORT_TEXT_CAP)
			: '（无）';
	const found: CapExcess[] = [];
	const walk = (value: unknown, path: (string | number)[]) => {
		if (typeof value === 'string') {
			const excess = textExcess(ref, path, value, textCaps[patternOf(path)] ?? SHORT_TEXT_CAP);
			if (excess) found.push(excess);
		} else if (Array.isArray(value)) {
			const cap = listCaps[patternOf(path)] ?? LIST_CAP;
			if (value.length > cap) {
				found.push({
					path,
					message: `推荐编号 ${ref} 的“${labelOf(path)}”有 ${grouped(value.length)} 条，超过导入上限 ${cap} 条：请删去多余的条目后再导入（整份文件未导入）。`
				});
				return;
			}
			value.forEach((item, index) => walk(item, [...path, index]));
		} else if (value !== null && typeof value === 'object') {
			for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
		}
	};
	walk(nomination, []);
	return found;
}
