/**
 * Socket tests' plumbing: real runtimes on a fresh test database (PGlite in memory, or — with
 * DATABASE_URL — a cloned PostgreSQL database that several runtimes can share), an http.Server on
 * port 0 with the app's upgrade router, sessions for users, and raw-socket helpers that speak
 * just enough HTTP and WebSocket framing to send what a browser never would.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';
import { readConfig } from '../../src/lib/server/config';
import { appendEvent } from '../../src/lib/server/live/events';
import type { Role } from '../../src/lib/roles';
import { createUser, setMembership } from '../../src/lib/server/users';
import { startRuntime, type Runtime } from '../../src/lib/server/runtime';
import { createUpgradeRouter, type SocketRoute, type UpgradeRouter } from '../../server/upgrade';
import { socketRoutes } from '../../server/websocket';
import { freshDatabase, type TestDatabase } from './db';

/** The public origin the test runtimes are configured with. */
export const ORIGIN = 'http://sockets.test';

/** A fresh database and a way to start runtimes on it (several only on PostgreSQL). */
export interface TestRuntimes {
	/** Starts a runtime (its own pool, LISTEN connection, feed and hub). */
	start(): Promise<Runtime>;
	/** Stops every runtime started and drops the database. */
	destroy(): Promise<void>;
	/** The PostgreSQL URL, or undefined on PGlite. */
	url: string | undefined;
}

export async function testRuntimes(): Promise<TestRuntimes> {
	const database: TestDatabase | undefined = process.env.DATABASE_URL
		? await freshDatabase()
		: undefined;
	const started: Runtime[] = [];
	return {
		url: database?.url,
		async start() {
			if (!database && started.length > 0)
				throw new Error('the embedded database is one runtime’s');
			const runtime = await startRuntime({
				...readConfig({}),
				databaseUrl: database?.url,
				dataDir: '', // in memory
				seedDemo: false,
				origin: ORIGIN
			});
			started.push(runtime);
			return runtime;
		},
		async destroy() {
			for (const runtime of started) {
				await runtime.feed.stop();
				await runtime.database.close();
			}
			await database?.destroy();
		}
	};
}

/** An http.Server on port 0 answering every request "ok", with an upgrade router. */
export interface SocketServer {
	server: http.Server;
	router: UpgradeRouter;
	port: number;
	/** `ws://127.0.0.1:<port><path>` */
	url(path: string): string;
	/** True if a plain HTTP request still gets its answer. */
	httpAnswers(): Promise<boolean>;
	/** Closes the router (graceful) and the server. */
	stop(): Promise<void>;
}

