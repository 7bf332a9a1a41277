import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unit } from '../../src/lib/server/db/schema';
import type { Runtime } from '../../src/lib/server/runtime';
import { createCampaign } from '../../src/lib/server/seed';
import { liveRoute } from '../../server/live-socket';
import { defineRoute, type SocketContext } from '../../server/upgrade';
import {
	addMember,
	endedByPeer,
	ORIGIN,
	openDescriptors,
	rawUpgrade,
	sessionCookie,
	startSocketServer,
	testRuntimes,
	type SocketServer,
	type TestRuntimes
} from '../helpers/socket-server';

/**
 * Issue 7, finding 3 and the router's contract: every upgrade is answered (404 for a path no
 * route takes, and the socket is let go), descriptors do not pile up, graceful shutdown is not held
 * open by such a socket; `/live` keeps its HTTP refusals; a route may refuse by accept-then-close.
 */

/** A route declared the way the comment rooms' is: refusals are 4401/4403 closes. */
function probeRoute(log: string[]) {
	const seen = new WeakSet<SocketContext>();
	return defineRoute<{ campaignId: number; item: number }>({
		name: 'probe',
		match(pathname) {
			const match = /^\/probe\/([1-9]\d{0,8})\/([1-9]\d{0,8})$/.exec(pathname);
			return match ? { campaignId: Number(match[1]), item: Number(match[2]) } : null;
		},
		refusal: 'close',
		maxPayload: 1024,
		async authorize(context) {
			seen.add(context);
			// An extra fact the router does not know: here, only item 1 is open, to secretaries.
			await Promise.resolve();
			return context.role.role === 'secretary' && context.params.item === 1;
		},
		accept(ws, context) {
			ws.send(
				JSON.stringify({
					type: 'welcome',
					user: context.user.username,
					sameContext: seen.has(context)
				})
			);
		},
		async close() {
			log.push('flushed');
		}
	});
}

/** Opens a `ws` client and reports the first message or how it was refused. */
function attempt(
	url: string,
	headers: Record<string, string>
): Promise<{ status?: number; closeCode?: number; first?: Record<string, unknown> }> {
	return new Promise((resolve) => {
		const socket = new WebSocket(url, { headers });
		socket.on('unexpected-response', (_request, response) => {
			resolve({ status: response.statusCode });
			socket.terminate();
		});
		socket.on('message', (data) => {
			resolve({ status: 101, first: JSON.parse(String(data)) });
			socket.close();
		});
		socket.on('close', (code) => resolve({ status: 101, closeCode: code }));
		socket.on('error', () => {});
	});
}

