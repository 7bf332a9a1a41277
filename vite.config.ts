import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, type Plugin } from 'vite';
import type { UpgradeHandler } from './server/websocket.ts';

/**
 * `npm run dev` gets the same WebSocket endpoints as production, on Vite's own server. The
 * handler is loaded through Vite's SSR module graph, so it shares the runtime (database, hub)
 * with the pages.
 */
function liveSockets(): Plugin {
	return {
		name: 'shortlist-live-sockets',
		apply: 'serve',
		configureServer(server) {
			let upgrade: Promise<UpgradeHandler> | undefined;
			const load = async () => {
				const sockets = await server.ssrLoadModule('/server/websocket.ts');
				const runtime = await server.ssrLoadModule('/src/lib/server/runtime.ts');
				return (
					sockets.createUpgradeHandler as typeof import('./server/websocket.ts').createUpgradeHandler
				)(() => runtime.getRuntime(), { passThrough: isViteHmr });
			};
			server.httpServer?.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
				if (isViteHmr(request)) return; // Vite's own listener answers it
				socket.on('error', () => socket.destroy());
				upgrade ??= load();
				upgrade.then(
					(handle) => handle(request, socket, head),
					(error: unknown) => {
						server.config.logger.error(String(error));
						socket.destroy();
					}
				);
			});
			server.httpServer?.on('close', () => void upgrade?.then((handle) => handle.close()));
		}
	};
}

/** Vite's HMR client (and its ping) connect with one of these subprotocols; only in dev. */
function isViteHmr(request: IncomingMessage): boolean {
	const protocol = request.headers['sec-websocket-protocol'];
	return protocol === 'vite-hmr' || protocol === 'vite-ping';
}

export default defineConfig({
	plugins: [tailwindcss(), sveltekit(), liveSockets()],
	server: { port: Number(process.env.PORT || 5173) }
});
