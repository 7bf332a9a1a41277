/**
 * The meeting's budgets (issue 9): a ballot cast → its count (`vote.cast`) on 50 subscribed
 * screens, p99 < 50 ms; closing a 100-candidate ballot → the results (`round.closed`) on 50
 * screens, p99 < 200 ms. Embedded database, and PostgreSQL with DATABASE_URL. Same sockets
 * fan-out pattern as board.bench.ts: the time runs from the call until the last socket has the
 * event.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, asc, eq, inArray } from 'drizzle-orm';
import WebSocket from 'ws';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';
import { readConfig } from '../../src/lib/server/config';
import { campaign, candidate, membership, user } from '../../src/lib/server/db/schema';
import { startRuntime } from '../../src/lib/server/runtime';
import { seedDemo } from '../../src/lib/server/seed';
import {
	castVote,
	closeRound,
	openRound,
	setAttendance,
	startMeeting,
	type MeetingActor
} from '../../src/lib/server/votes/meeting';
import { createUpgradeHandler } from '../../server/websocket';
import { adminQuery, withDatabase } from '../helpers/global-setup';
import { result, type BenchResult } from './measure';

const SCREENS = 50;
const CASTS = 200;
const CLOSES = 20;
const BALLOT_SIZE = 100;

async function meetingBench(label: string, databaseUrl?: string): Promise<BenchResult[]> {
	const runtime = await startRuntime({
		...readConfig({}),
		databaseUrl,
		dataDir: '',
		seedDemo: false,
		origin: 'http://bench.test'
	});
	try {
		const { db } = runtime;
		const { campaignId } = await seedDemo(db);
		const members = await db
			.select({
				id: user.id,
				name: user.username,
				role: membership.role,
				unitId: membership.unitId
			})
			.from(user)
			.innerJoin(membership, eq(membership.userId, user.id))
			.where(eq(membership.campaignId, campaignId))
			.orderBy(asc(user.id));
		const secretary = members.find((m) => m.name === 'secretary')! as MeetingActor;
		const panel = members.filter((m) => m.role === 'panelist') as MeetingActor[];
		const token = generateSessionToken();
		await createSession(db, token, secretary.id);
		const upgrade = createUpgradeHandler(async () => runtime);
		const server = http.createServer((_req, res) => res.end());
		server.on('upgrade', upgrade);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const completedAt = new Map<number, number>();
		const waiting = new Map<number, () => void>();
		const received = new Map<number, number>();
		const sockets = await Promise.all(
			Array.from(
				{ length: SCREENS },
				() =>
					new Promise<WebSocket>((resolve, reject) => {
						const socket = new WebSocket(`ws://127.0.0.1:${port}/live/${campaignId}`, {
							headers: { Origin: 'http://bench.test', Cookie: `${SESSION_COOKIE}=${token}` }
						});
						socket.on('message', (data) => {
							const message = JSON.parse(String(data)) as { type: string; seq: number };
							if (message.type === 'hello') return resolve(socket);
							if (message.type === 'keepalive') return;
							const count = (received.get(message.seq) ?? 0) + 1;
							received.set(message.seq, count);
							if (count === SCREENS) {
								completedAt.set(message.seq, performance.now());
								waiting.get(message.seq)?.();
							}
						});
						socket.on('error', reject);
					})
			)
		);
		const latestSeq = async () =>
			(
				await db
					.select({ seq: campaign.eventSeq })
					.from(campaign)
					.where(eq(campaign.id, campaignId))
			)[0]!.seq;
		const arrival = async (seq: number) => {
			if (!completedAt.has(seq)) await new Promise<void>((resolve) => waiting.set(seq, resolve));
			return completedAt.get(seq)!;
		};

		const ids = (
			await db
				.select({ id: candidate.id })
				.from(candidate)
				.where(and(eq(candidate.campaignId, campaignId), eq(candidate.track, 'suggestion')))
				.orderBy(asc(candidate.id))
				.limit(BALLOT_SIZE)
		).map((row) => row.id);
		await db.update(candidate).set({ stage: 'joint' }).where(inArray(candidate.id, ids));
		await startMeeting(db, { campaignId, actor: secretary });
		for (const p of panel)
			await setAttendance(db, { campaignId, userId: p.id, present: true, actor: secretary });
		// Voters recused from nothing on this ballot vote; the others' attempts would be refused.
		const voters = panel.slice(3);

		const castDurations: number[] = [];
		const first = await openRound(db, { campaignId, candidateIds: ids, actor: secretary });
		for (let i = 0; i < CASTS; i++) {
			const voter = voters[i % voters.length]!;
			const start = performance.now();
			await castVote(db, {
				campaignId,
				roundId: first.roundId,
				candidateId: ids[i % 10]!,
				choice: i % 3 === 0 ? 'reject' : 'approve',
				actor: voter
			});
			castDurations.push((await arrival(await latestSeq())) - start);
		}
		await closeRound(db, { campaignId, roundId: first.roundId, actor: secretary });

		const closeDurations: number[] = [];
		for (let i = 0; i < CLOSES; i++) {
			const { roundId } = await openRound(db, { campaignId, candidateIds: ids, actor: secretary });
			for (const [vi, voter] of voters.entries())
				for (let c = 0; c < 20; c++)
					await castVote(db, {
						campaignId,
						roundId,
						candidateId: ids[(c + vi * 7) % ids.length]!,
						choice: 'approve',
						actor: voter
					});
			await arrival(await latestSeq());
			const start = performance.now();
			await closeRound(db, { campaignId, roundId, actor: secretary });
			closeDurations.push((await arrival(await latestSeq())) - start);
		}
		for (const socket of sockets) socket.close();
		await upgrade.close();
		server.close();
		return [
			result(
				`vote cast → count on ${SCREENS} screens, ${CASTS} casts (${label})`,
				castDurations,
				50,
				'p99'
			),
			result(
				`close ${BALLOT_SIZE}-candidate ballot → results on ${SCREENS} screens, ${CLOSES} closes (${label})`,
				closeDurations,
				200,
				'p99'
			)
		];
	} finally {
		await runtime.feed.stop();
		await runtime.database.close();
	}
}

/** Runs the meeting benches on the embedded database and, with DATABASE_URL, on PostgreSQL. */
export async function run(): Promise<BenchResult[]> {
	const results: BenchResult[] = [];
	const baseUrl = process.env.DATABASE_URL;
	if (baseUrl) {
		const name = `shortlist_bench_${randomBytes(4).toString('hex')}`;
		await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
		try {
			results.push(
				...(await meetingBench('PostgreSQL, LISTEN/NOTIFY', withDatabase(baseUrl, name)))
			);
		} finally {
			await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		}
	}
	results.push(...(await meetingBench('embedded')));
	return results;
}