describe('the upgrade router', () => {
	let runtimes: TestRuntimes;
	let runtime: Runtime;
	let sockets: SocketServer;
	let campaignId: number;
	let otherCampaignId: number;
	const cookies: Record<string, string> = {};
	const flushLog: string[] = [];

	beforeAll(async () => {
		runtimes = await testRuntimes();
		runtime = await runtimes.start();
		campaignId = await createCampaign(runtime.db, '测试评选');
		otherCampaignId = await createCampaign(runtime.db, '另一个评选');
		const [ownUnit] = await runtime.db
			.insert(unit)
			.values({ campaignId, name: '测试联络组', kind: 'liaison_group' })
			.returning({ id: unit.id });
		const members = {
			secretary: await addMember(runtime, campaignId, 'secretary', 'secretary'),
			panelist: await addMember(runtime, campaignId, 'panelist', 'panelist'),
			unit: await addMember(runtime, campaignId, 'unit-a', 'unit', ownUnit!.id)
		};
		for (const [name, id] of Object.entries(members))
			cookies[name] = (await sessionCookie(runtime, id)).cookie;
		sockets = await startSocketServer(runtime, { routes: [liveRoute, probeRoute(flushLog)] });
	});

	afterAll(async () => {
		await sockets?.stop();
		await runtimes?.destroy();
	});

	const unknownPaths = [
		'/x',
		'/',
		'/live',
		'/live/',
		'/live/1/',
		'/live/abc',
		'/live/01',
		'/live/0',
		'/live/-1',
		'/live/1234567890',
		'/live/1/extra',
		'/LIVE/1',
		'/live%2F1',
		'/probe/1',
		'/yjs/1/2'
	];
	test.each(unknownPaths)('an upgrade to %s is answered 404 and let go', async (path) => {
		const raw = await rawUpgrade(sockets.port, path, { Origin: ORIGIN }, { allowHalfOpen: true });
		expect(raw.status).toBe(404);
		await endedByPeer(raw.socket, 10_000);
		raw.socket.destroy();
	});

	test('the query string is not part of the path', async () => {
		const raw = await rawUpgrade(sockets.port, `/live/${campaignId}?v=2`, { Origin: ORIGIN });
		expect(raw.status).toBe(401);
		raw.socket.destroy();
	});

	test('/live refuses with HTTP statuses, as the board client and the e2e test expect', async () => {
		const url = sockets.url(`/live/${campaignId}`);
		const cases: [Record<string, string>, number][] = [
			[{ Origin: ORIGIN }, 401],
			[{ Origin: ORIGIN, Cookie: 'shortlist_session=forged' }, 401],
			[{ Origin: 'https://evil.example', Cookie: cookies.panelist! }, 403],
			[{ Cookie: cookies.panelist! }, 403],
			[{ Origin: ORIGIN, Cookie: cookies.unit! }, 403]
		];
		for (const [headers, status] of cases) expect(await attempt(url, headers)).toEqual({ status });
		expect(
			await attempt(sockets.url(`/live/${otherCampaignId}`), {
				Origin: ORIGIN,
				Cookie: cookies.panelist!
			})
		).toEqual({ status: 403 });
		expect(
			await attempt(sockets.url('/live/99999'), { Origin: ORIGIN, Cookie: cookies.panelist! })
		).toEqual({ status: 403 });
		const accepted = await attempt(url, { Origin: ORIGIN, Cookie: cookies.panelist! });
		expect(accepted.first).toMatchObject({ type: 'hello', campaignId });
	});

	test('a route with accept-then-close refusals closes with 4401 or 4403', async () => {
		const url = sockets.url(`/probe/${campaignId}/1`);
		const cases: [Record<string, string>, number][] = [
			[{ Origin: ORIGIN }, 4401],
			[{ Origin: ORIGIN, Cookie: 'shortlist_session=forged' }, 4401],
			[{ Origin: 'https://evil.example', Cookie: cookies.secretary! }, 4403],
			[{ Origin: ORIGIN, Cookie: cookies.panelist! }, 4403],
			[{ Origin: ORIGIN, Cookie: cookies.unit! }, 4403]
		];
		for (const [headers, closeCode] of cases)
			expect(await attempt(url, headers)).toEqual({ status: 101, closeCode });
		expect(
			await attempt(sockets.url(`/probe/${campaignId}/2`), {
				Origin: ORIGIN,
				Cookie: cookies.secretary!
			})
		).toEqual({ status: 101, closeCode: 4403 });
		expect(
			await attempt(sockets.url(`/probe/${otherCampaignId}/1`), {
				Origin: ORIGIN,
				Cookie: cookies.secretary!
			})
		).toEqual({ status: 101, closeCode: 4403 });
		const accepted = await attempt(url, { Origin: ORIGIN, Cookie: cookies.secretary! });
		expect(accepted.first).toEqual({ type: 'welcome', user: 'secretary', sameContext: true });
	});

	test('2,000 unknown upgrades leave the descriptor count where it was', async () => {
		const baseline = openDescriptors();
		const BATCH = 100;
		for (let done = 0; done < 2000; done += BATCH) {
			await Promise.all(
				Array.from({ length: BATCH }, async (_, i) => {
					// An attacker that never closes its side: only the server can let go.
					const raw = await rawUpgrade(
						sockets.port,
						i % 2 ? '/x' : '/live/1/',
						{},
						{ allowHalfOpen: true }
					);
					expect(raw.status).toBe(404);
					await endedByPeer(raw.socket, 10_000);
					raw.socket.destroy();
				})
			);
		}
		let open = openDescriptors();
		for (let i = 0; i < 100 && open > baseline + 20; i++) {
			await new Promise((resolve) => setTimeout(resolve, 50));
			open = openDescriptors();
		}
		expect(open).toBeLessThanOrEqual(baseline + 20);
		expect(await sockets.httpAnswers()).toBe(true);
	});

	test('Vite’s HMR upgrades are left to Vite’s own listener', async () => {
		const server = await startSocketServer(runtime, {
			passThrough: (request) => request.headers['sec-websocket-protocol'] === 'vite-hmr'
		});
		server.server.on('upgrade', (request: http.IncomingMessage, socket) => {
			if (request.headers['sec-websocket-protocol'] !== 'vite-hmr') return;
			socket.end('HTTP/1.1 418 I am Vite\r\nConnection: close\r\n\r\n');
		});
		try {
			const hmr = await rawUpgrade(server.port, '/', { 'Sec-WebSocket-Protocol': 'vite-hmr' });
			expect(hmr.status).toBe(418);
			hmr.socket.destroy();
			const other = await rawUpgrade(server.port, '/', { 'Sec-WebSocket-Protocol': 'other' });
			expect(other.status).toBe(404);
			other.socket.destroy();
		} finally {
			await server.stop();
		}
	});
});

