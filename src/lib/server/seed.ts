/**
 * Campaign creation, and the deterministic demo campaign: the generated nominations imported
 * through the ordinary import, stages spread so the board is lively, and demo accounts that share
 * one published password (every page shows the 演示数据 ribbon while they exist).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { defaultPreset, presets, type PresetName, type Track } from '../domain/campaign';
import { parseInterchange } from '../domain/interchange';
import type { Stage } from '../domain/stages';
import { recordAudit, type AuditEntry } from './audit/record';
import { hashPassword } from './auth/password';
import type { Db, Tx } from './db';
import { campaign, candidate, finding, membership, panelistUnit, unit, user } from './db/schema';
import { generateDemo } from './demo';
import { importNominations } from './import/nominations';
import { registerPresetUnits } from './units/register';

/** The published password of every demo account (README). */
export const DEMO_PASSWORD = 'shortlist-demo';
export const DEMO_CAMPAIGN_NAME = '重庆市人大代表履职贡献奖（2022）';

export async function createCampaign(
	db: Db | Tx,
	name: string,
	preset: string = defaultPreset
): Promise<number> {
	if (!(preset in presets)) {
		throw new Error(`未知的参数预设“${preset}”，可选：${Object.keys(presets).join(', ')}`);
	}
	const parameters = presets[preset as PresetName];
	const [created] = await db
		.insert(campaign)
		.values({ name, preset, parameters: { ...parameters } })
		.returning({ id: campaign.id });
	if (!created) throw new Error('campaign insert returned no row');
	return created.id;
}

export interface DemoSummary {
	campaignId: number;
	candidates: number;
	accounts: number;
	password: string;
}

export interface DemoOptions {
	/**
	 * How many times over: 1 is the demo (555 nominations); 10 is the tenfold campaign the
	 * benchmarks use — nine more generated documents (other seeds, collective names and suggestion
	 * numbers made distinct) in the same campaign.
	 */
	scale?: number;
}

/** Largest `scale` accepted: the demo a hundred times over is already 55,000 nominations. */
export const MAX_DEMO_SCALE = 100;

/** Writes the demo campaign and its accounts. Refuses when the demo campaign already exists. */
export async function seedDemo(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
	const scale = options.scale ?? 1;
	if (!Number.isInteger(scale) || scale < 1 || scale > MAX_DEMO_SCALE)
		throw new Error(`--scale 应为 1 到 ${MAX_DEMO_SCALE} 之间的整数。`);
	const [existing] = await db
		.select({ id: campaign.id })
		.from(campaign)
		.where(eq(campaign.name, DEMO_CAMPAIGN_NAME));
	if (existing) throw new Error(`演示评选活动已存在（#${existing.id}），未重复写入。`);

	const demo = generateDemo();
	const parsed = parseInterchange(demo.document);
	if (!parsed.ok) throw new Error(`demo document is not shortlist/v1: ${parsed.errors[0]?.path}`);
	const campaignId = await createCampaign(db, DEMO_CAMPAIGN_NAME, 'chongqing-2022');
	const imported = await importNominations(db, campaignId, parsed.document, {
		id: null,
		name: 'seed-demo'
	});
	for (let copy = 1; copy < scale; copy++) {
		const more = await importNominations(db, campaignId, demoCopy(copy), {
			id: null,
			name: 'seed-demo'
		});
		imported.created += more.created;
		imported.updated += more.updated;
	}
	const accounts = await db.transaction(async (tx) => {
		await spreadStages(tx, campaignId);
		// The register of units the notice expects files from (issue 12), for the units overview.
		await registerPresetUnits(tx, campaignId);
		const count = await createDemoAccounts(tx, campaignId, demo.units);
		await recordAudit(tx, { action: 'seed-demo', campaignId, after: { accounts: count } });
		return count;
	});
	return {
		campaignId,
		candidates: imported.created + imported.updated,
		accounts,
		password: DEMO_PASSWORD
	};
}

/** Another generated demo document whose nominations do not collide with the first one's. */
function demoCopy(copy: number) {
	const value = structuredClone(generateDemo(2022 + copy).document);
	for (const nomination of value.nominations) {
		nomination.ref = `${nomination.ref}-${copy}`;
		if (nomination.track === 'collective') nomination.collective.name += `（${copy}）`;
		if (nomination.track === 'suggestion') nomination.suggestion.number += String(copy);
	}
	const parsed = parseInterchange(value);
	if (!parsed.ok)
		throw new Error(`demo copy ${copy} is not shortlist/v1: ${parsed.errors[0]?.path}`);
	return parsed.document;
}

/** On an empty database (no campaign, no user), seeds the demo and says how to sign in. */
export async function seedDemoIfEmpty(db: Db): Promise<DemoSummary | null> {
	const [anyCampaign] = await db.select({ id: campaign.id }).from(campaign).limit(1);
	const [anyUser] = await db.select({ id: user.id }).from(user).limit(1);
	if (anyCampaign || anyUser) return null;
	const summary = await seedDemo(db);
	console.log(
		`已写入演示数据：${summary.candidates} 个候选对象。演示账号 secretary、panelist1…panelist7、screen、unit-yuzhong 等，密码 ${summary.password}`
	);
	return summary;
}

/** How the demo's clean candidates are spread over the columns, per 20 of each track. */
const STAGE_PATTERN: readonly Stage[] = [
	...Array<Stage>(7).fill('submitted'),
	...Array<Stage>(5).fill('preliminary'),
	...Array<Stage>(5).fill('joint'),
	'proposed',
	'not_selected',
	'withdrawn'
];

