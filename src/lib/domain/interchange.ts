/**
 * Reading the JSON interchange format `shortlist/v1` (SPEC §10). Structural errors name the
 * JSON path and, in Chinese, what was expected; the reader never throws.
 */
import type { z } from 'zod';
import { defaultPreset, presets, type CampaignParameters } from './campaign';
import {
	collectiveSchema,
	documentSchema,
	nominationSchema,
	personSchema,
	suggestionSchema,
	unitKinds
} from './interchange-schema';

/** A whole `shortlist/v1` document after structural checking. */
export type InterchangeDocument = z.output<typeof documentSchema>;
/** One nomination: common fields plus the form of its track. */
export type Nomination = z.output<typeof nominationSchema>;
/** A nomination on the 先进个人 track. */
export type IndividualNomination = Extract<Nomination, { track: 'individual' }>;
/** A nomination on the 先进集体 track (including 代表家站). */
export type CollectiveNomination = Extract<Nomination, { track: 'collective' }>;
/** A nomination on the 优秀建议 track. */
export type SuggestionNomination = Extract<Nomination, { track: 'suggestion' }>;
/** 先进个人推荐审批表 (attachment 2). */
export type PersonForm = z.output<typeof personSchema>;
/** 先进集体推荐审批表 (attachment 1). */
export type CollectiveForm = z.output<typeof collectiveSchema>;
/** 优秀建议推荐审批表 (attachment 3). */
export type SuggestionForm = z.output<typeof suggestionSchema>;
/** Kind of recommending unit (通知一(三)): 联系组, 专业组, 市人大常委会工作部门, 市级有关部门. */
export type UnitKind = (typeof unitKinds)[number];
/** The campaign block of a document. */
export type CampaignBlock = NonNullable<InterchangeDocument['campaign']>;

export { unitKinds };

/** A structural error: where in the JSON (e.g. `nominations[3].person.birth`) and what was expected. */
export interface StructuralError {
	path: string;
	expected: string;
}

/** Result of reading a document: the typed document, or every structural error. */
export type ParseResult =
	{ ok: true; document: InterchangeDocument } | { ok: false; errors: StructuralError[] };

/** Formats a zod path as JSON-path text: `nominations[3].person.birth`; '' is the document itself. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out;
}

/** Checks any value against `shortlist/v1`. Never throws. */
export function parseInterchange(value: unknown): ParseResult {
	try {
		const result = documentSchema.safeParse(value);
		if (result.success) return { ok: true, document: result.data };
		return {
			ok: false,
			errors: result.error.issues.map((issue) => ({
				path: formatPath(issue.path),
				expected: issue.message
			}))
		};
	} catch (error) {
		// Only pathological inputs (e.g. a getter that throws) get here.
		return {
			ok: false,
			errors: [{ path: '', expected: `可读取的 JSON 数据（${String(error)}）` }]
		};
	}
}

/** Parses JSON text, then checks it like parseInterchange. A syntax error is a structural error at ''. */
export function parseInterchangeJson(source: string): ParseResult {
	let value: unknown;
	try {
		value = JSON.parse(source);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { ok: false, errors: [{ path: '', expected: `合法的 JSON 文本（${reason}）` }] };
	}
	return parseInterchange(value);
}

/**
 * The parameters a document asks for: its preset (default chongqing-2022) with any parameters
 * it gives laid over it, nested objects merged key by key.
 */
export function resolveCampaign(block?: CampaignBlock): CampaignParameters {
	const base = presets[block?.preset ?? defaultPreset];
	if (!block) return base;
	return {
		...base,
		quotas: { ...base.quotas, ...block.quotas },
		submissionDeadline: block.submissionDeadline ?? base.submissionDeadline,
		asOfDate: block.asOfDate ?? base.asOfDate,
		recordWindowStart: block.recordWindowStart ?? base.recordWindowStart,
		unitNoticeWorkingDays: block.unitNoticeWorkingDays ?? base.unitNoticeWorkingDays,
		finalNoticeWorkingDays: block.finalNoticeWorkingDays ?? base.finalNoticeWorkingDays,
		caps: { ...base.caps, ...block.caps },
		capBaseTracks: block.capBaseTracks ?? base.capBaseTracks,
		staffMinYears: block.staffMinYears ?? base.staffMinYears,
		textLimits: { ...base.textLimits, ...block.textLimits },
		issuedOn: block.issuedOn ?? base.issuedOn,
		sessionsHeld: block.sessionsHeld ?? base.sessionsHeld
	};
}
