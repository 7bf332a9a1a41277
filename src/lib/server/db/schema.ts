/**
 * The one drizzle schema. PostgreSQL (or embedded PGlite) is the source of truth for everything
 * structured; invariants that must hold under concurrency live here as constraints and triggers
 * (see drizzle/ for the audit trigger, which drizzle-kit cannot express).
 */
import {
	bigint,
	boolean,
	customType,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { BoardEventMap, BoardEventType } from '../../board/events';
import type { CampaignParameters, NominationTrack, Track } from '../../domain/campaign';
import type { Nomination } from '../../domain/interchange';
import type { Severity } from '../../domain/rules/finding';
import type { ConsultationDepartment, ConsultationResult } from '../../domain/vocabulary';
import type { UnitKind } from '../../domain/interchange';
import type { Stage } from '../../domain/stages';
import type { PassRule, RoundOutcome, VoteChoice } from '../../domain/tally';
import type { Role } from '../../roles';

const createdAt = () =>
	timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Raw bytes (Yjs updates). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

export { roles, type Role } from '../../roles';

export const user = pgTable('user', {
	id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	/** Demo accounts share a published password; while any exists every page shows a ribbon. */
	isDemo: boolean('is_demo').notNull().default(false),
	createdAt: createdAt()
});
export type User = typeof user.$inferSelect;

/** A sign-in session; the id is the SHA-256 of the token the browser holds (Lucia guide). */
export const session = pgTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);
export type Session = typeof session.$inferSelect;

/** Fixed-window counters for failed sign-ins, keyed `user:<name>` or `ip:<addr>`. */
export const rateLimit = pgTable('rate_limit', {
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	resetAt: timestamp('reset_at', { withTimezone: true, mode: 'date' }).notNull()
});

/** One selection (评选活动); its rules are parameters, not code (SPEC §2). */
export const campaign = pgTable('campaign', {
	id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
	name: text('name').notNull(),
	preset: text('preset'),
	/** The campaign's rules as data (SPEC §2). */
	parameters: jsonb('parameters').$type<CampaignParameters>().notNull(),
	/** Last board event number published for this campaign. */
	eventSeq: bigint('event_seq', { mode: 'number' }).notNull().default(0),
	createdAt: createdAt()
});
export type Campaign = typeof campaign.$inferSelect;

/** A recommending unit (推荐单位) of one campaign. */
export const unit = pgTable(
	'unit',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		kind: text('kind').$type<UnitKind>().notNull(),
		district: text('district'),
		noticeStart: date('notice_start', { mode: 'string' }),
		noticeEnd: date('notice_end', { mode: 'string' }),
		submittedAt: date('submitted_at', { mode: 'string' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('unit_campaign_name_uq').on(t.campaignId, t.name)]
);
export type Unit = typeof unit.$inferSelect;

/**
 * The register of recommending units a campaign expects files from (issue 12): a unit is on
 * the register when it has a row here. Created from the preset (the 38 liaison groups, the 10
 * 专业组, the 市人大常委会工作部门) and edited by the secretary; an import still accepts units
 * not on it and says so.
 */
export const unitRegister = pgTable(
	'unit_register',
	{
		unitId: integer('unit_id')
			.primaryKey()
			.references(() => unit.id, { onDelete: 'cascade' }),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		/** 推荐单位 as the forms print it: the 区县人大常委会 for a 联系组, else the unit itself. */
		reportingBody: text('reporting_body').notNull(),
		/** Order in the register (the preset's order: districts, then 专业组, then departments). */
		position: integer('position').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index('unit_register_campaign_idx').on(t.campaignId)]
);
export type UnitRegisterRow = typeof unitRegister.$inferSelect;

/** The two contacts of 附件6 评选表彰工作联系表: 分管领导 and 经办人, one each (personal data). */
export const unitContactRoles = ['分管领导', '经办人'] as const;
export type UnitContactRole = (typeof unitContactRoles)[number];

/** A unit's contact person (附件6): name, post, office phone and mobile — personal data (SPEC §7). */
export const unitContact = pgTable(
	'unit_contact',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id, { onDelete: 'cascade' }),
		role: text('role').$type<UnitContactRole>().notNull(),
		name: text('name').notNull().default(''),
		position: text('position').notNull().default(''),
		officePhone: text('office_phone').notNull().default(''),
		mobile: text('mobile').notNull().default(''),
		note: text('note').notNull().default(''),
		updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('unit_contact_unit_role_uq').on(t.unitId, t.role)]
);
export type UnitContact = typeof unitContact.$inferSelect;

