/**
 * Text from a file, made safe to print on the operator's terminal (issue 7 finding 9c). A name
 * holding `\x1b[31m` or `\x1b]0;…` would recolour or retitle the terminal, a `\r` would overwrite
 * the line before it with something else, a `\n` would forge a report line of its own, and
 * bidirectional overrides would reorder what the operator reads. Each such character is shown as
 * a visible escape (`\x1b`, `\r`, `\u202e`) instead; everything else, Chinese included, is kept.
 */

/** C0 controls, DEL, C1 controls (U+009B is a one-byte CSI), line/paragraph separators and bidi controls. */
const UNSAFE =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same characters except the line feed, for text whose lines the CLI itself composed. */
const UNSAFE_BUT_NEWLINE =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw inside strings (it escapes C0 itself; its own layout uses \n and \t). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The visible escape of one unsafe character: `\n`, `\r`, `\t`, `\x1b`, `\x9b`, `\u202e`. */
function visible(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	return (
		named[char] ??
		(code <= 0xff
			? `\\x${code.toString(16).padStart(2, '0')}`
			: `\\u${code.toString(16).padStart(4, '0')}`)
	);
}

/** One value from a file (a name, a ref, a message), on one line, with nothing the terminal acts on. */
export function terminalText(value: string): string {
	return value.replace(UNSAFE, visible);
}

/**
 * A message of several lines that may quote values from a file (an error listing a file's JSON
 * paths, a refusal naming refs): its line breaks are kept, every other control is made visible.
 */
export function terminalLines(text: string): string {
	return text.replace(UNSAFE_BUT_NEWLINE, visible);
}

/**
 * JSON (from JSON.stringify) safe to print: JSON.stringify escapes C0 controls but leaves DEL,
 * C1 controls, separators and bidi controls raw; they are written as `\u` escapes, which parse
 * back to the same strings.
 */
export function terminalJson(json: string): string {
	return json.replace(
		UNSAFE_IN_JSON,
		(char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`
	);
}