/**
 * How a demo card came to an off-ramp, as its audit trail tells it: the forward stage it left
 * (where 恢复 takes it back) and the reason written then.
 */
const DEMO_OFF_RAMPS: Partial<Record<Stage, { from: Stage; reason: string }>> = {
	not_selected: { from: 'joint', reason: '联合评审未获通过（演示数据）' },
	withdrawn: { from: 'submitted', reason: '推荐单位申请撤回（演示数据）' }
};

/**
 * Candidates with an error finding stay in 推荐申报; the others are spread over the columns in a
 * fixed pattern. Proposed ones take their track's place (a station goes to 通报表扬). A card put
 * on an off-ramp gets the audit row a move there writes, so it can be brought back like any other.
 */
async function spreadStages(tx: Tx, campaignId: number): Promise<void> {
	const rows = await tx
		.select({ id: candidate.id, track: candidate.track, isStation: candidate.isStation })
		.from(candidate)
		.where(eq(candidate.campaignId, campaignId))
		.orderBy(asc(candidate.id));
	const blocked = await tx
		.selectDistinct({ id: finding.candidateId })
		.from(finding)
		.where(and(eq(finding.campaignId, campaignId), eq(finding.severity, 'error')));
	const withErrors = new Set(blocked.map((row) => row.id));
	const seenPerTrack = new Map<string, number>();
	const offRamped: AuditEntry[] = [];
	for (const row of rows) {
		if (withErrors.has(row.id)) continue;
		const lane: Track = row.isStation ? 'station' : row.track;
		const index = seenPerTrack.get(lane) ?? 0;
		seenPerTrack.set(lane, index + 1);
		const stage = STAGE_PATTERN[index % STAGE_PATTERN.length]!;
		if (stage === 'submitted') continue;
		await tx
			.update(candidate)
			.set({ stage, proposedTrack: stage === 'proposed' ? lane : null })
			.where(eq(candidate.id, row.id));
		const offRamp = DEMO_OFF_RAMPS[stage];
		if (offRamp)
			offRamped.push({
				action: 'candidate.move',
				campaignId,
				actorName: '演示数据',
				subjectType: 'candidate',
				subjectId: row.id,
				before: { stage: offRamp.from, proposedTrack: null },
				after: { stage, proposedTrack: null, overridden: null },
				reason: offRamp.reason
			});
	}
	await recordAudit(tx, ...offRamped);
}

interface DemoAccount {
	username: string;
	displayName: string;
	role: 'secretary' | 'panelist' | 'observer' | 'unit';
	unitName?: string;
	/** Units a panelist belongs to: recused from their candidates. */
	linkedUnits?: string[];
}

const PANEL_NAMES = ['李明华', '王晓燕', '张建国', '刘春梅', '陈志强', '杨丽娟', '赵国平'];

function demoAccounts(
	units: readonly { name: string; kind: string; slug: string }[]
): DemoAccount[] {
	const liaisonGroups = units.filter((u) => u.kind === 'liaison_group');
	const professional = units.filter((u) => u.kind === 'professional_group');
	return [
		{ username: 'secretary', displayName: '秘书处（演示）', role: 'secretary' },
		...PANEL_NAMES.map((name, index) => ({
			username: `panelist${index + 1}`,
			displayName: name,
			role: 'panelist' as const,
			// The first three sit in a unit that nominates, so recusal has something to show.
			linkedUnits: [liaisonGroups[index], professional[index]]
				.filter((u) => u !== undefined && index < 3)
				.map((u) => u!.name)
		})),
		{ username: 'screen', displayName: '会议室大屏', role: 'observer' },
		...liaisonGroups.map((u) => ({
			username: `unit-${u.slug}`,
			displayName: u.name,
			role: 'unit' as const,
			unitName: u.name
		}))
	];
}

async function createDemoAccounts(
	tx: Tx,
	campaignId: number,
	units: readonly { name: string; kind: string; slug: string }[]
): Promise<number> {
	const unitRows = await tx
		.select({ id: unit.id, name: unit.name })
		.from(unit)
		.where(eq(unit.campaignId, campaignId));
	const unitId = new Map(unitRows.map((u) => [u.name, u.id]));
	// One hash serves every demo account: they share the published password anyway.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const accounts = demoAccounts(units);
	const taken = await tx
		.select({ username: user.username })
		.from(user)
		.where(
			inArray(
				user.username,
				accounts.map((a) => a.username)
			)
		);
	if (taken.length > 0) {
		// Never hand a real account a demo role, nor a real name the published password.
		throw new Error(
			`演示账号名已被占用：${taken.map((t) => t.username).join('、')}；未写入演示数据。`
		);
	}
	for (const account of accounts) {
		const [created] = await tx
			.insert(user)
			.values({
				username: account.username,
				displayName: account.displayName,
				passwordHash,
				isDemo: true
			})
			.returning({ id: user.id });
		const userId = created!.id;
		await tx
			.insert(membership)
			.values({
				userId,
				campaignId,
				role: account.role,
				unitId: account.unitName ? (unitId.get(account.unitName) ?? null) : null
			})
			.onConflictDoNothing();
		for (const name of account.linkedUnits ?? []) {
			const linked = unitId.get(name);
			if (linked)
				await tx.insert(panelistUnit).values({ userId, unitId: linked }).onConflictDoNothing();
		}
	}
	return accounts.length;
}