/** A user's role in a campaign; unit users are tied to their unit. */
export const membership = pgTable(
	'membership',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		role: text('role').$type<Role>().notNull(),
		unitId: integer('unit_id').references(() => unit.id, { onDelete: 'restrict' }),
		/** A panelist sits on the joint review panel (应到 counts these); the secretary decides. */
		onPanel: boolean('on_panel').notNull().default(true),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.campaignId] }),
		index('membership_campaign_idx').on(t.campaignId)
	]
);
export type Membership = typeof membership.$inferSelect;

/** Units a panelist is linked to; the panelist is recused from their candidates (SPEC §6). */
export const panelistUnit = pgTable(
	'panelist_unit',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.userId, t.unitId] })]
);

/** A nomination on the board, with the facts the rules and filters need as columns. */
export const candidate = pgTable(
	'candidate',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id, { onDelete: 'restrict' }),
		/** The submitter's reference (`ref` in the JSON interchange). */
		ref: text('ref').notNull(),
		track: text('track').$type<NominationTrack>().notNull(),
		/** Where a proposed candidate counts: a station may go to `collective` or `station`. */
		proposedTrack: text('proposed_track').$type<Track>(),
		stage: text('stage').$type<Stage>().notNull().default('submitted'),
		/** Name of the person or collective, or the suggestion's title. */
		title: text('title').notNull(),
		/** A second line for the card: the suggestion's number, a person's post, a collective's kind. */
		subtitle: text('subtitle').notNull().default(''),
		/** Identity for idempotent import: ID number, collective name or suggestion number. */
		naturalKey: text('natural_key').notNull(),
		isStation: boolean('is_station').notNull().default(false),
		isDivisionCadre: boolean('is_division_cadre').notNull().default(false),
		isMunicipalOrgan: boolean('is_municipal_organ').notNull().default(false),
		isEnterpriseHead: boolean('is_enterprise_head').notNull().default(false),
		isGrassroots: boolean('is_grassroots').notNull().default(false),
		/** Departments whose consultation (征求意见) this candidate needs (SPEC §5). */
		requiredConsultations: jsonb('required_consultations')
			.$type<ConsultationDepartment[]>()
			.notNull()
			.default([]),
		/** 党组审定: the party-group meeting that approved the list (proposed → approved). */
		approvedOn: date('approved_on', { mode: 'string' }),
		/** 公示: first and last working day of the public notice (approved → notice). */
		noticeStart: date('notice_start', { mode: 'string' }),
		noticeEnd: date('notice_end', { mode: 'string' }),
		/** The whole nomination as submitted (SPEC §10 shape). */
		form: jsonb('form').$type<Nomination>().notNull(),
		submittedAt: date('submitted_at', { mode: 'string' }),
		/** Optimistic-concurrency counter, bumped on every change. */
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('candidate_identity_uq').on(t.campaignId, t.unitId, t.track, t.naturalKey),
		index('candidate_campaign_stage_idx').on(t.campaignId, t.stage),
		index('candidate_unit_idx').on(t.unitId)
	]
);
export type Candidate = typeof candidate.$inferSelect;

/** A validation finding (SPEC §4), on a candidate or on a unit. */
export const finding = pgTable(
	'finding',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		candidateId: integer('candidate_id').references(() => candidate.id, { onDelete: 'cascade' }),
		unitId: integer('unit_id').references(() => unit.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		severity: text('severity').$type<Severity>().notNull(),
		field: text('field').notNull(),
		message: text('message').notNull()
	},
	(t) => [
		index('finding_candidate_idx').on(t.candidateId),
		index('finding_unit_idx').on(t.unitId),
		index('finding_campaign_idx').on(t.campaignId)
	]
);
export type Finding = typeof finding.$inferSelect;

