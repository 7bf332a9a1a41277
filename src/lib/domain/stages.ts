/**
 * Board stages and the gates between them (SPEC §3, following 通知三 推荐评选程序):
 * 推荐申报 → 初审 → 联合评审 → 拟表彰 → 党组审定 → 公示 → 表彰, with the off-ramps 未入选 and 撤销.
 * A secretary may pass a refused gate with a written reason (SPEC §3: an override; for
 * T-CAP-EXCEEDED, 原则上, a confirming reason) — except the hard ones: T-QUOTA-FULL (a cap),
 * T-NOTICE-NOT-ENDED and T-OBJECTION-OPEN (通知三(四): 公示5个工作日，经公示无异议), and
 * T-MOVE-INVALID, which is no gate but a move that does not exist. Sending a card to an off-ramp,
 * and bringing it back to the stage it came from, always takes a written reason.
 */
import { capLabels, type CapKey, type NominationTrack, type Track } from './campaign';
import type { ConsultationStatus } from './consultations';
import { listText } from './text';

/** The columns of the board, in the order they are drawn. */
export const stages = [
	'submitted',
	'preliminary',
	'joint',
	'proposed',
	'approved',
	'notice',
	'commended',
	'not_selected',
	'withdrawn'
] as const;

/** A column of the board. */
export type Stage = (typeof stages)[number];

/** Chinese names of the stages. */
export const stageLabels: Record<Stage, string> = {
	submitted: '推荐申报',
	preliminary: '初审',
	joint: '联合评审',
	proposed: '拟表彰',
	approved: '党组审定',
	notice: '公示',
	commended: '表彰',
	not_selected: '未入选',
	withdrawn: '撤销'
};

/** The forward path, in order. */
export const forwardStages: readonly Stage[] = [
	'submitted',
	'preliminary',
	'joint',
	'proposed',
	'approved',
	'notice',
	'commended'
];

/** Stages whose candidates are on the proposed list and hold a place of their track. */
export const listStages: readonly Stage[] = ['proposed', 'approved', 'notice', 'commended'];

/** The off-ramps: leaving the forward path takes a reason, and so does coming back. */
export const offRampStages: readonly Stage[] = ['not_selected', 'withdrawn'];

/** True for 未入选 and 撤销. */
export const isOffRamp = (stage: Stage): boolean => offRampStages.includes(stage);

/** Why a move is refused: the gates of SPEC §3, and a move that does not exist. */
export const moveRefusalCodes = [
	'T-FINDINGS-OPEN',
	'T-CONSULT-MISSING',
	'T-VOTE-NOT-PASSED',
	'T-QUOTA-FULL',
	'T-CAP-EXCEEDED',
	'T-NOTICE-NOT-ENDED',
	'T-OBJECTION-OPEN',
	'T-MOVE-INVALID'
] as const;

/** Why a move is refused. */
export type MoveRefusalCode = (typeof moveRefusalCodes)[number];

/** Each gate's name as a secretary reads it, shown beside its code (e.g. in the history). */
export const moveRefusalTitles: Record<MoveRefusalCode, string> = {
	'T-FINDINGS-OPEN': '有未解决的校验错误',
	'T-CONSULT-MISSING': '征求意见未全部为无异议',
	'T-VOTE-NOT-PASSED': '联合评审表决未通过',
	'T-QUOTA-FULL': '拟表彰名额已满',
	'T-CAP-EXCEEDED': '超过比例上限',
	'T-NOTICE-NOT-ENDED': '公示期未满',
	'T-OBJECTION-OPEN': '公示异议未办结',
	'T-MOVE-INVALID': '不能这样移动'
};

/** The answer to "may this card move?". `overridable` refusals pass once a reason is given. */
export type MoveCheck =
	| { allowed: true }
	| { allowed: false; code: MoveRefusalCode; message: string; overridable: boolean };

/** The plain facts a move is judged on ; only those the move concerns are read. */
export interface MoveInput {
	from: Stage;
	to: Stage;
	/** The nomination's own track. */
	nominationTrack: NominationTrack;
	/** True for a 代表家站 (may be proposed into `collective` or `station`). */
	isStation?: boolean;
	/** joint → proposed: the track proposed into; defaults to the nomination's track. */
	targetTrack?: Track;
	/** submitted → preliminary: the number of open `error` findings. */
	openErrorFindings?: number;
	/** preliminary → joint: the result of consultationStatus. */
	consultation?: ConsultationStatus;
	/** joint → proposed: whether the vote passed (tally); null or absent when there is none. */
	votePassed?: boolean | null;
	/** joint → proposed: how many are already proposed in the target track, and its quota. */
	proposedInTrack?: number;
	quota?: number;
	/** joint → proposed: caps that this move would take over their limit (e.g. 'division'). */
	capsExceeded?: readonly CapKey[];
	/** notice → commended: the notice's last day, today ('YYYY-MM-DD'), and objections still open. */
	noticeEndsOn?: string | null;
	today?: string;
	openObjections?: number;
	/** From an off-ramp: the forward stage the card left for it (null: not known, no way back). */
	returnsTo?: Stage | null;
	/** A secretary's written reason: overrides a refused gate that is not a hard one. */
	reason?: string;
}

/** The tracks a nomination may be proposed into: its own, and for a 代表家站 also `station`. */
export function proposableTracks(nominationTrack: NominationTrack, isStation = false): Track[] {
	return isStation ? ['collective', 'station'] : [nominationTrack];
}

/**
 * True when `to` is the next stage after `from`, an off-ramp reachable from `from`, or — from an
 * off-ramp — `returnsTo`, the forward stage the card came from (bringing it back).
 */
