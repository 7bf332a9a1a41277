/**
 * Stages come only from an explicit restore (issue 7, finding 10): an ordinary import of a file
 * with a `board` block is refused, a unit's file never sets stages, only administrators and
 * secretaries restore, a restore never fills a track past its quota (writing nothing when it
 * would), says in the audit that it was a restore, and — like every import — tells open boards
 * to reload through a `board.reloaded` event delivered by the feed.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Track } from '../../src/lib/domain/campaign';
import type { InterchangeDocument, Nomination } from '../../src/lib/domain/interchange';
import type { Stage } from '../../src/lib/domain/stages';
import type { Role } from '../../src/lib/roles';
import type { Db } from '../../src/lib/server/db';
import {
	audit,
	boardEvent,
	campaign,
	candidate,
	consultation,
	finding,
	unit,
	user
} from '../../src/lib/server/db/schema';
import { createCampaignFromBlock } from '../../src/lib/server/import/campaign';
import { importNominations, type ImportActor } from '../../src/lib/server/import/nominations';
import { ImportRefusedError } from '../../src/lib/server/import/preflight';
import { restoreBackup } from '../../src/lib/server/import/restore';
import { BoardFeed } from '../../src/lib/server/live/feed';
import { LiveHub, type LiveEvent } from '../../src/lib/server/live/hub';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { demo } from '../helpers/documents';

let database: TestDatabase;
const actors = {} as Record<Role, Extract<ImportActor, { id: number }>>;
const operator: ImportActor = { id: null, name: 'cli' };

beforeAll(async () => {
	database = await freshDatabase();
	for (const role of ['admin', 'secretary', 'panelist', 'observer', 'unit'] as const) {
		const [row] = await database.db
			.insert(user)
			.values({ username: role, displayName: `${role}（测试）`, passwordHash: 'x' })
			.returning({ id: user.id });
		actors[role] = {
			id: row!.id,
			name: role,
			access: { role, unitId: role === 'unit' ? 1 : null }
		};
	}
});
afterAll(async () => {
	await database.destroy();
});

/** A board block: where a backup says a candidate stood. */
function place(stage: Stage, proposedTrack: Track | null = null): NonNullable<Nomination['board']> {
	const dated = ['approved', 'notice', 'commended'].includes(stage);
	const noticed = ['notice', 'commended'].includes(stage);
	return {
		stage,
		proposedTrack,
		approvedOn: dated ? '2022-11-25' : null,
		noticeStart: noticed ? '2022-12-01' : null,
		noticeEnd: noticed ? '2022-12-07' : null
	};
}

/** The demo's first `n` individuals (all of the demo when n is undefined). */
function individuals(n: number): InterchangeDocument {
	const document = demo();
	document.nominations = document.nominations.filter((x) => x.track === 'individual').slice(0, n);
	return document;
}

/** Gives the nominations of `document` the stages listed, in order; the rest carry none. */
function withStages(
	document: InterchangeDocument,
	stages: readonly (Stage | [Stage, Track | null])[]
) {
	stages.forEach((entry, index) => {
		const [stage, track] = Array.isArray(entry) ? entry : [entry, undefined];
		const nomination = document.nominations[index]!;
		const listed = ['proposed', 'approved', 'notice', 'commended'].includes(stage);
		nomination.board = place(stage, track !== undefined ? track : listed ? nomination.track : null);
	});
	return document;
}

const repeat = <T>(value: T, n: number): T[] => Array<T>(n).fill(value);

/** A campaign of the preset with its individual quota set, created by the operator. */
async function campaignWithQuota(individual: number): Promise<number> {
	return createCampaignFromBlock(
		database.db,
		`名额 ${individual}`,
		{ preset: 'chongqing-2022', quotas: { individual } },
		operator
	);
}

