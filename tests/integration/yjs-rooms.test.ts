/**
 * The comment rooms with the stock y-websocket client: convergence, late joiners, read-only
 * observers, refusals that stop the client, awareness names from the session.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
	commentClient,
	eventually,
	startCommentSetup,
	stopCommentSetup,
	storedDoc,
	type CommentClient,
	type CommentSetup,
	type CommentFixture,
	type CommentServer
} from '../helpers/yjs';

let setup: CommentSetup;
let fixture: CommentFixture;
let server: CommentServer;
const clients: CommentClient[] = [];

beforeAll(async () => {
	setup = await startCommentSetup();
	({ fixture, server } = setup);
});

afterAll(() => stopCommentSetup(setup, clients));

function open(
	account: keyof CommentFixture['cookies'],
	candidateId = fixture.candidateIds[0]!,
	options: { origin?: string | null; campaignId?: number; cookie?: string | undefined } = {}
): CommentClient {
	const client = commentClient(server, options.campaignId ?? fixture.campaignId, candidateId, {
		cookie: 'cookie' in options ? options.cookie : fixture.cookies[account],
		origin: options.origin
	});
	clients.push(client);
	return client;
}

describe('co-editing', () => {
	test('two clients converge, and a third joining late gets the whole text', async () => {
		const candidateId = fixture.candidateIds[1]!;
		const a = open('secretary', candidateId);
		const b = open('panelist', candidateId);
		await Promise.all([a.synced(), b.synced()]);
		a.doc.getText('t').insert(0, '同意推荐。');
		b.doc.getText('t').insert(0, '事迹突出，');
		await eventually(() => a.text() === b.text() && a.text().length === 10, 5000, 'convergence');
		expect(a.text()).toBe(b.text());
		expect(a.text()).toContain('同意推荐。');
		expect(a.text()).toContain('事迹突出，');

		const late = open('observer', candidateId);
		await late.synced();
		expect(late.text()).toBe(a.text());
		await eventually(() => a.saved.saved && b.saved.saved, 5000, 'saved');
		const stored = await storedDoc(setup.database.db, fixture.campaignId, candidateId);
		expect(stored.getText('t').toString()).toBe(a.text());
	});

	test("an observer's writes are dropped, and it still receives", async () => {
		const candidateId = fixture.candidateIds[2]!;
		const writer = open('panelist', candidateId);
		const observer = open('observer', candidateId);
		await Promise.all([writer.synced(), observer.synced()]);
		observer.doc.getText('t').insert(0, '大屏不能写');
		writer.doc.getText('t').insert(0, '评委意见');
		await eventually(() => observer.text().includes('评委意见'), 5000, 'observer receives');
		await eventually(() => writer.saved.saved, 5000, 'writer saved');
		// Give a dropped write every chance to arrive: the writer's later edit is committed after it.
		writer.doc.getText('t').insert(0, '再写');
		await eventually(() => writer.saved.saved && observer.text().includes('再写'), 5000);
		expect(writer.text()).not.toContain('大屏不能写');
		expect(observer.saved.saved).toBe(false);
		const stored = await storedDoc(setup.database.db, fixture.campaignId, candidateId);
		expect(stored.getText('t').toString()).toBe(writer.text());
		expect(stored.getText('t').toString()).not.toContain('大屏不能写');
	});
});

describe('refusals', () => {
	const cases = [
		{ what: 'a unit account', account: 'unit', code: 4403 },
		{ what: 'a recused panelist', account: 'recused', code: 4403 },
		{ what: 'a member of another campaign only', account: 'stranger', code: 4403 },
		{ what: 'no session', account: 'secretary', cookie: undefined, code: 4401 },
		{
			what: 'an unknown session',
			account: 'secretary',
			cookie: 'shortlist_session=nope',
			code: 4401
		},
		{ what: 'a foreign Origin', account: 'secretary', origin: 'http://evil.test', code: 4403 },
		{ what: 'no Origin', account: 'secretary', origin: null, code: 4403 }
	] as const;
	for (const entry of cases) {
		test(`${entry.what}: closed with ${entry.code}, and the client stops`, async () => {
			const client = open(entry.account, fixture.candidateIds[0], {
				...('cookie' in entry ? { cookie: entry.cookie } : {}),
				...('origin' in entry ? { origin: entry.origin } : {})
			});
			const stopped = await client.stopped();
			expect(stopped.code).toBe(entry.code);
			await new Promise((resolve) => setTimeout(resolve, 800));
			expect(client.attempts()).toBe(1);
			expect(client.provider.synced).toBe(false);
		});
	}

	test("a candidate of another campaign cannot be reached through this campaign's path", async () => {
		const client = open('secretary', fixture.otherCandidateId);
		expect((await client.stopped()).code).toBe(4403);
	});
});

describe('awareness', () => {
	test("a client claiming another's name is shown with its session's name and colour", async () => {
		const candidateId = fixture.candidateIds[3]!;
		const liar = open('panelist', candidateId);
		const watcher = open('secretary', candidateId);
		await Promise.all([liar.synced(), watcher.synced()]);
		liar.provider.awareness.setLocalStateField('user', { name: '秘书甲', color: '#000000' });
		const awareness: Awareness = watcher.provider.awareness;
		await eventually(
			() => awareness.getStates().get(liar.doc.clientID)?.user !== undefined,
			5000,
			'awareness'
		);
		const shown = awareness.getStates().get(liar.doc.clientID)!.user as Record<string, unknown>;
		expect(shown.name).toBe('评委乙');
		expect(shown.id).toBe(fixture.userIds.panelist);
		expect(shown.color).not.toBe('#000000');
		expect(shown.readOnly).toBe(false);
	});

	test("a client cannot speak for another client's awareness entry", async () => {
		const candidateId = fixture.candidateIds[3]!;
		const first = open('secretary', candidateId);
		const second = open('panelist', candidateId);
		await Promise.all([first.synced(), second.synced()]);
		first.provider.awareness.setLocalStateField('cursor', 'mine');
		await eventually(
			() => second.provider.awareness.getStates().get(first.doc.clientID)?.cursor === 'mine'
		);
		// The second client forges an update for the first one's clientID, with a higher clock.
		const forged = new Awareness(new Y.Doc());
		const meta = second.provider.awareness.meta.get(first.doc.clientID)!;
		forged.meta.set(first.doc.clientID, { clock: meta.clock + 5, lastUpdated: 0 });
		forged.states.set(first.doc.clientID, { cursor: 'forged' });
		const { encodeAwarenessUpdate } = await import('y-protocols/awareness');
		const { writeVarUint, writeVarUint8Array, createEncoder, toUint8Array } =
			await import('lib0/encoding');
		const encoder = createEncoder();
		writeVarUint(encoder, 1);
		writeVarUint8Array(encoder, encodeAwarenessUpdate(forged, [first.doc.clientID]));
		second.provider.ws!.send(toUint8Array(encoder));
		const third = open('secretary', candidateId);
		await third.synced();
		await eventually(() => third.provider.awareness.getStates().has(first.doc.clientID));
		expect(third.provider.awareness.getStates().get(first.doc.clientID)?.cursor).toBe('mine');
		expect(second.provider.wsconnected).toBe(true);
	});
});
