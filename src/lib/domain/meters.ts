/**
 * Quota meters and composition-cap meters for the board and the meeting screen (SPEC §6):
 * per track proposed / quota, and the three caps of 通知四(二) as used / allowed.
 */
import {
	capBase,
	capLabels,
	capLimits,
	trackLabels,
	tracks,
	type CampaignParameters,
	type CapKey,
	type Track
} from './campaign';
import { capUsage, countByTrack, type ProposedEntry } from './rules/list-composition';

/** A quota meter's state: `near` from 90 % of the quota, `full` at the quota. */
export type MeterState = 'ok' | 'near' | 'full';

/** One track's meter. */
export interface QuotaMeter {
	track: Track;
	label: string;
	proposed: number;
	quota: number;
	remaining: number;
	state: MeterState;
	/** Candidates in joint review whose latest closed round passed (待拟表彰, beside the meter). */
	passingNow: number;
	/** Candidates of this track that passed in the meeting's latest closed round (本轮通过). */
	roundPassed: number;
}

/**
 * What the meters add from the joint review, per track (counted on the server from the closed
 * rounds, `src/lib/server/votes/tallies.ts`): 待拟表彰 and 本轮通过.
 */
export interface MeterTallies {
	passingNow: Partial<Record<Track, number>>;
	roundPassed: Partial<Record<Track, number>>;
}

/** No rounds closed yet. */
export const noTallies: MeterTallies = { passingNow: {}, roundPassed: {} };

/** One composition cap's meter. */
export interface CapMeter {
	cap: CapKey;
	label: string;
	used: number;
	allowed: number;
	exceeded: boolean;
	/** `used` as a whole percentage of the cap base. */
	percent: number;
	/** The cap base (表彰总数) the percentages are of: 90 for the preset. */
	base: number;
}

/** State of a meter: full at or over the quota, near from 90 % of it (36 of 40, 104 of 115). */
export function meterState(proposed: number, quota: number): MeterState {
	if (proposed >= quota) return 'full';
	return proposed >= Math.ceil(quota * 0.9) ? 'near' : 'ok';
}

/**
 * What the meters are drawn from: the proposed list's size per track and its use of each cap.
 * The server counts it over the whole campaign; board events carry it after every move.
 */
export interface ListCounts {
	byTrack: Record<Track, number>;
	caps: Record<CapKey, number>;
}

export function listCounts(
	entries: readonly ProposedEntry[],
	params: CampaignParameters
): ListCounts {
	return { byTrack: countByTrack(entries), caps: capUsage(entries, params) };
}

/** The quota meter of every track, in list order. */
export function quotaMeters(
	list: ListCounts,
	params: CampaignParameters,
	tallies: MeterTallies = noTallies
): QuotaMeter[] {
	const counts = list.byTrack;
	return tracks.map((track) => ({
		track,
		label: trackLabels[track],
		proposed: counts[track],
		quota: params.quotas[track],
		remaining: Math.max(0, params.quotas[track] - counts[track]),
		state: meterState(counts[track], params.quotas[track]),
		passingNow: tallies.passingNow[track] ?? 0,
		roundPassed: tallies.roundPassed[track] ?? 0
	}));
}

/** The three composition caps as used / allowed; `exceeded` when used is above allowed. */
export function capMeters(list: ListCounts, params: CampaignParameters): CapMeter[] {
	const used = list.caps;
	const allowed = capLimits(params);
	const base = capBase(params);
	return (Object.keys(capLabels) as CapKey[]).map((cap) => ({
		cap,
		label: capLabels[cap],
		used: used[cap],
		allowed: allowed[cap],
		exceeded: used[cap] > allowed[cap],
		percent: Math.round((used[cap] / Math.max(1, base)) * 100),
		base
	}));
}
