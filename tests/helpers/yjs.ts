/**
 * Comment-room test kit: a small campaign with one account per role, a runtime on a test
 * database, the upgrade router with the comment route on port 0, and real y-websocket clients
 * in Node that send a Cookie and an Origin like a browser.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createYjsRoute, type YjsRoute } from '../../server/yjs/route';
import type { RoomsSettings } from '../../server/yjs/rooms';
import { createUpgradeRouter, type UpgradeRouter } from '../../server/upgrade';
import { COMMENT_FIELD, commentDocName } from '../../src/lib/realtime/comments-doc';
import { SaveTracker } from '../../src/lib/realtime/comments-saved';
import { CommentStore } from '../../src/lib/server/comments/store';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';
import { readConfig } from '../../src/lib/server/config';
import type { Database, Db } from '../../src/lib/server/db';
import {
	candidate,
	membership,
	panelistUnit,
	user,
	ydocUpdate
} from '../../src/lib/server/db/schema';
import { importNominations } from '../../src/lib/server/import/nominations';
import { BoardFeed } from '../../src/lib/server/live/feed';
import { LiveHub } from '../../src/lib/server/live/hub';
import type { Runtime } from '../../src/lib/server/runtime';
import { createCampaign } from '../../src/lib/server/seed';
import { freshDatabase, type TestDatabase } from './db';
import { sample } from './documents';

// Every y-websocket provider in Node adds a process 'exit' listener; tests open dozens.
process.setMaxListeners(500);

/** The origin every test server accepts. */
export const ORIGIN = 'http://comments.test';

/** Usernames of the fixture's accounts, by what they are for. */
export type Account =
	'secretary' | 'panelist' | 'recused' | 'observer' | 'unit' | 'admin' | 'stranger';

export interface CommentFixture {
	campaignId: number;
	/** A second campaign: its candidates are foreign to the first's members. */
	otherCampaignId: number;
	/** Candidates of the first campaign (the recused panelist is linked to their unit). */
	candidateIds: number[];
	otherCandidateId: number;
	/** Session cookie (`name=token`) per account. */
	cookies: Record<Account, string>;
	userIds: Record<Account, number>;
}

/** Writes two campaigns from the sample file and one account per role with a session each. */
export async function seedComments(db: Db): Promise<CommentFixture> {
	const campaignId = await createCampaign(db, '评审意见测试');
	const otherCampaignId = await createCampaign(db, '另一评选活动');
	const actor = { id: null, name: 'test' };
	await importNominations(db, campaignId, sample(), actor);
	await importNominations(db, otherCampaignId, sample(), actor);
	const ids = await db
		.select({ id: candidate.id, campaignId: candidate.campaignId, unitId: candidate.unitId })
		.from(candidate)
		.orderBy(candidate.id);
	const mine = ids.filter((c) => c.campaignId === campaignId);
	const unitId = mine[0]!.unitId;
	const roles: Record<Account, 'secretary' | 'panelist' | 'observer' | 'unit' | 'admin' | null> = {
		secretary: 'secretary',
		panelist: 'panelist',
		recused: 'panelist',
		observer: 'observer',
		unit: 'unit',
		admin: 'admin',
		stranger: null
	};
	const names: Record<Account, string> = {
		secretary: '秘书甲',
		panelist: '评委乙',
		recused: '评委丙',
		observer: '大屏',
		unit: '推荐单位',
		admin: '管理员',
		stranger: '他人'
	};
	const cookies = {} as Record<Account, string>;
	const userIds = {} as Record<Account, number>;
	for (const account of Object.keys(roles) as Account[]) {
		const [created] = await db
			.insert(user)
			.values({ username: `c-${account}`, displayName: names[account], passwordHash: 'x' })
			.returning({ id: user.id });
		userIds[account] = created!.id;
		const role = roles[account];
		if (role)
			await db.insert(membership).values({
				userId: created!.id,
				campaignId,
				role,
				unitId: role === 'unit' ? unitId : null
			});
		if (account === 'stranger')
			await db
				.insert(membership)
				.values({ userId: created!.id, campaignId: otherCampaignId, role: 'secretary' });
		const token = generateSessionToken();
		await createSession(db, token, created!.id);
		cookies[account] = `${SESSION_COOKIE}=${token}`;
	}
	await db.insert(panelistUnit).values({ userId: userIds.recused, unitId });
	return {
		campaignId,
		otherCampaignId,
		candidateIds: mine.map((c) => c.id),
		otherCandidateId: ids.find((c) => c.campaignId === otherCampaignId)!.id,
		cookies,
		userIds
	};
}

