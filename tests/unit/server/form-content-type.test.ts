import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { describe, expect, test } from 'vitest';
import {
	appRoutes,
	formContentTypeHandle,
	NOT_A_FORM_MESSAGE,
	routeIdsOf,
	type RouteKinds
} from '../../../src/lib/server/form-content-type';

const routes: RouteKinds = {
	actions: new Set(['/(auth)/login', '/(app)/c/[campaignId]/members', '/both']),
	endpoints: new Set(['/(app)/c/[campaignId]/candidates/[candidateId]/view', '/api/votes', '/both'])
};

/** Runs the handle on a request to `routeId`; the response, and whether the app saw the request. */
async function run(
	routeId: string | null,
	init: { method?: string; contentType?: string; headers?: Record<string, string> }
) {
	const headers = new Headers(init.headers);
	if (init.contentType !== undefined) headers.set('content-type', init.contentType);
	const method = init.method ?? 'POST';
	const request = new Request('http://shortlist.test/some/path?/action', {
		method,
		headers,
		body: method === 'GET' ? undefined : 'a=1'
	});
	if (init.contentType === undefined) request.headers.delete('content-type');
	const event = { request, route: { id: routeId }, url: new URL(request.url) } as Pick<
		RequestEvent,
		'request' | 'route' | 'url'
	>;
	let resolved = false;
	const resolve = (_event: RequestEvent, _options?: ResolveOptions) => {
		resolved = true;
		return Promise.resolve(new Response('from the app'));
	};
	const response = await formContentTypeHandle(routes)({
		event: event as RequestEvent,
		resolve
	});
	return { response, resolved };
}

describe('formContentTypeHandle', () => {
	const refused: [string, string | null, string | undefined, Record<string, string>?][] = [
		['text/plain to the login action', '/(auth)/login', 'text/plain'],
		[
			'text/plain;charset=UTF-8 to a named action',
			'/(app)/c/[campaignId]/members',
			'text/plain;charset=UTF-8'
		],
		['JSON to an action', '/(auth)/login', 'application/json'],
		['XML to an action', '/(auth)/login', 'application/xml'],
		['no content type at all', '/(auth)/login', undefined],
		['an empty content type', '/(auth)/login', ''],
		['a look-alike type', '/(auth)/login', 'application/x-www-form-urlencoded-evil'],
		[
			'text/plain from use:enhance where a route has both',
			'/both',
			'text/plain',
			{ 'x-sveltekit-action': 'true' }
		],
		[
			'text/plain asking for HTML where a route has both',
			'/both',
			'text/plain',
			{ accept: 'text/html' }
		]
	];

	test.each(refused)('%s → 400 in Chinese', async (_case, routeId, contentType, headers) => {
		const { response, resolved } = await run(routeId, { contentType, headers });
		expect(resolved).toBe(false);
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await response.text()).toBe(NOT_A_FORM_MESSAGE);
	});

	const passed: [string, string | null, string | undefined, string?, Record<string, string>?][] = [
		['a urlencoded form', '/(auth)/login', 'application/x-www-form-urlencoded'],
		[
			'a urlencoded form with a charset',
			'/(auth)/login',
			'application/x-www-form-urlencoded; charset=UTF-8'
		],
		['a multipart form', '/(app)/c/[campaignId]/members', 'multipart/form-data; boundary=----x'],
		['a form type in capitals', '/(auth)/login', 'Multipart/Form-Data; boundary=x'],
		['JSON to an endpoint', '/api/votes', 'application/json'],
		[
			'text/plain to an endpoint',
			'/(app)/c/[campaignId]/candidates/[candidateId]/view',
			'text/plain'
		],
		[
			'JSON to a route with both, not asking for HTML',
			'/both',
			'application/json',
			'POST',
			{ accept: 'application/json' }
		],
		['a GET to a page', '/(auth)/login', undefined, 'GET'],
		['an unknown path (SvelteKit answers 404)', null, 'text/plain'],
		['a route without actions (SvelteKit answers 405)', '/(app)/c/[campaignId]/board', 'text/plain']
	];

	test.each(passed)('%s reaches the app', async (_case, routeId, contentType, method, headers) => {
		const { response, resolved } = await run(routeId, { contentType, method, headers });
		expect(resolved).toBe(true);
		expect(await response.text()).toBe('from the app');
	});
});

describe('routeIdsOf', () => {
	test.each([
		['/src/routes/(auth)/login/+page.server.ts', '+page.server.ts', '/(auth)/login'],
		['/src/routes/+page.server.ts', '+page.server.ts', '/'],
		[
			'/src/routes/(app)/c/[campaignId]/candidates/[candidateId]/view/+server.ts',
			'+server.ts',
			'/(app)/c/[campaignId]/candidates/[candidateId]/view'
		]
	])('%s → %s', (path, file, id) => {
		expect([...routeIdsOf([path], file)]).toEqual([id]);
	});

	test('the app’s own routes: pages with actions and JSON endpoints are told apart', () => {
		expect(appRoutes.actions.has('/(auth)/login')).toBe(true);
		expect(appRoutes.actions.has('/(app)/c/[campaignId]/members')).toBe(true);
		expect(appRoutes.endpoints.has('/(app)/c/[campaignId]/candidates/[candidateId]/view')).toBe(
			true
		);
		// No route is both today; were one added, goesToActions follows SvelteKit's choice.
		for (const id of appRoutes.endpoints) expect(appRoutes.actions.has(id), id).toBe(false);
	});
});