export async function startSocketServer(
	runtime: Runtime,
	options: {
		routes?: readonly SocketRoute[];
		keepaliveMs?: number;
		passThrough?: (request: IncomingMessage) => boolean;
	} = {}
): Promise<SocketServer> {
	const router = createUpgradeRouter({
		getRuntime: async () => runtime,
		routes: options.routes ?? socketRoutes,
		keepaliveMs: options.keepaliveMs,
		passThrough: options.passThrough
	});
	const server = http.createServer((_request, response) => response.end('ok'));
	server.on('upgrade', router);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		server,
		router,
		port,
		url: (path) => `ws://127.0.0.1:${port}${path}`,
		async httpAnswers() {
			const response = await fetch(`http://127.0.0.1:${port}/`);
			return response.ok && (await response.text()) === 'ok';
		},
		async stop() {
			await router.close();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}

/** A session cookie header for the user. */
export async function sessionCookie(
	runtime: Runtime,
	userId: number
): Promise<{ cookie: string; sessionId: string }> {
	const token = generateSessionToken();
	const session = await createSession(runtime.db, token, userId);
	return { cookie: `${SESSION_COOKIE}=${token}`, sessionId: session.id };
}

/** Adds a user with a role in the campaign; returns the user's id. */
export async function addMember(
	runtime: Runtime,
	campaignId: number,
	username: string,
	role: Role,
	unitId?: number
): Promise<number> {
	const created = await createUser(runtime.db, {
		username,
		displayName: username,
		password: 'a-long-test-password'
	});
	await setMembership(runtime.db, { userId: created.id, campaignId, role, unitId }, null);
	return created.id;
}

/** A board message as the tests read it. */
export interface Message {
	type: string;
	seq: number;
	[key: string]: unknown;
}

/** A `ws` client that records its messages and how it closed. */
export interface Client {
	socket: WebSocket;
	messages: Message[];
	/** Resolves with the first message matching `predicate` (already received or to come). */
	next(predicate: (message: Message) => boolean): Promise<Message>;
	/** Resolves with the close code. */
	closed: Promise<number>;
}

/** Opens a `ws` client with our Origin and the cookie; resolves once the hello arrived. */
export async function openClient(url: string, cookie: string): Promise<Client> {
	const socket = new WebSocket(url, { headers: { Origin: ORIGIN, Cookie: cookie } });
	const messages: Message[] = [];
	const waiters: { predicate: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
	const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
	socket.on('error', () => {});
	socket.on('message', (data) => {
		const message = JSON.parse(String(data)) as Message;
		messages.push(message);
		for (const waiter of [...waiters]) {
			if (waiter.predicate(message)) {
				waiters.splice(waiters.indexOf(waiter), 1);
				waiter.resolve(message);
			}
		}
	});
	const client: Client = {
		socket,
		messages,
		closed,
		next(predicate) {
			const seen = messages.find(predicate);
			if (seen) return Promise.resolve(seen);
			return new Promise((resolve) => waiters.push({ predicate, resolve }));
		}
	};
	await Promise.race([
		client.next((m) => m.type === 'hello'),
		closed.then((code) => Promise.reject(new Error(`closed with ${code} before the hello`)))
	]);
	return client;
}

/** Commits one board event (as any service would) and returns its sequence number. */
export function commitEvent(runtime: Runtime, campaignId: number): Promise<number> {
	return runtime.db.transaction((tx) =>
		appendEvent(tx, campaignId, 'candidate.objection', { candidateId: 0 })
	);
}

/** The campaign's current event sequence number. */
export async function currentSeq(runtime: Runtime, campaignId: number): Promise<number> {
	const result = await runtime.db.execute(
		sql`select event_seq as seq from campaign where id = ${campaignId}`
	);
	const rows = (result as unknown as { rows: { seq: number }[] }).rows;
	return Number(rows[0]?.seq ?? 0);
}

/** A raw TCP connection that has sent an upgrade request and read the response head. */
export interface RawUpgrade {
	socket: net.Socket;
	/** The status code of the response. */
	status: number;
	/** Bytes received after the response head (the first frames). */
	rest: Buffer;
}

/** Sends a WebSocket upgrade request by hand and waits for the response head. */
export function rawUpgrade(
	port: number,
	path: string,
	headers: Record<string, string> = {},
	options: { allowHalfOpen?: boolean; timeoutMs?: number } = {}
): Promise<RawUpgrade> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: options.allowHalfOpen });
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error(`upgrade to ${path} not answered`));
		}, options.timeoutMs ?? 10_000);
		let received = Buffer.alloc(0);
		const onData = (chunk: Buffer) => {
			received = Buffer.concat([received, chunk]);
			const end = received.indexOf('\r\n\r\n');
			if (end < 0) return;
			clearTimeout(timer);
			socket.off('data', onData);
			socket.off('error', reject);
			socket.pause();
			const head = received.subarray(0, end).toString('latin1');
			const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
			resolve({ socket, status, rest: received.subarray(end + 4) });
		};
		socket.on('data', onData);
		socket.on('error', reject);
		const lines = [
			`GET ${path} HTTP/1.1`,
			`Host: 127.0.0.1:${port}`,
			'Upgrade: websocket',
			'Connection: Upgrade',
			`Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
			'Sec-WebSocket-Version: 13',
			...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
		];
		socket.write(`${lines.join('\r\n')}\r\n\r\n`);
	});
}

/** Resolves when the peer has ended the connection (FIN or reset) — or rejects after `ms`. */
export function endedByPeer(socket: net.Socket, ms: number): Promise<void> {
	if (socket.destroyed || socket.readableEnded) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the server never let go')), ms);
		const done = () => {
			clearTimeout(timer);
			resolve();
		};
		socket.once('end', done);
		socket.once('close', done);
		socket.once('error', done);
		socket.resume();
	});
}

/** How many descriptors this process has open. */
export function openDescriptors(): number {
	return readdirSync('/proc/self/fd').length;
}
