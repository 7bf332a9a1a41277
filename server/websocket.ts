/**
 * The app's WebSocket routes, behind the one upgrade router (server/upgrade.ts): the board's
 * `/live/<campaignId>` and the comment rooms' `/yjs/<campaignId>/<candidateId>`. Used by the production
 * entry (server/index.ts), the dev plugin (vite.config.ts), tests and benchmarks.
 */
import type { IncomingMessage } from 'node:http';
import type { Runtime } from '../src/lib/server/runtime';
import { liveRoute } from './live-socket';
import { yjsRoute } from './yjs/route';
import { createUpgradeRouter, type SocketRoute, type UpgradeRouter } from './upgrade';

export { originAllowed } from './upgrade';

/** The `upgrade` listener with its shutdown hook (an UpgradeRouter). */
export type UpgradeHandler = UpgradeRouter;

/** Every socket route the app serves, in match order. */
export const socketRoutes: readonly SocketRoute[] = [liveRoute, yjsRoute];

/**
 * Makes the `upgrade` listener for an `http.Server` (production) or Vite's dev server.
 * `passThrough` leaves some upgrades to another listener (dev: Vite's HMR).
 */
export function createUpgradeHandler(
	getRuntime: () => Promise<Runtime>,
	options: { passThrough?: (request: IncomingMessage) => boolean; keepaliveMs?: number } = {}
): UpgradeHandler {
	return createUpgradeRouter({ getRuntime, routes: socketRoutes, ...options });
}
