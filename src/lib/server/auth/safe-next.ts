/**
 * Where to go after sign-in: only a path on this site (no open redirect, issue 7 finding 7).
 *
 * Browsers read `/\evil.example`, `/\t/evil.example` and `//evil.example` as another host, so a
 * prefix check is not enough. The value is resolved the way a browser would resolve a Location
 * header — against a fixed origin that cannot occur in a real request — and accepted only when
 * the origin is unchanged and what remains is a plain path: one leading slash, no backslash, no
 * control character, neither as written nor once percent-decoded.
 */

/** An origin no request can have: a `next` that resolves elsewhere left the site. */
const PROBE_ORIGIN = 'http://x.invalid';

/** Backslashes and C0/C1 control characters (tabs and newlines included); browsers strip or reinterpret them. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTER = /[\\\u0000-\u001f\u007f-\u009f]/;

/** True when `path` begins with exactly one slash and holds no unsafe character. */
function isPlainPath(path: string): boolean {
	return path.startsWith('/') && !path.startsWith('//') && !UNSAFE_CHARACTER.test(path);
}

/** `value` percent-decoded once, or null when it is not valid percent-encoding. */
function decodedOnce(value: string): string | null {
	try {
		return decodeURIComponent(value);
	} catch {
		return null;
	}
}

/**
 * The same-site path (with its query and fragment) to redirect to after sign-in, or `/` when
 * `next` is missing or could lead anywhere else. The result is the normalised path a browser
 * would request, percent-encoded where needed.
 */
export function safeNext(next: string | null | undefined): string {
	if (!next || !isPlainPath(next)) return '/';
	let resolved: URL;
	try {
		resolved = new URL(next, PROBE_ORIGIN);
	} catch {
		return '/';
	}
	if (resolved.origin !== PROBE_ORIGIN) return '/';
	const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
	if (!isPlainPath(path)) return '/';
	// A path that only becomes `//host` or `/\host` when decoded once more is refused too.
	const decodedPath = decodedOnce(resolved.pathname);
	if (decodedPath === null || !isPlainPath(decodedPath)) return '/';
	return path;
}
