/** The ws:// or wss:// address of a path on the page's own origin. */
export function socketUrl(path: string, base: string = location.href): string {
	return new URL(path, base).href.replace(/^http/, 'ws');
}
