/**
 * Board stages and the gates between them (SPEC §3, following 通知三 推荐评选程序):
 * 推荐申报 → 初审 → 联合评审 → 拟表彰 → 党组审定 → 公示 → 表彰, with the off-ramps 未入选 and 撤销.
 * A secretary may pass any refused gate with a written reason (SPEC §3: an override; for
 * T-CAP-EXCEEDED, 原则上, a confirming reason) — except T-QUOTA-FULL, a hard cap, and
 * T-MOVE-INVALID, which is no gate but a move that does not exist.
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

/** Why a move is refused. */
export type MoveRefusalCode =
	| 'T-FINDINGS-OPEN'
	| 'T-CONSULT-MISSING'
	| 'T-VOTE-NOT-PASSED'
	| 'T-QUOTA-FULL'
	| 'T-CAP-EXCEEDED'
	| 'T-NOTICE-NOT-ENDED'
	| 'T-MOVE-INVALID';

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
	/** A secretary's written reason: overrides any refused gate but a full quota. */
	reason?: string;
}

/** The tracks a nomination may be proposed into: its own, and for a 代表家站 also `station`. */
export function proposableTracks(nominationTrack: NominationTrack, isStation = false): Track[] {
	return isStation ? ['collective', 'station'] : [nominationTrack];
}

/** True when `to` is the next stage after `from`, or an off-ramp reachable from `from`. */
export function isMoveDefined(from: Stage, to: Stage): boolean {
	if (to === 'withdrawn') return from !== 'withdrawn';
	if (to === 'not_selected') return !['not_selected', 'withdrawn', 'commended'].includes(from);
	const index = forwardStages.indexOf(from);
	return index >= 0 && forwardStages[index + 1] === to;
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
	if (!isMoveDefined(from, to)) {
		return refuse('T-MOVE-INVALID', `不能从“${stageLabels[from]}”直接移到“${stageLabels[to]}”。`);
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
	if (from === 'notice' && to === 'commended' && !hasReason(input)) {
		const ends = input.noticeEndsOn ?? null;
		if (!ends || !input.today || input.today <= ends) {
			const when = ends ? `公示至 ${ends} 结束` : '尚未记录公示日期';
			return refuse(
				'T-NOTICE-NOT-ENDED',
				`${when}，公示期满后才能表彰（通知三(四)：公示5个工作日，经公示无异议）。`,
				true
			);
		}
		if ((input.openObjections ?? 0) > 0) {
			return refuse(
				'T-NOTICE-NOT-ENDED',
				`公示期间收到的 ${input.openObjections} 项异议尚未处理完毕，不能表彰（通知三(四)：经公示无异议）。`,
				true
			);
		}
	}
	return ALLOWED;
}