/** A consultation record (征求意见, SPEC §5). */
export const consultation = pgTable(
	'consultation',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		candidateId: integer('candidate_id')
			.notNull()
			.references(() => candidate.id, { onDelete: 'cascade' }),
		dept: text('dept').notNull(),
		result: text('result').$type<ConsultationResult>().notNull(),
		date: date('date', { mode: 'string' }),
		note: text('note').notNull().default(''),
		recordedBy: integer('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('consultation_candidate_dept_uq').on(t.candidateId, t.dept)]
);
export type Consultation = typeof consultation.$inferSelect;

/**
 * An objection received during the public notice (公示, 通知三(四): 经公示无异议). While any is
 * unresolved the candidate cannot be commended.
 */
export const objection = pgTable(
	'objection',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		candidateId: integer('candidate_id')
			.notNull()
			.references(() => candidate.id, { onDelete: 'cascade' }),
		receivedOn: date('received_on', { mode: 'string' }).notNull(),
		summary: text('summary').notNull(),
		/** How it was settled (查实/不属实 …); null while open. */
		resolution: text('resolution'),
		resolvedOn: date('resolved_on', { mode: 'string' }),
		recordedBy: integer('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('objection_candidate_idx').on(t.candidateId)]
);
export type Objection = typeof objection.$inferSelect;

/**
 * A joint review meeting (SPEC §6): its day, who chairs it, and the candidate the chair has on
 * screen. The campaign's open meeting is the latest one not ended.
 */
export const meeting = pgTable(
	'meeting',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		heldOn: date('held_on', { mode: 'string' }).notNull(),
		currentCandidateId: integer('current_candidate_id').references(() => candidate.id, {
			onDelete: 'set null'
		}),
		startedBy: integer('started_by').references(() => user.id, { onDelete: 'set null' }),
		startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
		endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' })
	},
	(t) => [index('meeting_campaign_idx').on(t.campaignId)]
);
export type Meeting = typeof meeting.$inferSelect;

/** Who is present at a meeting (实到), signed in by the secretary or by the panelist. */
export const attendance = pgTable(
	'attendance',
	{
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		present: boolean('present').notNull(),
		markedBy: integer('marked_by').references(() => user.id, { onDelete: 'set null' }),
		markedAt: timestamp('marked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.userId] })]
);

/** A declared conflict of interest: the panelist is recused from the candidate (SPEC §6). */
export const conflict = pgTable(
	'conflict',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		candidateId: integer('candidate_id')
			.notNull()
			.references(() => candidate.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull(),
		recordedBy: integer('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('conflict_user_candidate_uq').on(t.userId, t.candidateId)]
);
export type Conflict = typeof conflict.$inferSelect;

/**
 * A voting round on one candidate or a ballot of many (SPEC §6). `places` is set on a 差额
 * ballot: the track's places left when it opened, the most approvals a panelist may give.
 */
export const round = pgTable(
	'round',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<'single' | 'ballot'>().notNull(),
		track: text('track').$type<Track>(),
		places: integer('places'),
		passRule: text('pass_rule').$type<PassRule>().notNull(),
		status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
		openedBy: integer('opened_by').references(() => user.id, { onDelete: 'set null' }),
		openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
		closedBy: integer('closed_by').references(() => user.id, { onDelete: 'set null' }),
		closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' })
	},
	(t) => [
		index('round_campaign_idx').on(t.campaignId, t.status),
		/** At most one open round per campaign, also under concurrent openings. */
		uniqueIndex('round_one_open_uq')
			.on(t.campaignId)
			.where(sql`${t.status} = 'open'`)
	]
);
export type Round = typeof round.$inferSelect;

/**
 * A candidate on a round's ballot: its denominator (present, non-recused members when the round
 * opened) and, once closed, its anonymous counts and outcome. No voter is stored here.
 */
export const roundCandidate = pgTable(
	'round_candidate',
	{
		roundId: integer('round_id')
			.notNull()
			.references(() => round.id, { onDelete: 'cascade' }),
		candidateId: integer('candidate_id')
			.notNull()
			.references(() => candidate.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		voters: integer('voters').notNull(),
		recused: integer('recused').notNull().default(0),
		approve: integer('approve'),
		reject: integer('reject'),
		abstain: integer('abstain'),
		rank: integer('rank'),
		outcome: text('outcome').$type<RoundOutcome>()
	},
	(t) => [
		primaryKey({ columns: [t.roundId, t.candidateId] }),
		index('round_candidate_candidate_idx').on(t.candidateId)
	]
);

/**
 * Who may vote in a round (present when it opened) and, after the close, who took part — the
 * participation record of the minutes. Never which way anyone voted.
 */
export const roundVoter = pgTable(
	'round_voter',
	{
		roundId: integer('round_id')
			.notNull()
			.references(() => round.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		tookPart: boolean('took_part').notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.roundId, t.userId] })]
);

/** A panelist recused from a candidate in a round, and why (for the minutes). */
export const roundRecusal = pgTable(
	'round_recusal',
	{
		roundId: integer('round_id')
			.notNull()
			.references(() => round.id, { onDelete: 'cascade' }),
		candidateId: integer('candidate_id')
			.notNull()
			.references(() => candidate.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull()
	},
	(t) => [primaryKey({ columns: [t.roundId, t.candidateId, t.userId] })]
);

/**
 * A secret ballot's choices while its round is open: one per (round, candidate, panelist). The
 * close counts them into `round_candidate` and deletes them in the same transaction, so after
 * the close no row links a voter to a choice.
 */
export const ballot = pgTable(
	'ballot',
	{
		roundId: integer('round_id')
			.notNull()
			.references(() => round.id, { onDelete: 'cascade' }),
		candidateId: integer('candidate_id')
			.notNull()
			.references(() => candidate.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		choice: text('choice').$type<VoteChoice>().notNull()
	},
	(t) => [primaryKey({ columns: [t.roundId, t.candidateId, t.userId] })]
);

/** Append-only audit trail: a trigger (drizzle/0001) refuses UPDATE and DELETE. */
export const audit = pgTable(
	'audit',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		campaignId: integer('campaign_id').references(() => campaign.id, { onDelete: 'no action' }),
		actorId: integer('actor_id').references(() => user.id, { onDelete: 'no action' }),
		/** Username at the time, kept even for failed sign-ins of unknown names. */
		actorName: text('actor_name'),
		action: text('action').notNull(),
		subjectType: text('subject_type'),
		subjectId: text('subject_id'),
		before: jsonb('before'),
		after: jsonb('after'),
		reason: text('reason'),
		ip: text('ip'),
		at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
	},
	(t) => [
		index('audit_subject_idx').on(t.subjectType, t.subjectId),
		index('audit_campaign_idx').on(t.campaignId, t.at)
	]
);
export type Audit = typeof audit.$inferSelect;

/**
 * Board events, rows first and messages second: each change appends one with the campaign's next
 * sequence number in the transaction that makes it; instances read them after a NOTIFY or a
 * periodic catch-up (ARCHITECTURE.md, "Scale-out").
 */
export const boardEvent = pgTable(
	'board_event',
	{
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		seq: bigint('seq', { mode: 'number' }).notNull(),
		type: text('type').$type<BoardEventType>().notNull(),
		payload: jsonb('payload').$type<BoardEventMap[BoardEventType]>().notNull(),
		at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.campaignId, t.seq] })]
);
export type BoardEvent = typeof boardEvent.$inferSelect;

/** Yjs updates of the co-edited comment docs, in arrival order per doc. */
export const ydocUpdate = pgTable(
	'ydoc_update',
	{
		seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		doc: text('doc').notNull(),
		data: bytea('data').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('ydoc_update_doc_seq_idx').on(t.doc, t.seq)]
);

/**
 * What the board needs to know of a candidate's co-edited 评审意见 without opening its Yjs
 * document: whether it holds any text. Written by the comment room after its updates commit.
 */
export const candidateComment = pgTable('candidate_comment', {
	candidateId: integer('candidate_id')
		.primaryKey()
		.references(() => candidate.id, { onDelete: 'cascade' }),
	hasText: boolean('has_text').notNull().default(false),
	updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
});
export type CandidateComment = typeof candidateComment.$inferSelect;
