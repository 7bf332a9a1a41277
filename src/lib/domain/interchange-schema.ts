/**
 * Zod schema of the JSON interchange format `shortlist/v1` (SPEC §10). It checks types and
 * shape only: a value the rules can judge (an empty name, a bad 出生年月, a gender outside
 * the list) passes here and becomes a finding (REQUIRED-MISSING, BIRTH-FORMAT, ENUM-INVALID).
 * A nomination carries exactly the form of its track: person, collective or suggestion.
 */
import { z } from 'zod';
import { presets, tracks } from './campaign';
import { capExcesses, SHORT_TEXT_CAP, textLimitCaps } from './interchange-caps';
import { stages } from './stages';
import {
	absent,
	collectiveSchema,
	expecting,
	isoDate,
	list,
	personSchema,
	suggestionSchema,
	text
} from './interchange-forms';

export { collectiveSchema, personSchema, suggestionSchema };

/** The recommending unit kinds of 通知一(三). */
export const unitKinds = [
	'liaison_group',
	'professional_group',
	'work_department',
	'municipal_department'
] as const;

const optionalDate = isoDate
	.nullable()
	.optional()
	.transform((value) => value ?? null);

/**
 * Where a candidate stands on the board. Only a campaign backup (the JSON export) carries it, and
 * only restoring that backup sets stages from it; an ordinary import refuses a document with it.
 */
export const boardSchema = z.object(
	{
		stage: z.enum(stages, expecting(`${stages.join('、')} 之一`)),
		proposedTrack: z
			.enum(tracks, expecting(`${tracks.join('、')} 之一`))
			.nullable()
			.optional()
			.transform((value) => value ?? null),
		approvedOn: optionalDate,
		noticeStart: optionalDate,
		noticeEnd: optionalDate,
		/** The candidate's 评审意见 as its Yjs state (`encodeStateAsUpdate`, base64). */
		comment: z
			.string(expecting('字符串（评审意见的 Yjs 状态，base64）'))
			.max(8 * 1024 * 1024)
			.regex(/^[A-Za-z0-9+/]*={0,2}$/, '评审意见（board.comment）不是 base64 编码')
			.optional()
	},
	expecting(
		'对象 {stage, proposedTrack?, approvedOn?, noticeStart?, noticeEnd?, comment?}（看板状态）'
	)
);

const nominationBase = {
	ref: z.string(expecting('字符串（推荐编号）')),
	unit: z.object(
		{ name: text, kind: z.enum(unitKinds, expecting(`${unitKinds.join('、')} 之一`)) },
		expecting('对象 {name, kind}')
	),
	submittedAt: isoDate.optional(),
	board: boardSchema.optional(),
	unitNotice: z
		.object({ start: isoDate, end: isoDate }, expecting('对象 {start, end}'))
		.nullable()
		.optional()
		.transform((value) => value ?? undefined),
	consultations: list(
		z.object(
			{ dept: text, result: text, date: text, note: text },
			expecting('对象 {dept, result, date}')
		)
	)
};

/**
 * One nomination: the common fields plus exactly the form matching its track, every text and
 * list within its import cap (interchange-caps.ts; beyond it the whole document is refused).
 */
export const nominationSchema = z
	.discriminatedUnion(
		'track',
		[
			z.object({
				...nominationBase,
				track: z.literal('individual'),
				person: personSchema,
				collective: absent('person'),
				suggestion: absent('person')
			}),
			z.object({
				...nominationBase,
				track: z.literal('collective'),
				collective: collectiveSchema,
				person: absent('collective'),
				suggestion: absent('collective')
			}),
			z.object({
				...nominationBase,
				track: z.literal('suggestion'),
				suggestion: suggestionSchema,
				person: absent('suggestion'),
				collective: absent('suggestion')
			})
		],
		{
			error: (issue: { input?: unknown }) =>
				typeof issue.input !== 'object' || issue.input === null || Array.isArray(issue.input)
					? '应为推荐对象（JSON 对象）'
					: 'track' in issue.input
						? '应为 collective、individual、suggestion 之一'
						: '缺少此项，应为 collective、individual、suggestion 之一'
		}
	)
	.superRefine((nomination, context) => {
		for (const excess of capExcesses(nomination)) {
			context.addIssue({ code: 'custom', path: excess.path, message: excess.message });
		}
	});

const fraction = z
	.number(expecting('0 到 1 之间的小数'))
	.min(0, expecting('≥ 0'))
	.max(1, expecting('≤ 1'));
const count = z.number(expecting('非负整数')).int(expecting('整数')).min(0, expecting('≥ 0'));
/** A text limit of the notice, which may not exceed the import's hard cap of that field. */
const limitUpTo = (cap: number) => count.max(cap, `不能超过导入上限 ${cap}`);

/** Optional campaign block: a preset name and/or parameters overriding it (SPEC §10). */
export const campaignSchema = z.object(
	{
		preset: z
			.enum(
				Object.keys(presets) as [keyof typeof presets],
				expecting('已知预设，如 chongqing-2022')
			)
			.optional(),
		quotas: z
			.object(
				{ collective: count, individual: count, suggestion: count, station: count },
				expecting('对象')
			)
			.partial()
			.optional(),
		submissionDeadline: isoDate.optional(),
		asOfDate: isoDate.optional(),
		recordWindowStart: isoDate.optional(),
		unitNoticeWorkingDays: count.min(1, expecting('≥ 1')).optional(),
		finalNoticeWorkingDays: count.min(1, expecting('≥ 1')).optional(),
		caps: z
			.object(
				{ division: fraction, municipalOrgan: fraction, enterpriseHead: fraction },
				expecting('对象')
			)
			.partial()
			.optional(),
		capBaseTracks: z.array(z.enum(tracks, expecting('track 名')), expecting('数组')).optional(),
		staffMinYears: z.number(expecting('数字')).min(0, expecting('≥ 0')).optional(),
		issuedOn: isoDate.optional(),
		sessionsHeld: count.min(1, expecting('≥ 1')).optional(),
		/** The campaign's name (an export writes it); used when an import creates the campaign. */
		name: z
			.string(expecting('字符串'))
			.max(SHORT_TEXT_CAP, `评选活动名称不能超过 ${SHORT_TEXT_CAP} 字`)
			.optional(),
		textLimits: z
			.object(
				{
					deeds: limitUpTo(textLimitCaps.deeds),
					summary: limitUpTo(textLimitCaps.summary),
					reason: limitUpTo(textLimitCaps.reason)
				},
				expecting('对象')
			)
			.partial()
			.optional()
	},
	expecting('对象 {preset?, …参数}')
);

/** The whole `shortlist/v1` document. */
export const documentSchema = z.object(
	{
		format: z.literal('shortlist/v1', expecting('"shortlist/v1"')),
		campaign: campaignSchema.optional(),
		nominations: z.array(nominationSchema, expecting('推荐对象数组'))
	},
	expecting('JSON 对象 {format, campaign?, nominations}')
);