/** A runtime around an open database (what startRuntime makes, without opening another). */
export async function runtimeOn(database: Database): Promise<Runtime> {
	const hub = new LiveHub();
	const feed = new BoardFeed(database, hub);
	await feed.start();
	return {
		config: { ...readConfig({}), origin: ORIGIN, seedDemo: false },
		database,
		db: database.db,
		hub,
		feed
	};
}

export interface CommentServer {
	port: number;
	/** `ws://127.0.0.1:PORT/yjs/<campaignId>`: the y-websocket client's server URL. */
	url(campaignId: number): string;
	route: YjsRoute;
	router: UpgradeRouter;
	runtime: Runtime;
	close(): Promise<void>;
}

/** A fresh database with the comment fixture seeded and the comment server on it. */
export interface CommentSetup {
	database: TestDatabase;
	fixture: CommentFixture;
	server: CommentServer;
}

export async function startCommentSetup(): Promise<CommentSetup> {
	const database = await freshDatabase();
	const fixture = await seedComments(database.db);
	const server = await startCommentServer(await runtimeOn(database));
	return { database, fixture, server };
}

/** Closes the clients, the server, its feed and the database of a `startCommentSetup`. */
export async function stopCommentSetup(
	setup: CommentSetup,
	clients: readonly CommentClient[]
): Promise<void> {
	for (const client of clients) client.destroy();
	await setup.server.close();
	await setup.server.runtime.feed.stop();
	await setup.database.destroy();
}

