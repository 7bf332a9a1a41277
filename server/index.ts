/**
 * The production entry: one http.Server on PORT serving the built SvelteKit handler and the
 * WebSocket upgrades, with graceful shutdown on SIGTERM/SIGINT.
 */
import http from 'node:http';
import { readConfig } from '../src/lib/server/config';
import { getRuntime, stopRuntime } from '../src/lib/server/runtime';
import { withCompression } from './compression';
import { createUpgradeHandler } from './websocket';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
	const port = Number(process.env.PORT || 3000);
	const host = process.env.HOST || '0.0.0.0';
	// adapter-node builds request URLs (and so its CSRF check) from ORIGIN; without one it
	// assumes https. Locally the app is http://localhost:PORT.
	process.env.ORIGIN ||= `http://localhost:${port}`;
	// The import page takes files of up to 60 MB in all (intake/upload.ts); adapter-node's
	// default request body limit is 512 KB. Read by the handler when it loads, below.
	process.env.BODY_SIZE_LIMIT ||= '64M';
	const config = readConfig();
	const started = performance.now();
	const runtime = await getRuntime(config);
	// The adapter's handler is built next to this file; load it only once the runtime is up.
	const { handler } = await import(new URL('./handler.js', import.meta.url).href);

	const upgrade = createUpgradeHandler(() => getRuntime(config));
	const server = http.createServer(withCompression(handler));
	server.on('upgrade', upgrade);
	server.listen(port, host, () => {
		const where =
			runtime.database.kind === 'pglite' ? `嵌入式数据库 ${config.dataDir}` : 'PostgreSQL';
		console.log(
			`Shortlist 评审台 listening on http://localhost:${port} (${where}, ready in ${Math.round(performance.now() - started)} ms)`
		);
	});

	// Graceful shutdown: stop accepting, let the socket routes flush and close their sockets
	// (1001), finish the HTTP requests in flight, then close the database.
	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: shutting down`);
		const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
		force.unref();
		const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
		server.closeIdleConnections();
		upgrade
			.close()
			.then(() => httpClosed)
			.then(() => stopRuntime())
			.then(
				() => process.exit(0),
				(error: unknown) => {
					console.error('shutdown failed', error);
					process.exit(1);
				}
			);
	};
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
	console.error('Shortlist failed to start:', error);
	process.exit(1);
});
