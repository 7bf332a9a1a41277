/**
 * The proposed list (拟表彰对象建议名单, SPEC §4.3): QUOTA-FULL per track (通知一(一)) and the
 * three soft composition caps of 通知四(二) — 处级干部 ≤ 20 %, 市级机关内设机构及工作人员 ≤ 15 %,
 * 企业负责人 ≤ 15 % of the cap base (表彰总数), each allowed count rounded down (18/13/13).
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
} from '../campaign';
import { compositionFlags } from '../candidate-facts';
import type { Nomination } from '../interchange';
import { finding, type Finding, type FindingCode } from './finding';

/** One entry of the proposed list: its track and which caps it counts against (see compositionFlags). */
export interface ProposedEntry {
	ref: string;
	track: Track;
	division: boolean;
	municipalOrgan: boolean;
	enterpriseHead: boolean;
}

/** The finding code of each composition cap. */
export const capCodes: Record<CapKey, FindingCode> = {
	division: 'CAP-DIVISION',
	municipalOrgan: 'CAP-MUNICIPAL-ORGAN',
	enterpriseHead: 'CAP-ENTERPRISE-HEAD'
};

const countWords: Record<Track, string> = {
	collective: '个',
	individual: '名',
	suggestion: '件',
	station: '个'
};

/** Proposed count per track. */
export function countByTrack(entries: readonly ProposedEntry[]): Record<Track, number> {
	const counts: Record<Track, number> = { collective: 0, individual: 0, suggestion: 0, station: 0 };
	for (const entry of entries) counts[entry.track]++;
	return counts;
}

/** How many entries of the cap-base tracks count against each cap. */
export function capUsage(
	entries: readonly ProposedEntry[],
	params: CampaignParameters
): Record<CapKey, number> {
	const used: Record<CapKey, number> = { division: 0, municipalOrgan: 0, enterpriseHead: 0 };
	for (const entry of entries) {
		if (!params.capBaseTracks.includes(entry.track)) continue;
		for (const key of Object.keys(used) as CapKey[]) if (entry[key]) used[key]++;
	}
	return used;
}

/**
 * QUOTA-FULL, CAP-DIVISION, CAP-MUNICIPAL-ORGAN, CAP-ENTERPRISE-HEAD for a proposed list.
 * QUOTA-FULL (ref `list:<track>`) is reported when a track's count is beyond its quota: a list
 * with exactly its quota (40/40) is complete, not an error — the gate T-QUOTA-FULL is what stops
 * a move beyond it; a cap (ref `list`) once its count is above the limit: exactly 18 处级干部 is
 * within the cap, 19 is over.
 */
export function checkListComposition(
	entries: readonly ProposedEntry[],
	params: CampaignParameters
): Finding[] {
	const findings: Finding[] = [];
	const counts = countByTrack(entries);
	for (const track of tracks) {
		const quota = params.quotas[track];
		// Exactly the quota is a complete list, not an error; only a count beyond it is.
		if (counts[track] <= quota) continue;
		const unit = countWords[track];
		findings.push(
			finding(
				`list:${track}`,
				'QUOTA-FULL',
				track,
				`${trackLabels[track]}拟表彰 ${counts[track]} ${unit}，超出名额 ${quota} ${unit}（通知一(一)）${counts[track] - quota} ${unit}。请移出多出的对象。`
			)
		);
	}
	const used = capUsage(entries, params);
	const limits = capLimits(params);
	const percent = (key: CapKey) => `${Math.round(params.caps[key] * 100)}%`;
	for (const key of Object.keys(capCodes) as CapKey[]) {
		if (used[key] <= limits[key]) continue;
		findings.push(
			finding(
				'list',
				capCodes[key],
				key,
				`${capLabels[key]}已有 ${used[key]} 个，超过表彰总数 ${capBase(params)} 的 ${percent(key)}（${limits[key]} 个）（通知四(二)：原则上不超过）。请调整名单，或写明确需突破的理由。`
			)
		);
	}
	return findings;
}

/** The proposed-list entry of a nomination proposed into `track` (its cap flags from compositionFlags). */
export function proposedEntry(nomination: Nomination, track: Track): ProposedEntry {
	return { ref: nomination.ref, track, ...compositionFlags(nomination) };
}

/**
 * The caps that proposing `entry` on top of `entries` would take over their limit — the
 * `capsExceeded` fact of checkMove (T-CAP-EXCEEDED). A cap already over stays reported.
 */
export function capsExceededAfter(
	entries: readonly ProposedEntry[],
	entry: ProposedEntry,
	params: CampaignParameters
): CapKey[] {
	const used = capUsage([...entries, entry], params);
	const limits = capLimits(params);
	const counts = params.capBaseTracks.includes(entry.track);
	return (Object.keys(capCodes) as CapKey[]).filter(
		(key) => counts && entry[key] && used[key] > limits[key]
	);
}
