/**
 * Personal data (SPEC §7) leaves the server only for those who may read it. Which fields are
 * personal, and which are kept off the shared screen, is read from the approval forms'
 * description (`domain/approval-forms.ts`); who may read them from `permissions.ts`.
 */
import { approvalFormOf, type FieldPrivacy } from '../domain/approval-forms';
import type { Nomination } from '../domain/interchange';
import { seesBirthMonth, seesPersonalData, type Actor, type CandidateScope } from '../permissions';

/** What a hidden field reads as. */
export const HIDDEN = '（已隐藏）';

/** Whether `actor` may read fields of each privacy class of this candidate. */
export function readableFor(
	actor: Actor,
	candidate: CandidateScope
): Record<FieldPrivacy, boolean> {
	return {
		open: true,
		panel: seesBirthMonth(actor, candidate),
		personal: seesPersonalData(actor, candidate)
	};
}

/**
 * The nomination as `actor` may read it: every field its form describes as personal (or, on the
 * shared screen, panel-only) replaced by HIDDEN; keys the form does not describe are dropped.
 */
export function nominationFor(
	actor: Actor,
	candidate: CandidateScope,
	nomination: Nomination
): Nomination {
	const readable = readableFor(actor, candidate);
	const form = approvalFormOf(nomination.track);
	const stored = (nomination as Record<string, unknown>)[form.section] as Record<string, unknown>;
	const section: Record<string, unknown> = {};
	for (const field of form.fields) {
		if (!(field.key in stored)) continue;
		section[field.key] = readable[field.privacy] ? stored[field.key] : HIDDEN;
	}
	return { ...nomination, board: undefined, [form.section]: section } as Nomination;
}
