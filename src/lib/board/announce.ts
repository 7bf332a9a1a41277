/** What the board's live region says when cards arrive from another screen. */
import { stageLabels } from '../domain/stages';
import type { BoardCard, MovedCard } from './types';

/** "「张三」已移至“公示”" or "3 项已移至“公示”" (a bulk move goes to one column). */
export function announce(moves: readonly MovedCard[], cards: readonly BoardCard[]): string {
	const destinations = [...new Set(moves.map((move) => move.to))];
	return destinations
		.map((stage) => {
			const names = moves
				.filter((move) => move.to === stage)
				.map((move) => cards.find((card) => card.id === move.candidateId)?.title ?? '一项');
			const who =
				names.length <= 3 ? names.map((n) => `「${n}」`).join('、') : `${names.length} 项`;
			return `${who}已移至“${stageLabels[stage]}”`;
		})
		.join('；')
		.concat('。');
}
