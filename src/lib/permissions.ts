/**
 * Who may do what in a campaign (SPEC §1, §6, §7), in one place. Every load, action, endpoint and
 * socket asks these named capabilities; the interface may ask them too, to hide what the server
 * would refuse anyway. Pure: a role (and, for a unit account, its unit) in, a yes or no out.
 */
import type { Role } from './roles';

/** Someone's standing in one campaign. */
export interface Actor {
	role: Role;
	/** Set for `unit` accounts: the only unit whose nominations they may see. */
	unitId: number | null;
}

/** What a capability about one candidate needs to know of it. */
export interface CandidateScope {
	unitId: number;
}

/** Facts about a panelist and one candidate (SPEC §6, conflict of interest). */
export interface ReviewScope extends CandidateScope {
	/** The panelist is linked to the candidate's unit or declared a conflict. */
	recused: boolean;
}

/** A capability about the campaign as a whole. */
export type CampaignCapability = (actor: Actor) => boolean;

const is =
	(...allowed: readonly Role[]): CampaignCapability =>
	(actor) =>
		allowed.includes(actor.role);

/** The review board, the live board socket and the meeting (unit accounts never see it). */
export const canViewBoard = is('admin', 'secretary', 'panelist', 'observer');

/** Moving cards between stages, with or without an override reason. */
export const canMove = is('secretary');

/** Recording consultations and objections on a candidate. */
export const canRecord = is('secretary');

/** The campaign's members page: who has which role. */
export const canManageMembers = is('admin', 'secretary');

/** Restoring a backup with its stages, and downloading one. */
export const canRestoreBackup = is('admin', 'secretary');

/** The unit register and the units overview with its contacts (issue 12; SPEC §1: manage units). */
export const canManageUnits = is('secretary');

/** The exports of SPEC §8 (lists, forms, minutes). */
export const canExport = is('secretary');

/** Running the meeting: attendance, rounds, the current candidate. */
export const canChairMeeting = is('secretary');

/**
 * Importing files (SPEC §8 intake): secretaries, and a unit account for its own nominations only
 * (the intake refuses a file naming another unit).
 */
export const canImport: CampaignCapability = (actor) =>
	actor.role === 'secretary' || (actor.role === 'unit' && actor.unitId !== null);

/** Seating panelists on the campaign's review panel (评审委员会) or taking them off it. */
export const canManagePanel = is('secretary');

/**
 * Declaring a conflict of interest (回避) of panelist `panelistId`: the panelist for
 * themselves, or the secretary recording it for anyone on the panel (SPEC §6).
 */
export function canDeclareConflict(actor: Actor & { userId: number }, panelistId: number): boolean {
	if (actor.role === 'panelist') return actor.userId === panelistId;
	return actor.role === 'secretary';
}

/** The unit's own page: its nominations and findings. */
export const canViewOwnUnit: CampaignCapability = (actor) =>
	actor.role === 'unit' && actor.unitId !== null;

/** Opening candidates at all: every role (a unit account then only its own, see below). */
export const canOpenCandidates = is('admin', 'secretary', 'panelist', 'observer', 'unit');

/** A candidate's detail: every board role, and a unit only for its own nominations. */
export function canViewCandidate(actor: Actor, candidate: CandidateScope): boolean {
	if (actor.role === 'unit') return actor.unitId === candidate.unitId;
	return canViewBoard(actor);
}

/**
 * Downloading a candidate's approval form (.docx): secretaries and administrators, the unit that
 * submitted it (its own nominations only), and panelists — theirs printed with personal data
 * hidden (SPEC §7, the same filter as the form view). Not the shared screen (`observer`).
 */
export function canDownloadApprovalForm(actor: Actor, candidate: CandidateScope): boolean {
	return actor.role !== 'observer' && canViewCandidate(actor, candidate);
}

/** The audit history and the objections of a candidate (not for unit accounts). */
export const seesReviewRecords = is('admin', 'secretary', 'panelist', 'observer');

/**
 * ID numbers (and anything derived from them), phones, addresses and postcodes (SPEC §7):
 * secretaries and administrators, and the unit that submitted the nomination.
 */
export function seesPersonalData(actor: Actor, candidate: CandidateScope): boolean {
	if (actor.role === 'secretary' || actor.role === 'admin') return true;
	return actor.role === 'unit' && actor.unitId === candidate.unitId;
}

/** 出生年月 is shown to the panel but not on the shared screen (SPEC §7). */
export function seesBirthMonth(actor: Actor, candidate: CandidateScope): boolean {
	if (actor.role === 'unit') return actor.unitId === candidate.unitId;
	return actor.role !== 'observer';
}

/** Reading a candidate's 评审意见: the board roles, but not a recused panelist. */
export function canReadComments(actor: Actor, scope: ReviewScope): boolean {
	if (actor.role === 'panelist') return !scope.recused;
	return canViewBoard(actor);
}

/** Writing in a candidate's 评审意见: secretaries and non-recused panelists. */
export function canComment(actor: Actor, scope: ReviewScope): boolean {
	if (actor.role === 'panelist') return !scope.recused;
	return actor.role === 'secretary';
}

/** Casting a ballot on a candidate: a panelist who is not recused from it. */
export function canVote(actor: Actor, scope: ReviewScope): boolean {
	return actor.role === 'panelist' && !scope.recused;
}

/**
 * Giving a member a role: only an administrator may grant the administrator role or change an
 * administrator's role; nobody changes their own. Returns why not, in Chinese, or null.
 */
export function roleChangeRefusal(
	actor: Actor & { userId: number },
	target: { userId: number; role: Role | null },
	newRole: Role
): string | null {
	if (!canManageMembers(actor)) return '您的角色无权管理成员。';
	if (target.userId === actor.userId) return '不能修改自己的角色，请由另一位秘书处成员操作。';
	if (actor.role !== 'admin' && (newRole === 'admin' || target.role === 'admin'))
		return '只有系统管理员可以授予或更改系统管理员角色。';
	return null;
}
