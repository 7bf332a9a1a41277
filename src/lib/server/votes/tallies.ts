/**
 * What the quota meters add from the joint review (SPEC §6), counted once for the board and the
 * meeting view alike: per track, the candidates still in 联合评审 whose latest closed round
 * passed (待拟表彰), and the candidates that passed in the open meeting's latest closed round
 * (本轮通过).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Track } from '../../domain/campaign';
import type { MeterTallies } from '../../domain/meters';
import type { Db, Tx } from '../db';
import { candidate, round, roundCandidate } from '../db/schema';
import { openMeetingOf } from './meeting';

/** The track a passed candidate counts on: the ballot's track, else its own (stations apart). */
const trackOf = (row: { roundTrack: Track | null; isStation: boolean; track: string }): Track =>
	(row.roundTrack ?? (row.isStation ? 'station' : row.track)) as Track;

/** Counts 待拟表彰 and 本轮通过 per track for the campaign's meters. */
export async function meterTallies(tx: Db | Tx, campaignId: number): Promise<MeterTallies> {
	const latest = await tx
		.selectDistinctOn([roundCandidate.candidateId], {
			outcome: roundCandidate.outcome,
			track: candidate.track,
			isStation: candidate.isStation,
			roundTrack: round.track
		})
		.from(roundCandidate)
		.innerJoin(round, eq(round.id, roundCandidate.roundId))
		.innerJoin(candidate, eq(candidate.id, roundCandidate.candidateId))
		.where(
			and(
				eq(round.campaignId, campaignId),
				eq(round.status, 'closed'),
				eq(candidate.stage, 'joint')
			)
		)
		.orderBy(roundCandidate.candidateId, desc(round.closedAt), desc(round.id));
	const passingNow: Partial<Record<Track, number>> = {};
	for (const row of latest)
		if (row.outcome === 'passed') {
			const track = trackOf(row);
			passingNow[track] = (passingNow[track] ?? 0) + 1;
		}
	const roundPassed: Partial<Record<Track, number>> = {};
	const open = await openMeetingOf(tx, campaignId);
	if (open) {
		const [last] = await tx
			.select({ id: round.id })
			.from(round)
			.where(and(eq(round.meetingId, open.id), eq(round.status, 'closed')))
			.orderBy(desc(round.closedAt), desc(round.id))
			.limit(1);
		if (last) {
			const passed = await tx
				.select({ track: candidate.track, isStation: candidate.isStation, roundTrack: round.track })
				.from(roundCandidate)
				.innerJoin(round, eq(round.id, roundCandidate.roundId))
				.innerJoin(candidate, eq(candidate.id, roundCandidate.candidateId))
				.where(and(eq(roundCandidate.roundId, last.id), eq(roundCandidate.outcome, 'passed')));
			for (const row of passed) {
				const track = trackOf(row);
				roundPassed[track] = (roundPassed[track] ?? 0) + 1;
			}
		}
	}
	return { passingNow, roundPassed };
}