/** Everything an import or restore may write, and where every candidate stands. */
async function snapshot(db: Db) {
	const n = async (
		table:
			| typeof candidate
			| typeof unit
			| typeof finding
			| typeof consultation
			| typeof audit
			| typeof boardEvent
	) => (await db.select({ n: count() }).from(table))[0]!.n;
	return {
		campaigns: await db
			.select({ id: campaign.id, eventSeq: campaign.eventSeq })
			.from(campaign)
			.orderBy(asc(campaign.id)),
		candidates: await n(candidate),
		units: await n(unit),
		findings: await n(finding),
		consultations: await n(consultation),
		audits: await n(audit),
		events: await n(boardEvent),
		places: await db
			.select({ id: candidate.id, stage: candidate.stage, track: candidate.proposedTrack })
			.from(candidate)
			.orderBy(asc(candidate.id))
	};
}

/** Runs `write`, expecting ImportRefusedError matching `message` and no change at all. */
async function expectRefusedUnchanged(write: () => Promise<unknown>, message: RegExp) {
	const before = await snapshot(database.db);
	const failure: unknown = await write().catch((error: unknown) => error);
	expect(failure).toBeInstanceOf(ImportRefusedError);
	expect((failure as Error).message).toMatch(message);
	expect(await snapshot(database.db)).toEqual(before);
}

/** Listens to a campaign's live events the way the server does: hub, feed, NOTIFY — no pokes. */
async function listen(campaignId: number) {
	const hub = new LiveHub();
	const feed = new BoardFeed(database, hub);
	await feed.start();
	const received: LiveEvent[] = [];
	const unsubscribe = hub.subscribe(campaignId, (event) => received.push(event));
	const [row] = await database.db
		.select({ seq: campaign.eventSeq })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	feed.track(campaignId, row!.seq);
	return {
		received,
		async stop() {
			unsubscribe();
			await feed.stop();
		}
	};
}

describe('an ordinary import never sets stages', () => {
	let campaignId: number;
	beforeAll(async () => {
		campaignId = await campaignWithQuota(50);
	});

	// The file: 60 individuals straight into 拟表彰, one with an open ID-INVALID in 表彰.
	const backupLike = () => {
		const document = withStages(individuals(61), repeat<Stage>('proposed', 60));
		const last = document.nominations[60]!;
		if (last.track === 'individual') last.person.idNumber = '500103199001011235';
		last.board = place('commended', 'individual');
		return document;
	};
	test.each([
		{ who: 'the operator (CLI without --restore)', actor: operator, message: /import --restore/ },
		{ who: 'a secretary', actor: () => actors.secretary, message: /恢复备份/ },
		{ who: 'an administrator', actor: () => actors.admin, message: /恢复备份/ },
		{ who: 'a unit', actor: () => actors.unit, message: /推荐单位提交的文件不能含看板状态/ }
	])('from $who: refused, nothing written', async ({ actor, message }) => {
		const who = typeof actor === 'function' ? actor() : actor;
		await expectRefusedUnchanged(
			() => importNominations(database.db, campaignId, backupLike(), who),
			message
		);
	});

	test('the same nominations without their board blocks import, every one in 推荐申报', async () => {
		const document = backupLike();
		for (const nomination of document.nominations) delete nomination.board;
		const summary = await importNominations(database.db, campaignId, document, actors.secretary);
		expect(summary.created).toBe(61);
		const stages = await database.db
			.selectDistinct({ stage: candidate.stage })
			.from(candidate)
			.where(eq(candidate.campaignId, campaignId));
		expect(stages).toEqual([{ stage: 'submitted' }]);
	});
});

describe('who may restore', () => {
	test.each(['panelist', 'observer', 'unit'] as const)(
		'role %s may not: refused, nothing written',
		async (role) => {
			const campaignId = await campaignWithQuota(50);
			await expectRefusedUnchanged(
				() =>
					restoreBackup(
						database.db,
						campaignId,
						withStages(individuals(3), ['proposed']),
						actors[role]
					),
				/只有系统管理员或秘书处可以恢复备份/
			);
		}
	);

	test.each(['admin', 'secretary'] as const)('role %s may restore', async (role) => {
		const campaignId = await campaignWithQuota(50);
		const summary = await restoreBackup(
			database.db,
			campaignId,
			withStages(individuals(3), ['proposed']),
			actors[role]
		);
		expect(summary).toMatchObject({ created: 3, moved: 1 });
	});
});