export function isMoveDefined(from: Stage, to: Stage, returnsTo?: Stage | null): boolean {
	if (isReturn(from, to, returnsTo)) return true;
	if (to === 'withdrawn') return from !== 'withdrawn';
	if (to === 'not_selected') return !['not_selected', 'withdrawn', 'commended'].includes(from);
	const index = forwardStages.indexOf(from);
	return index >= 0 && forwardStages[index + 1] === to;
}

/** True when the move brings an off-ramped card back to the forward stage it came from. */
export function isReturn(from: Stage, to: Stage, returnsTo?: Stage | null): boolean {
	return isOffRamp(from) && !!returnsTo && to === returnsTo && forwardStages.includes(to);
}

/**
 * What the secretary must write before this move may go, or null when it needs no reason:
 * 撤销 and 未入选 are confirmed with a reason, and so is bringing a card back from them.
 * The reason is kept in the move's audit row.
 */
export function reasonRequired(from: Stage, to: Stage): string | null {
	if (isOffRamp(from) && forwardStages.includes(to)) {
		return `从“${stageLabels[from]}”恢复至“${stageLabels[to]}”须写明理由（记入处理记录）。`;
	}
	if (to === 'withdrawn') return '撤销须写明理由（记入处理记录）。';
	if (to === 'not_selected') return '列为未入选须写明理由（记入处理记录）。';
	return null;
}

const refuse = (code: MoveRefusalCode, message: string, overridable = false): MoveCheck => ({
	allowed: false,
	code,
	message,
	overridable
});

const hasReason = (input: MoveInput) => (input.reason ?? '').trim() !== '';
const ALLOWED: MoveCheck = { allowed: true };

function checkProposal(input: MoveInput): MoveCheck {
	const track = input.targetTrack ?? input.nominationTrack;
	if (!proposableTracks(input.nominationTrack, input.isStation).includes(track)) {
		return refuse(
			'T-MOVE-INVALID',
			`该推荐对象不能列入“${track}”类别；只有代表家站可列入先进集体或通报表扬。`
		);
	}
	if (input.votePassed !== true && !hasReason(input)) {
		return refuse(
			'T-VOTE-NOT-PASSED',
			input.votePassed === false
				? '联合评审表决未通过（需超过全体有表决权评审成员的半数同意），不能列入拟表彰名单。'
				: '尚未进行联合评审表决，不能列入拟表彰名单；如经会议研究确需列入，请由秘书填写理由。',
			true
		);
	}
	return checkPlace(input);
}

/** Joining the proposed list: the track's quota (hard) and the composition caps (原则上). */
function checkPlace(input: MoveInput): MoveCheck {
	const quota = input.quota ?? 0;
	const proposed = input.proposedInTrack ?? 0;
	if (proposed >= quota) {
		return refuse(
			'T-QUOTA-FULL',
			`该类别拟表彰名额已满（${proposed}/${quota}，通知一(一)），不能再列入；请先移出其他对象。`
		);
	}
	const caps = (input.capsExceeded ?? []).map((cap) => capLabels[cap]);
	if (caps.length > 0 && !hasReason(input)) {
		return refuse(
			'T-CAP-EXCEEDED',
			`列入后${listText(caps)}将超过表彰总数的比例上限（通知四(二)：原则上不超过）。如确需列入，请填写理由后确认。`,
			true
		);
	}
	return ALLOWED;
}

/** Whether a card may move from `input.from` to `input.to`, judged on the facts given. */
export function checkMove(input: MoveInput): MoveCheck {
	const { from, to } = input;
	if (!isMoveDefined(from, to, input.returnsTo)) {
		return refuse('T-MOVE-INVALID', `不能从“${stageLabels[from]}”直接移到“${stageLabels[to]}”。`);
	}
	// Back where it came from: its earlier gates were passed, but a place on the list is taken anew.
	if (isReturn(from, to, input.returnsTo)) {
		return listStages.includes(to) ? checkPlace(input) : ALLOWED;
	}
	if (from === 'submitted' && to === 'preliminary') {
		const open = input.openErrorFindings ?? 0;
		if (open > 0 && !hasReason(input)) {
			return refuse(
				'T-FINDINGS-OPEN',
				`还有 ${open} 项错误未解决，不能进入初审；请先更正，或由秘书填写理由后放行。`,
				true
			);
		}
	}
	if (from === 'preliminary' && to === 'joint') {
		const status = input.consultation;
		if ((!status || !status.allClear) && !hasReason(input)) {
			const parts: string[] = [];
			if (!status) parts.push('尚未记录征求意见');
			if (status && status.missing.length > 0) parts.push(`${listText(status.missing)}尚无意见`);
			if (status && status.objections.length > 0)
				parts.push(`${listText(status.objections)}有异议`);
			return refuse(
				'T-CONSULT-MISSING',
				`征求意见未全部为无异议：${parts.join('；')}（通知三(一)、四(一)2–4）。`,
				true
			);
		}
	}
	if (from === 'joint' && to === 'proposed') return checkProposal(input);
	// Hard gates: no reason replaces the notice's five working days or an unsettled objection.
	if (from === 'notice' && to === 'commended') {
		const ends = input.noticeEndsOn ?? null;
		if (!ends || !input.today || input.today <= ends) {
			const when = ends ? `公示至 ${ends} 结束` : '尚未记录公示日期';
			return refuse(
				'T-NOTICE-NOT-ENDED',
				`${when}，公示期满后才能表彰（通知三(四)：公示5个工作日，经公示无异议）。`
			);
		}
		if ((input.openObjections ?? 0) > 0) {
			return refuse(
				'T-OBJECTION-OPEN',
				`公示期间收到的 ${input.openObjections} 项异议尚未办结，不能表彰；请先在候选对象详情中登记处理结果（通知三(四)：经公示无异议）。`
			);
		}
	}
	return ALLOWED;
}
