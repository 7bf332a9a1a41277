/**
 * 建议编号 of attachment 3: `市五届人大X次会议XX号` for a suggestion made at a session, or
 * `市五届人大X次会议闭会XX号` for one made between sessions. X is the session, in Chinese
 * numerals (一…九十九) or Arabic digits; XX is the serial number in Arabic digits.
 */

/** A parsed suggestion number. */
export interface SuggestionNumber {
	/** The session (次会议), 1-based. */
	session: number;
	/** True for `闭会` suggestions made after the session closed. */
	recess: boolean;
	/** The serial number (XX号). */
	serial: number;
}

const PATTERN = /^市五届人大([一二三四五六七八九十]{1,3}|\d{1,2})次会议(闭会)?(\d{1,5})号$/;
const DIGITS: Record<string, number> = {
	一: 1,
	二: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9
};

/** Value of a Chinese numeral from 一 to 九十九 (十, 十三, 二十, 二十三), or null. */
export function chineseNumeral(text: string): number | null {
	const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
	if (!match || text === '') return null;
	const [, tens, ten, units] = match;
	if (!ten) return tens && !units ? (DIGITS[tens] ?? null) : null;
	return (tens ? (DIGITS[tens] ?? 0) : 1) * 10 + (units ? (DIGITS[units] ?? 0) : 0);
}

/** Parses a 建议编号 (surrounding spaces ignored), or null when it is not in the notice's format. */
export function parseSuggestionNumber(value: string): SuggestionNumber | null {
	const match = PATTERN.exec(value.trim());
	if (!match) return null;
	const sessionText = match[1] ?? '';
	const session = /^\d+$/.test(sessionText) ? Number(sessionText) : chineseNumeral(sessionText);
	const serial = Number(match[3]);
	if (session === null || session < 1 || serial < 1) return null;
	return { session, recess: match[2] !== undefined, serial };
}

/**
 * A canonical key for duplicate detection: 三次 and 3次, 0418号 and 418号 are the same
 * suggestion. Unparsable numbers key on their trimmed text.
 */
export function suggestionNumberKey(value: string): string {
	const parsed = parseSuggestionNumber(value);
	if (!parsed) return value.trim();
	return `${parsed.session}${parsed.recess ? '闭会' : ''}-${parsed.serial}`;
}