describe('a restore never fills a track past its quota (individual quota 4)', () => {
	const cases: { name: string; stages: (Stage | [Stage, Track | null])[]; refused: boolean }[] = [
		{ name: 'exactly the quota in 拟表彰', stages: repeat<Stage>('proposed', 4), refused: false },
		{ name: 'one over the quota', stages: repeat<Stage>('proposed', 5), refused: true },
		{
			name: '党组审定, 公示 and 表彰 count as well',
			stages: ['proposed', 'proposed', 'approved', 'notice', 'commended'],
			refused: true
		},
		{
			name: 'off-ramps and earlier stages hold no place',
			stages: [...repeat<Stage>('proposed', 4), 'not_selected', 'withdrawn', 'joint'],
			refused: false
		}
	];
	test.each(cases)('$name: refused $refused', async ({ stages, refused }) => {
		const campaignId = await campaignWithQuota(4);
		const document = withStages(individuals(8), stages);
		if (refused) {
			await expectRefusedUnchanged(
				() => restoreBackup(database.db, campaignId, document, actors.secretary),
				/“先进个人”在拟表彰及以后阶段（拟表彰、党组审定、公示、表彰）的有 5 项，超过本评选活动的名额 4 项/
			);
		} else {
			const summary = await restoreBackup(database.db, campaignId, document, actors.secretary);
			expect(summary.moved).toBe(stages.length);
		}
	});

	test('candidates already on the list count: a second restore that overfills is refused', async () => {
		const campaignId = await campaignWithQuota(4);
		const all = individuals(8);
		const first = structuredClone(all);
		first.nominations = first.nominations.slice(0, 3);
		await restoreBackup(
			database.db,
			campaignId,
			withStages(first, repeat<Stage>('proposed', 3)),
			actors.secretary
		);
		const second = structuredClone(all);
		second.nominations = second.nominations.slice(3);
		await expectRefusedUnchanged(
			() =>
				restoreBackup(
					database.db,
					campaignId,
					withStages(second, ['proposed', 'approved']),
					actors.secretary
				),
			/有 5 项，超过本评选活动的名额 4 项/
		);
	});

	test('the issue’s backup into a fresh campaign (60 of 50 individuals): nothing at all is written', async () => {
		const document = withStages(individuals(137), repeat<Stage>('proposed', 60));
		await expectRefusedUnchanged(
			() =>
				database.db.transaction(async (tx) => {
					const id = await createCampaignFromBlock(
						tx,
						'整体恢复',
						{ preset: 'chongqing-2022' },
						operator
					);
					return restoreBackup(tx, id, document, operator);
				}),
			/“先进个人”.*有 60 项，超过本评选活动的名额 50 项/
		);
	});
});

describe('a backup’s board must be one the campaign’s own moves could have made', () => {
	const cases: { name: string; board: NonNullable<Nomination['board']>; problem: RegExp }[] = [
		{
			name: 'on the list without a track',
			board: place('proposed', null),
			problem: /处于“拟表彰”，其 board\.proposedTrack 应为 individual（先进个人），现为 空/
		},
		{
			name: 'an individual holding a collective’s place',
			board: place('commended', 'collective'),
			problem: /处于“表彰”，其 board\.proposedTrack 应为 individual（先进个人），现为 collective/
		},
		{
			name: 'off the list but holding a place',
			board: place('joint', 'individual'),
			problem: /处于“联合评审”，不占名额，board\.proposedTrack 应为空/
		}
	];
	test.each(cases)('$name: refused, nothing written', async ({ board, problem }) => {
		const campaignId = await campaignWithQuota(50);
		const document = individuals(2);
		document.nominations[1]!.board = board;
		await expectRefusedUnchanged(
			() => restoreBackup(database.db, campaignId, document, actors.secretary),
			problem
		);
	});
});