/** The upgrade router with the comment route on port 0. */
export async function startCommentServer(
	runtime: Runtime,
	settings: Partial<RoomsSettings> = {},
	store?: CommentStore
): Promise<CommentServer> {
	const route = createYjsRoute({ unloadAfterMs: 200, ...settings }, store && (() => store));
	const router = createUpgradeRouter({ getRuntime: async () => runtime, routes: [route] });
	const server = http.createServer((_req, res) => res.end());
	server.on('upgrade', router);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		port,
		url: (campaignId) => `ws://127.0.0.1:${port}/yjs/${campaignId}`,
		route,
		router,
		runtime,
		async close() {
			await router.close();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}

/** A `ws` WebSocket class that sends these headers, for y-websocket's WebSocketPolyfill. */
export function socketWithHeaders(headers: Record<string, string>): SocketClass {
	return class extends WebSocket {
		constructor(address: string, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	};
}

/** A WebSocket class as y-websocket constructs it: `new WS(url, protocols)`. */
export type SocketClass = new (address: string, protocols?: string | string[]) => WebSocket;

/** The `ws` class given to y-websocket, whose option is typed for the browser's WebSocket. */
export function asPolyfill(socket: SocketClass): typeof globalThis.WebSocket {
	const polyfill: unknown = socket;
	return polyfill as typeof globalThis.WebSocket;
}

export interface CommentClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	saved: SaveTracker;
	/** How many sockets the provider opened. */
	attempts: () => number;
	/** Close events the provider saw (code, reason). */
	closes: { code: number; reason: string }[];
	text(): string;
	/** Resolves on the first sync (SyncStep2 from the server). */
	synced(): Promise<void>;
	/** Resolves when the provider stopped for good (`closed`: a 44xx close). */
	stopped(): Promise<{ code: number; reason: string }>;
	destroy(): void;
}

/** A stock y-websocket client for a candidate's comment, as a browser would open it. */
export function commentClient(
	server: Pick<CommentServer, 'url'>,
	campaignId: number,
	candidateId: number,
	options: { cookie?: string; origin?: string | null; connect?: boolean } = {}
): CommentClient {
	const headers: Record<string, string> = {};
	if (options.cookie) headers.Cookie = options.cookie;
	if (options.origin !== null) headers.Origin = options.origin ?? ORIGIN;
	const Base = socketWithHeaders(headers);
	let attempts = 0;
	const Counting = class extends Base {
		constructor(address: string, protocols?: string | string[]) {
			super(address, protocols);
			attempts++;
		}
	};
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(server.url(campaignId), String(candidateId), doc, {
		WebSocketPolyfill: asPolyfill(Counting),
		disableBc: true,
		maxBackoffTime: 300,
		connect: options.connect ?? true
	});
	const saved = new SaveTracker(provider);
	const closes: { code: number; reason: string }[] = [];
	provider.on('connection-close', (event) => {
		if (event) closes.push({ code: event.code, reason: event.reason });
	});
	const stopped = new Promise<{ code: number; reason: string }>((resolve) =>
		provider.on('closed', (event) => resolve(event))
	);
	return {
		doc,
		provider,
		saved,
		attempts: () => attempts,
		closes,
		text: () => doc.getText('t').toString(),
		synced: () =>
			new Promise<void>((resolve) => {
				if (provider.synced) return resolve();
				const onSync = (state: boolean) => {
					if (!state) return;
					provider.off('sync', onSync);
					resolve();
				};
				provider.on('sync', onSync);
			}),
		stopped: () => stopped,
		destroy() {
			saved.destroy();
			provider.destroy();
			doc.destroy();
		}
	};
}

/** Resolves once `check` holds, polling; rejects after `ms`. */
export async function eventually(
	check: () => boolean | Promise<boolean>,
	ms = 10_000,
	what = 'condition'
): Promise<void> {
	const until = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** The stored rows of a comment document, replayed into a fresh Y.Doc. */
export async function storedDoc(db: Db, campaignId: number, candidateId: number): Promise<Y.Doc> {
	const rows = await db
		.select({ data: ydocUpdate.data })
		.from(ydocUpdate)
		.where(eq(ydocUpdate.doc, commentDocName(campaignId, candidateId)))
		.orderBy(ydocUpdate.seq);
	const doc = new Y.Doc();
	for (const row of rows) Y.applyUpdate(doc, row.data);
	return doc;
}

/** How many rows a comment document has in the log. */
export async function rowCount(db: Db, campaignId: number, candidateId: number): Promise<number> {
	const rows = await db
		.select({ seq: ydocUpdate.seq })
		.from(ydocUpdate)
		.where(eq(ydocUpdate.doc, commentDocName(campaignId, candidateId)));
	return rows.length;
}

export { COMMENT_FIELD };

/** A door a test opens: what awaits `promise` waits until `open()`. */
export interface Gate {
	promise: Promise<void>;
	open(): void;
}

export function gate(): Gate {
	let open!: () => void;
	const promise = new Promise<void>((resolve) => (open = resolve));
	return { promise, open };
}

/** The real store, with doors on load, append and compaction, and a record of the calls. */
export class GatedStore extends CommentStore {
	loads = 0;
	appends = 0;
	/** Loads still to fail before one succeeds. */
	failLoads = 0;
	loadGate: Promise<void> | null = null;
	appendGate: Promise<void> | null = null;
	compactGate: Promise<void> | null = null;
	/** `load:start`, `load:end`, `compact:start`, `compact:end`, in order. */
	readonly log: string[] = [];

	override async load(doc: string) {
		this.loads++;
		this.log.push('load:start');
		await this.loadGate;
		if (this.failLoads > 0) {
			this.failLoads--;
			throw new Error('load failed (test)');
		}
		const rows = await super.load(doc);
		this.log.push('load:end');
		return rows;
	}

	override async append(...args: Parameters<CommentStore['append']>) {
		await this.appendGate;
		this.appends++;
		return super.append(...args);
	}

	override async compact(doc: string) {
		this.log.push('compact:start');
		await this.compactGate;
		const result = await super.compact(doc);
		this.log.push('compact:end');
		return result;
	}
}

/** A comment server in a child process (tests/helpers/yjs-server-process.ts). */
export interface ChildServer {
	port: number;
	child: ChildProcess;
	url(campaignId: number): string;
	/** The child's RSS in bytes, after a garbage collection. */
	rss(): Promise<number>;
	/** Resolves when the child has exited. */
	exited: Promise<void>;
}

/** Forks a comment server with this environment (DATABASE_URL or DATA_DIR, PORT). */
export async function forkCommentServer(env: Record<string, string>): Promise<ChildServer> {
	const child = fork('tests/helpers/yjs-server-process.ts', [], {
		execArgv: ['--import', 'tsx', '--expose-gc'],
		env: { ...process.env, ORIGIN, SHORTLIST_DEMO: '0', ...env },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const port = await new Promise<number>((resolve, reject) => {
		child.once('message', (message) => resolve((message as { port: number }).port));
		child.once('exit', (code) => reject(new Error(`comment server exited (${code})`)));
	});
	return {
		port,
		child,
		url: (campaignId) => `ws://127.0.0.1:${port}/yjs/${campaignId}`,
		rss: () =>
			new Promise<number>((resolve) => {
				const onMessage = (message: unknown) => {
					if (typeof message === 'object' && message !== null && 'rss' in message) {
						child.off('message', onMessage);
						resolve((message as { rss: number }).rss);
					}
				};
				child.on('message', onMessage);
				child.send('rss');
			}),
		exited
	};
}
