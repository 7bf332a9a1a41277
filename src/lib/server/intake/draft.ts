/**
 * What one uploaded file (or one row of a spreadsheet) says about a nomination, before it becomes
 * a `shortlist/v1` nomination: only the fields the file carries. A field the file does not carry
 * (the 认定事项 an approval form does not print, consultations, the unit's notice) is kept from
 * the nomination already stored for the same candidate, so re-importing a form never clears
 * them.
 */
import { approvalFormOf, type FormField } from '../../domain/approval-forms';
import type { NominationTrack } from '../../domain/campaign';
import type { Nomination, UnitKind } from '../../domain/interchange';
import { readFieldValue, type ReadValue } from './field-text';

/** One nomination as read from a file. */
export interface Draft {
	track: NominationTrack;
	/** Where it came from, for messages: 「王五.docx」 or 「名单.xlsx 先进个人 第3行」. */
	source: string;
	/** The 推荐编号 when neither the file nor a stored nomination gives one (file name, row). */
	fallbackRef: string;
	ref?: string;
	unitName?: string;
	unitKind?: UnitKind;
	submittedAt?: string;
	unitNotice?: { start: string; end: string };
	consultations?: Nomination['consultations'];
	/** The form's fields the file carries, by key (SPEC §10 section of the track). */
	section: Record<string, unknown>;
	/** What could not be read; the field then keeps its stored or empty value. */
	problems: string[];
}

/** A new, empty draft of `track`. */
export function emptyDraft(track: NominationTrack, source: string, fallbackRef: string): Draft {
	return { track, source, fallbackRef, section: {}, problems: [] };
}

/** Sets form field `field` of the draft from the text a document shows for it. */
export function setField(draft: Draft, field: FormField, text: string): void {
	take(draft, field.key, readFieldValue(field, text));
}

/** Records a value read for section key `key`, or the reason it could not be read. */
export function take(draft: Draft, key: string, read: ReadValue): void {
	if ('problem' in read) draft.problems.push(`${draft.source}：${read.problem}`);
	else draft.section[key] = read.value;
}

/**
 * The nomination a draft gives: the stored one (when there is one) with the draft's fields laid
 * over it, or the draft alone with `defaults` for the unit. Plain data, to be checked against
 * `shortlist/v1` by the caller.
 */
export function draftToNomination(
	draft: Draft,
	stored: Nomination | undefined,
	defaults: { unitName: string; unitKind: UnitKind }
): Record<string, unknown> {
	const section = approvalFormOf(draft.track).section;
	const base = stored as Record<string, unknown> | undefined;
	const storedSection = (base?.[section] as Record<string, unknown> | undefined) ?? {};
	return {
		ref: draft.ref || stored?.ref || draft.fallbackRef,
		track: draft.track,
		unit: { name: draft.unitName || defaults.unitName, kind: draft.unitKind ?? defaults.unitKind },
		submittedAt: draft.submittedAt ?? stored?.submittedAt,
		unitNotice: draft.unitNotice ?? stored?.unitNotice,
		consultations: draft.consultations ?? stored?.consultations ?? [],
		[section]: { ...storedSection, ...draft.section }
	};
}
