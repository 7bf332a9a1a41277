/**
 * A move as the board asks the server for it: the questions the secretary may have to answer
 * first (a station's track, a date, a reason to override a refused gate), and the form action call.
 */
import { deserialize } from '$app/forms';
import type { Stage } from '../domain/stages';
import type { MoveOutcome } from './types';

/** What the secretary must add before a move can go (again) to the server. */
export interface MoveQuestion {
	ids: number[];
	to: Stage;
	/** What is moving, for the heading: a name or “3 项”. */
	subject: string;
	/** The gate that refused it, when an override with a reason is asked for. */
	refusal?: { code: string; message: string };
	/** A 代表家站 is being proposed: 先进集体 or 通报表扬? */
	askTrack?: boolean;
	/** The move records a date (党组会议 for 党组审定, the first day for 公示). */
	askDate?: boolean;
	/**
	 * The move itself takes a written reason (撤销, 未入选, bringing a card back): what to write,
	 * in Chinese. The dialog is then a confirmation.
	 */
	askReason?: string;
	/** The move brings cards back from an off-ramp to the stage they came from. */
	returning?: boolean;
}
export interface MoveAnswer {
	reason?: string;
	targetTrack?: 'collective' | 'station';
	date?: string;
}

export type MoveReply =
	{ ok: true; outcomes: MoveOutcome[]; seq: number | null } | { ok: false; message: string };

/** Posts the move to the board's `?/move` action. */
export async function postMove(
	actionUrl: string,
	ids: readonly number[],
	to: Stage,
	answer: MoveAnswer
): Promise<MoveReply> {
	const body = new FormData();
	for (const id of ids) body.append('candidateId', String(id));
	body.set('to', to);
	if (answer.reason) body.set('reason', answer.reason);
	if (answer.targetTrack) body.set('targetTrack', answer.targetTrack);
	if (answer.date) body.set('date', answer.date);
	try {
		const response = await fetch(actionUrl, {
			method: 'POST',
			body,
			headers: { 'x-sveltekit-action': 'true' }
		});
		const result = deserialize(await response.text());
		if (result.type === 'success') {
			const data = result.data as { outcomes: MoveOutcome[]; seq: number | null };
			return { ok: true, outcomes: data.outcomes, seq: data.seq };
		}
		if (result.type === 'failure') return { ok: false, message: String(result.data?.message) };
		if (result.type === 'error') {
			return {
				ok: false,
				message:
					result.status === 403 ? '您的角色不能移动卡片。' : '服务器出错，移动未完成，请重试。'
			};
		}
		return { ok: false, message: '请重新登录后再试。' };
	} catch {
		return { ok: false, message: '网络中断，移动未完成；连接恢复后请重试。' };
	}
}
