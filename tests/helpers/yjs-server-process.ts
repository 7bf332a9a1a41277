/**
 * A comment server in its own process, for the tests that kill it (`kill -9`) or measure its
 * memory. Started with `fork(..., { execArgv: ['--import', 'tsx', '--expose-gc'] })` and the
 * environment of a real server: DATABASE_URL or DATA_DIR, ORIGIN, PORT (0: any). It reports
 * `{ port }` once listening, and answers `'rss'` with `{ rss }` after a garbage collection.
 * YJS_APPEND_DELAY_MS makes each commit that much slower; YJS_FLUSH_MS sets the batch window.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUpgradeRouter } from '../../server/upgrade';
import { createYjsRoute } from '../../server/yjs/route';
import { CommentStore } from '../../src/lib/server/comments/store';
import { readConfig } from '../../src/lib/server/config';
import { startRuntime } from '../../src/lib/server/runtime';

/** A store whose appends take longer (YJS_APPEND_DELAY_MS): more is in flight at a kill. */
class SlowStore extends CommentStore {
	override async append(...args: Parameters<CommentStore['append']>) {
		await new Promise((resolve) => setTimeout(resolve, appendDelayMs));
		return super.append(...args);
	}
}

const appendDelayMs = Number(process.env.YJS_APPEND_DELAY_MS ?? 0);
const runtime = await startRuntime({ ...readConfig(process.env), seedDemo: false });
const flushMs = process.env.YJS_FLUSH_MS ? Number(process.env.YJS_FLUSH_MS) : undefined;
const route = createYjsRoute(flushMs === undefined ? {} : { flushMs }, (running) =>
	appendDelayMs > 0
		? new SlowStore(running.db)
		: new CommentStore(running.db, { shared: running.database.kind === 'postgres' })
);
const router = createUpgradeRouter({ getRuntime: async () => runtime, routes: [route] });
const server = http.createServer((_request, response) => response.end());
server.on('upgrade', router);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
	process.send?.({ port: (server.address() as AddressInfo).port });
});

process.on('message', (message) => {
	if (message !== 'rss') return;
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	gc?.();
	process.send?.({ rss: process.memoryUsage().rss });
});