describe('graceful shutdown', () => {
	let runtimes: TestRuntimes;
	let runtime: Runtime;

	beforeAll(async () => {
		runtimes = await testRuntimes();
		runtime = await runtimes.start();
	});
	afterAll(async () => {
		await runtimes?.destroy();
	});

	test('is not held open by an unknown upgrade; routes flush before sockets close with 1001', async () => {
		const campaignId = await createCampaign(runtime.db, '关闭测试');
		const secretary = await addMember(runtime, campaignId, 'secretary2', 'secretary');
		const { cookie } = await sessionCookie(runtime, secretary);
		const log: string[] = [];
		const sockets = await startSocketServer(runtime, { routes: [liveRoute, probeRoute(log)] });
		const headers = { Origin: ORIGIN, Cookie: cookie };

		// A peer that sent an upgrade nobody takes and then holds its side open.
		const lingering = await rawUpgrade(sockets.port, '/x', {}, { allowHalfOpen: true });
		expect(lingering.status).toBe(404);
		const live = new WebSocket(sockets.url(`/live/${campaignId}`), { headers });
		const probe = new WebSocket(sockets.url(`/probe/${campaignId}/1`), { headers });
		const closes = [live, probe].map(
			(ws) =>
				new Promise<number>((resolve) =>
					ws.on('close', (code) => {
						log.push(`closed ${code}`);
						resolve(code);
					})
				)
		);
		await Promise.all(
			[live, probe].map((ws) => new Promise((resolve) => ws.once('message', resolve)))
		);
		expect(sockets.router.openSockets).toBe(2);

		const serverClosed = new Promise<void>((resolve) => sockets.server.close(() => resolve()));
		await sockets.router.close();
		expect(await Promise.all(closes)).toEqual([1001, 1001]);
		expect(log[0]).toBe('flushed');
		await expect(
			Promise.race([
				serverClosed.then(() => 'closed'),
				new Promise((resolve) => setTimeout(() => resolve('held open'), 10_000))
			])
		).resolves.toBe('closed');
		lingering.socket.destroy();
	});

	test('an upgrade arriving while the router shuts down gets 503', async () => {
		const sockets = await startSocketServer(runtime);
		await sockets.router.close();
		const raw = await rawUpgrade(sockets.port, '/live/1', { Origin: ORIGIN });
		expect(raw.status).toBe(503);
		raw.socket.destroy();
		const { port } = sockets.server.address() as AddressInfo;
		expect(port).toBe(sockets.port);
		await sockets.stop();
	});
});