describe('a restore within the quotas', () => {
	test('sets the stages, says so in the audit, and open boards get board.reloaded', async () => {
		const campaignId = await campaignWithQuota(50);
		await importNominations(database.db, campaignId, demo(), operator);
		const live = await listen(campaignId);
		try {
			const document = demo();
			const byTrack = (track: string) =>
				document.nominations.filter(
					(n) =>
						n.track === track && !(n.track === 'collective' && n.collective.category === '代表家站')
				);
			const stations = document.nominations.filter(
				(n) => n.track === 'collective' && n.collective.category === '代表家站'
			);
			const wanted = new Map<string, NonNullable<Nomination['board']>>();
			byTrack('individual')
				.slice(0, 50)
				.forEach((n, i) =>
					wanted.set(n.ref, place(i < 45 ? 'proposed' : 'commended', 'individual'))
				);
			stations.slice(0, 3).forEach((n) => wanted.set(n.ref, place('approved', 'station')));
			byTrack('suggestion')
				.slice(0, 2)
				.forEach((n) => wanted.set(n.ref, place('not_selected')));
			for (const nomination of document.nominations) {
				nomination.board = wanted.get(nomination.ref) ?? place('submitted');
			}

			const summary = await restoreBackup(database.db, campaignId, document, actors.secretary);
			expect(summary).toMatchObject({ created: 0, updated: 555, moved: 55 });

			const rows = await database.db
				.select({
					ref: candidate.ref,
					stage: candidate.stage,
					proposedTrack: candidate.proposedTrack,
					approvedOn: candidate.approvedOn,
					noticeStart: candidate.noticeStart,
					noticeEnd: candidate.noticeEnd
				})
				.from(candidate)
				.where(eq(candidate.campaignId, campaignId));
			expect(rows).toHaveLength(555);
			for (const { ref, ...stored } of rows) {
				expect(stored).toEqual(wanted.get(ref) ?? place('submitted'));
			}

			const [restoreRow, ...others] = await database.db
				.select()
				.from(audit)
				.where(and(eq(audit.campaignId, campaignId), eq(audit.action, 'restore')));
			expect(others).toEqual([]);
			expect(restoreRow).toMatchObject({
				actorId: actors.secretary.id,
				actorName: 'secretary',
				subjectType: 'campaign',
				after: {
					nominations: 555,
					moved: 55,
					stages: { submitted: 500, proposed: 45, commended: 5, approved: 3, not_selected: 2 },
					onList: { individual: 50, station: 3, collective: 0, suggestion: 0 }
				}
			});
			const moves = await database.db
				.select({ before: audit.before, after: audit.after, actorId: audit.actorId })
				.from(audit)
				.where(and(eq(audit.campaignId, campaignId), eq(audit.action, 'candidate.restore')));
			expect(moves).toHaveLength(55);
			expect(moves[0]).toMatchObject({
				actorId: actors.secretary.id,
				before: { stage: 'submitted', proposedTrack: null }
			});

			await expect
				.poll(() =>
					live.received.map(({ type, seq: _seq, campaignId: id, ...rest }) => ({
						type,
						id,
						...rest
					}))
				)
				.toEqual([{ type: 'board.reloaded', id: campaignId, cause: 'restore', count: 555 }]);
		} finally {
			await live.stop();
		}
	});

	test('an ordinary import delivers board.reloaded (cause import) to open boards too', async () => {
		const campaignId = await campaignWithQuota(50);
		const live = await listen(campaignId);
		try {
			await importNominations(database.db, campaignId, individuals(7), actors.secretary);
			await expect
				.poll(() =>
					live.received.map(({ type, seq: _seq, campaignId: id, ...rest }) => ({
						type,
						id,
						...rest
					}))
				)
				.toEqual([{ type: 'board.reloaded', id: campaignId, cause: 'import', count: 7 }]);
			const events = await database.db
				.select({ type: boardEvent.type })
				.from(boardEvent)
				.where(
					and(eq(boardEvent.campaignId, campaignId), inArray(boardEvent.type, ['board.reloaded']))
				);
			expect(events).toHaveLength(1);
		} finally {
			await live.stop();
		}
	});
});
