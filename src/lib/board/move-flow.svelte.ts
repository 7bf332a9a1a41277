/**
 * A move as the secretary experiences it: ask what is missing (a station's track, a date), send
 * it, show what moved, say why the rest did not, and ask for a reason where a gate can be
 * overridden. The dialog and the notices on the board are this state.
 */
import type { SvelteSet } from 'svelte/reactivity';
import { stageLabels, type Stage } from '../domain/stages';
import type { BoardState } from './board-state.svelte';
import { postMove, type MoveAnswer, type MoveQuestion } from './move-request';

export interface Notice {
	id: number;
	text: string;
	tone: 'ok' | 'error';
}

export class MoveFlow {
	/** What the dialog asks, or null when it is closed. */
	question = $state<MoveQuestion | null>(null);
	notices = $state.raw<Notice[]>([]);

	#board: BoardState;
	#selected: SvelteSet<number>;
	#actionUrl: string;
	/** What was already answered for the move the dialog asks about. */
	#pending: MoveAnswer = {};
	#nextNotice = 0;

	/**
	 * `actionUrl` is the board's move action, absolute: while a candidate's panel is open the
	 * address bar shows the candidate's page, where a relative `?/move` would go astray.
	 */
	constructor(board: BoardState, selected: SvelteSet<number>, actionUrl: string) {
		this.#board = board;
		this.#selected = selected;
		this.#actionUrl = actionUrl;
	}

	/** Asks what is missing, sends the move, shows what moved and why the rest did not. */
	async move(ids: readonly number[], to: Stage, answer: MoveAnswer = {}): Promise<void> {
		const moving = this.#board.cards.filter((c) => ids.includes(c.id) && c.stage !== to);
		if (moving.length === 0) return;
		const movingIds = moving.map((c) => c.id);
		const askTrack = to === 'proposed' && !answer.targetTrack && moving.some((c) => c.isStation);
		const askDate = (to === 'approved' || to === 'notice') && !answer.date;
		if (askTrack || askDate) {
			this.#ask(
				{ ids: movingIds, to, subject: this.#subject(movingIds), askTrack, askDate },
				answer
			);
			return;
		}
		const reply = await postMove(this.#actionUrl, movingIds, to, answer);
		if (!reply.ok) return this.notify(reply.message, 'error');
		const moved = reply.outcomes.filter((o) => o.ok);
		this.#board.confirm(
			moved.map(({ candidateId, from, to, proposedTrack }) => ({
				candidateId,
				from,
				to,
				proposedTrack
			}))
		);
		for (const o of moved) this.#selected.delete(o.candidateId);
		if (moved.length > 0) {
			const subject = this.#subject(moved.map((o) => o.candidateId));
			this.notify(`已将 ${subject} 移至“${stageLabels[to]}”。`, 'ok');
		}
		const refused = reply.outcomes.filter((o) => !o.ok);
		const overridable = refused.filter((o) => o.overridable && !answer.reason);
		for (const o of refused.filter((o) => !overridable.includes(o))) {
			this.notify(`${this.#subject([o.candidateId])}未移动：${o.message}（${o.code}）`, 'error');
		}
		const first = overridable[0];
		if (first) {
			const overridableIds = overridable.map((o) => o.candidateId);
			this.#ask(
				{
					ids: overridableIds,
					to,
					subject: this.#subject(overridableIds),
					refusal: { code: first.code, message: first.message }
				},
				answer
			);
		}
	}

	/** The dialog's answer: the move goes again with everything answered so far. */
	answer(answer: MoveAnswer): void {
		const asked = this.question;
		this.question = null;
		if (asked) void this.move(asked.ids, asked.to, { ...this.#pending, ...answer });
	}

	cancel(): void {
		this.question = null;
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

	#subject(ids: readonly number[]): string {
		const first = this.#board.cards.find((c) => c.id === ids[0]);
		return ids.length === 1 && first ? `“${first.title}”` : `${ids.length} 项`;
	}
}
