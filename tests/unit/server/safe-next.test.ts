import { describe, expect, test } from 'vitest';
import { safeNext } from '../../../src/lib/server/auth/safe-next';

const SITE = 'https://shortlist.example';

/** `next` as the login page reads it: from the query string of the URL the browser requested. */
function nextOf(query: string): string | null {
	return new URL(`/login?${query}`, SITE).searchParams.get('next');
}

describe('safeNext', () => {
	// Each query string as an attacker would send it (finding 7 and its neighbours).
	const offSite: [string, string][] = [
		['encoded backslash', 'next=/%5Cevil.example'],
		['encoded backslash, path after', 'next=/%5Cevil.example/c/1/board'],
		['two encoded backslashes', 'next=/%5C%5Cevil.example'],
		['encoded tab then slash', 'next=/%09/evil.example'],
		['encoded newline then slash', 'next=/%0A/evil.example'],
		['encoded carriage return then slash', 'next=/%0D/evil.example'],
		['encoded tab inside the slashes', 'next=/%09%09/evil.example'],
		['protocol-relative', 'next=//evil.example'],
		['protocol-relative, encoded', 'next=%2F%2Fevil.example'],
		['slash backslash', 'next=/\\evil.example'],
		['slash then two backslashes', 'next=/\\\\evil.example'],
		['backslash first', 'next=\\\\evil.example'],
		['three slashes', 'next=///evil.example'],
		['absolute URL', 'next=https://evil.example/'],
		['scheme-relative with credentials', 'next=//user@evil.example'],
		['javascript: URL', 'next=javascript:alert(1)'],
		['encoded javascript: URL', 'next=javascript%3Aalert(1)'],
		['data: URL', 'next=data:text/html,hi'],
		['doubly encoded backslash', 'next=/%255Cevil.example'],
		['doubly encoded slash', 'next=/%252Fevil.example'],
		['doubly encoded tab', 'next=/%2509/evil.example'],
		['C1 control character', 'next=/%C2%85/evil.example'],
		['NUL', 'next=/%00/evil.example'],
		['DEL', 'next=/%7F/evil.example'],
		['relative path', 'next=c/1/board'],
		['leading space', 'next=%20/c/1/board'],
		['empty', 'next='],
		['missing', 'other=1']
	];

	test.each(offSite)('%s → / (%s)', (_case, query) => {
		expect(safeNext(nextOf(query))).toBe('/');
	});

	const sameSite: [string, string, string][] = [
		['the root', 'next=/', '/'],
		['a board', 'next=/c/1/board', '/c/1/board'],
		[
			'a board with filters',
			`next=${encodeURIComponent('/c/1/board?track=individual&q=张')}`,
			'/c/1/board?track=individual&q=%E5%BC%A0'
		],
		[
			'a query with an encoded slash',
			'next=%2Fc%2F1%2Fboard%3Fnext%3D%252F',
			'/c/1/board?next=%2F'
		],
		[
			'a fragment',
			`next=${encodeURIComponent('/c/1/candidates/7#history')}`,
			'/c/1/candidates/7#history'
		],
		['dot segments stay on the site', 'next=/c/1/../2/board', '/c/2/board'],
		['a trailing slash', 'next=/c/1/', '/c/1/']
	];

	test.each(sameSite)('%s is kept (%s)', (_case, query, expected) => {
		expect(safeNext(nextOf(query))).toBe(expected);
	});

	test.each([
		...offSite.map(([name, query]) => [name, query]),
		...sameSite.map(([n, q]) => [n, q])
	])('a browser following the result of %s stays on the site', (_case, query) => {
		// The WHATWG URL parser is how a browser resolves a Location header.
		const target = new URL(safeNext(nextOf(query)), SITE);
		expect(target.origin).toBe(SITE);
	});

	test.each([null, undefined, ''])('%s → /', (value) => {
		expect(safeNext(value)).toBe('/');
	});
});
