/**
 * A move as the secretary experiences it: ask what is missing (a station's track, a date, the
 * reason that confirms 撤销 / 未入选 or a way back), send it, show what moved, say why the rest
 * did not, and ask for a reason where a gate can be overridden. The dialog and the notices on
 * the board are this state. When a move is over (moved, refused or cancelled), `onsettled` hears
 * which cards it concerned, so the board can put the keyboard back on them.
 */
import type { SvelteSet } from 'svelte/reactivity';
import { isOffRamp, reasonRequired, stageLabels, type Stage } from '../domain/stages';
import type { BoardState } from './board-state.svelte';
import { postMove, type MoveAnswer, type MoveQuestion } from './move-request';

export interface Notice {
	id: number;
	text: string;
	tone: 'ok' | 'error';
}

/** How long ids this screen sent stay "mine" (the event may come before or after the reply). */
const MINE_MS = 5_000;

export class MoveFlow {
	/** What the dialog asks, or null when it is closed. */
	question = $state<MoveQuestion | null>(null);
	notices = $state.raw<Notice[]>([]);

	#board: BoardState;
	#selected: SvelteSet<number>;
	#actionUrl: string;
	#onsettled: (ids: number[]) => void;
	/** What was already answered for the move the dialog asks about. */
	#pending: MoveAnswer = {};
	#nextNotice = 0;
	/** Cards this screen is moving or just moved, with how many sends are still counting. */
	#mine: Record<number, number> = {};

	/**
	 * `actionUrl` is the board's move action, absolute: while a candidate's panel is open the
	 * address bar shows the candidate's page, where a relative `?/move` would go astray.
	 */
	constructor(
		board: BoardState,
		selected: SvelteSet<number>,
		actionUrl: string,
		onsettled: (ids: number[]) => void = () => {}
	) {
		this.#board = board;
		this.#selected = selected;
		this.#actionUrl = actionUrl;
		this.#onsettled = onsettled;
	}

	/** True while a move this screen sent of card `id` is on its way or just done. */
	isMine(id: number): boolean {
		return (this.#mine[id] ?? 0) > 0;
	}

	/** Asks what is missing, sends the move, shows what moved and why the rest did not. */
	async move(ids: readonly number[], to: Stage, answer: MoveAnswer = {}): Promise<void> {
		const moving = this.#board.cards.filter((c) => ids.includes(c.id) && c.stage !== to);
		if (moving.length === 0) return;
		const movingIds = moving.map((c) => c.id);
		const askTrack = to === 'proposed' && !answer.targetTrack && moving.some((c) => c.isStation);
		const returning = moving.every((c) => isOffRamp(c.stage)) && !isOffRamp(to);
		const askDate = (to === 'approved' || to === 'notice') && !answer.date && !returning;
		const why = answer.reason
			? null
			: (moving.map((c) => reasonRequired(c.stage, to)).find((text) => text !== null) ?? null);
		if (askTrack || askDate || why) {
			this.#ask(
				{
					ids: movingIds,
					to,
					subject: this.#subject(movingIds),
					askTrack,
					askDate,
					...(why ? { askReason: why, returning } : {})
				},
				answer
			);
			return;
		}
		this.#markMine(movingIds);
		const reply = await postMove(this.#actionUrl, movingIds, to, answer);
		if (!reply.ok) {
			this.notify(reply.message, 'error');
			return this.#onsettled(movingIds);
		}
		const moved = reply.outcomes.filter((o) => o.ok);
		this.#board.confirm(
			moved.map(({ candidateId, from, to, proposedTrack, returnsTo }) => ({
				candidateId,
				from,
				to,
				proposedTrack,
				returnsTo
			}))
		);
		for (const o of moved) this.#selected.delete(o.candidateId);
		if (moved.length > 0) {
			const subject = this.#subject(moved.map((o) => o.candidateId));
			const verb = returning ? '恢复至' : '移至';
			this.notify(`已将 ${subject} ${verb}“${stageLabels[to]}”。`, 'ok');
		}
		const refused = reply.outcomes.filter((o) => !o.ok);
		const overridable = refused.filter((o) => o.overridable && !answer.reason);
		for (const o of refused.filter((o) => !overridable.includes(o))) {
			this.notify(`${this.#subject([o.candidateId])}未移动：${o.message}（${o.code}）`, 'error');
		}
		const first = overridable[0];
		if (first) {
			const overridableIds = overridable.map((o) => o.candidateId);
			const subject = this.#subject(overridableIds);
			this.#ask(
				first.code === 'REASON-REQUIRED'
					? { ids: overridableIds, to, subject, askReason: first.message, returning }
					: {
							ids: overridableIds,
							to,
							subject,
							refusal: { code: first.code, message: first.message }
						},
				answer
			);
			return;
		}
		this.#onsettled(movingIds);
	}

	/** The dialog's answer: the move goes again with everything answered so far. */
	answer(answer: MoveAnswer): void {
		const asked = this.question;
		this.question = null;
		if (asked) void this.move(asked.ids, asked.to, { ...this.#pending, ...answer });
	}

	/** The dialog was dismissed: nothing moves, the keyboard goes back to the cards. */
	cancel(): void {
		const asked = this.question;
		this.question = null;
		if (asked) this.#onsettled(asked.ids);
	}

	/** Shows a notice for a while (errors longer). */
	notify(text: string, tone: Notice['tone']): void {
		const id = this.#nextNotice++;
		this.notices = [...this.notices, { id, text, tone }];
		setTimeout(
			() => (this.notices = this.notices.filter((n) => n.id !== id)),
			tone === 'error' ? 12_000 : 5_000
		);
	}

	#ask(question: MoveQuestion, answered: MoveAnswer): void {
		this.#pending = answered;
		this.question = question;
	}

	#markMine(ids: readonly number[]): void {
		for (const id of ids) this.#mine[id] = (this.#mine[id] ?? 0) + 1;
		setTimeout(() => {
			for (const id of ids) {
				const left = (this.#mine[id] ?? 1) - 1;
				if (left > 0) this.#mine[id] = left;
				else delete this.#mine[id];
			}
		}, MINE_MS);
	}

	#subject(ids: readonly number[]): string {
		const first = this.#board.cards.find((c) => c.id === ids[0]);
		return ids.length === 1 && first ? `“${first.title}”` : `${ids.length} 项`;
	}
}
