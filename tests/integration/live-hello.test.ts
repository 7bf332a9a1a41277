import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Runtime } from '../../src/lib/server/runtime';
import { createCampaign } from '../../src/lib/server/seed';
import {
	addMember,
	commitEvent,
	currentSeq,
	openClient,
	sessionCookie,
	startSocketServer,
	testRuntimes,
	type Client,
	type SocketServer,
	type TestRuntimes
} from '../helpers/socket-server';

/**
 * Issue 7, finding 16: the hello's sequence number is read after the socket subscribed to the hub,
 * so no event falls between the hello and the first event: a client sees its hello first, then
 * every later event once, in order, without a gap (a gap would make the board reload for nothing).
 */
describe('the board socket’s hello', () => {
	let runtimes: TestRuntimes;
	let runtime: Runtime;
	let sockets: SocketServer;
	let campaignId: number;
	let cookie: string;

	beforeAll(async () => {
		runtimes = await testRuntimes();
		runtime = await runtimes.start();
		campaignId = await createCampaign(runtime.db, '序号测试');
		const observer = await addMember(runtime, campaignId, 'screen', 'observer');
		({ cookie } = await sessionCookie(runtime, observer));
		sockets = await startSocketServer(runtime);
	});
	afterAll(async () => {
		await sockets?.stop();
		await runtimes?.destroy();
	});

	/** The client's messages are its hello, then exactly the events hello.seq+1 … last. */
	function expectGapless(client: Client, last: number) {
		const [hello, ...events] = client.messages.filter((m) => m.type !== 'keepalive');
		expect(hello?.type).toBe('hello');
		const expected = Array.from({ length: last - hello!.seq }, (_, i) => hello!.seq + 1 + i);
		expect(events.map((m) => m.seq)).toEqual(expected);
	}

	test('an event reaching the hub while the socket is being set up comes after the hello, once', async () => {
		// Committed while nobody listens, so the feed has not forwarded it yet…
		const pending = await commitEvent(runtime, campaignId);
		const hub = runtime.hub;
		const subscribe = hub.subscribe.bind(hub);
		// …and the feed delivers it the moment this socket subscribes, before its hello is out.
		hub.subscribe = (id, listener) => {
			const unsubscribe = subscribe(id, listener);
			hub.subscribe = subscribe;
			hub.publish({ type: 'candidate.objection', campaignId, seq: pending, candidateId: 0 });
			return unsubscribe;
		};
		const client = await openClient(sockets.url(`/live/${campaignId}`), cookie);
		const next = await commitEvent(runtime, campaignId);
		await client.next((m) => m.seq === next);
		expect(client.messages[0]).toMatchObject({ type: 'hello', seq: pending });
		expectGapless(client, next);
		client.socket.close();
	});

	test('sockets joining while events stream each see every event after their hello', async () => {
		const clients: Promise<Client>[] = [];
		for (let i = 0; i < 60; i++) {
			if (i % 3 === 0) clients.push(openClient(sockets.url(`/live/${campaignId}`), cookie));
			await commitEvent(runtime, campaignId);
		}
		const last = await currentSeq(runtime, campaignId);
		for (const client of await Promise.all(clients)) {
			await client.next((m) => m.seq === last);
			expectGapless(client, last);
			client.socket.close();
		}
	});
});
