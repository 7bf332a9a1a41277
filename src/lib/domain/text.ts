/**
 * Text helpers for the forms. Lengths are counted as the notice counts them (主要事迹
 * 2000字以内, 内容摘要 200字以内, 推荐理由 500字以内): in characters, i.e. Unicode code points,
 * so a rare character outside the BMP (𠀀) counts once. Every character counts — punctuation,
 * spaces and line breaks included — because the limit is on the text as printed on the form.
 */

/** Number of code points in `text`. */
export function textLength(text: string): number {
	let count = 0;
	for (const _ of text) count++;
	return count;
}

/** How many characters `text` is over `limit` (0 when within it). */
export function excessLength(text: string, limit: number): number {
	return Math.max(0, textLength(text) - limit);
}

/** True when a form field is empty: nothing but ASCII or full-width (U+3000) spaces. */
export function isBlank(value: string | null | undefined): boolean {
	return value === null || value === undefined || value.replace(/[\s\u3000]/g, '') === '';
}

/** Joins short items the Chinese way: 甲、乙、丙. */
export function listText(items: readonly (string | number)[]): string {
	return items.join('、');
}

/**
 * The first sentences of `text` that fit in `limit` characters (at least the first sentence,
 * cut with … when it alone is longer): a short summary of 主要事迹 for the shared screen.
 * Sentences end at 。！？!? or a line break.
 */
export function leadSentences(text: string, limit: number): string {
	const sentences = text
		.replace(/\r/g, '')
		.split(/(?<=[。！？!?])|\n+/)
		.map((s) => s.trim())
		.filter(Boolean);
	let lead = '';
	for (const sentence of sentences) {
		if (textLength(lead) + textLength(sentence) > limit) break;
		lead += sentence;
	}
	if (lead) return lead;
	const first = [...(sentences[0] ?? '')];
	return first.length > limit ? `${first.slice(0, limit - 1).join('')}…` : first.join('');
}
