/**
 * Form actions take form data only (issue 7 finding 9d). SvelteKit lets a `text/plain` POST
 * through to an action (browsers can send that enctype, so its CSRF check counts it as a form),
 * where `request.formData()` then throws and the user gets a 500. This handle answers every POST
 * meant for a page's actions whose body is neither `application/x-www-form-urlencoded` nor
 * `multipart/form-data` with 400 and a Chinese reason, before any action runs. POSTs to a
 * `+server.ts` endpoint are left to the endpoint: it decides which bodies it takes (JSON included).
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';

/** What a page action can read with `request.formData()`. */
const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The answer to a POST whose body a form action cannot read. */
export const NOT_A_FORM_MESSAGE =
	'提交的内容不是表单数据，无法处理。请在页面上填写表单后提交（内容类型须为 application/x-www-form-urlencoded 或 multipart/form-data）。';

/** Which route ids have form actions (`+page.server.ts`) and which have an endpoint (`+server.ts`). */
export interface RouteKinds {
	actions: ReadonlySet<string>;
	endpoints: ReadonlySet<string>;
}

/** Route ids (`/(app)/c/[campaignId]/members`) from the paths of a route file glob. */
export function routeIdsOf(paths: readonly string[], file: string): Set<string> {
	return new Set(
		paths.map((path) => path.replace(/^\/src\/routes/, '').replace(`/${file}`, '') || '/')
	);
}

/** The app's own routes, read from the file system at build time. */
export const appRoutes: RouteKinds = {
	actions: routeIdsOf(
		Object.keys(import.meta.glob('/src/routes/**/+page.server.ts')),
		'+page.server.ts'
	),
	endpoints: routeIdsOf(Object.keys(import.meta.glob('/src/routes/**/+server.ts')), '+server.ts')
};

/**
 * True when SvelteKit would hand this POST to the route's page actions rather than its endpoint:
 * always without an endpoint; with both, as SvelteKit chooses — `use:enhance` says so in a
 * header, and otherwise a request that asks for HTML goes to the page.
 */
function goesToActions(event: RequestEvent, routes: RouteKinds): boolean {
	const id = event.route.id;
	if (id === null || !routes.actions.has(id)) return false;
	if (!routes.endpoints.has(id)) return true;
	if (event.request.headers.get('x-sveltekit-action') === 'true') return true;
	return (event.request.headers.get('accept') ?? '').includes('text/html');
}

/** True when the request's body is one a form action can read. */
export function isFormBody(request: Request): boolean {
	const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
	return FORM_CONTENT_TYPES.includes(mediaType ?? '');
}

/** The handle: 400 for a POST to page actions with a body that is not form data. */
export function formContentTypeHandle(routes: RouteKinds = appRoutes): Handle {
	return async ({ event, resolve }) => {
		if (
			event.request.method === 'POST' &&
			goesToActions(event, routes) &&
			!isFormBody(event.request)
		) {
			return new Response(NOT_A_FORM_MESSAGE, {
				status: 400,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
		}
		return resolve(event);
	};
}
