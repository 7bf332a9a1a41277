/**
 * Appending a board event inside the transaction that makes the change. Bumping the campaign's
 * counter locks its row until commit, so sequence numbers are gapless and in commit order; the
 * NOTIFY is delivered by PostgreSQL only if the transaction commits.
 */
import { eq, sql } from 'drizzle-orm';
import type { BoardEventMap, BoardEventType } from '../../board/events';
import type { Tx } from '../db';
import { boardEvent, campaign } from '../db/schema';

/** The NOTIFY channel that carries `campaignId:seq` to every instance. */
export const BOARD_CHANNEL = 'shortlist_board';

/** Appends one event of `type` with its payload; returns its sequence number. */
export async function appendEvent<K extends BoardEventType>(
	tx: Tx,
	campaignId: number,
	type: K,
	payload: BoardEventMap[K]
): Promise<number> {
	const [row] = await tx
		.update(campaign)
		.set({ eventSeq: sql`${campaign.eventSeq} + 1` })
		.where(eq(campaign.id, campaignId))
		.returning({ seq: campaign.eventSeq });
	if (!row) throw new Error(`campaign ${campaignId} not found`);
	await tx.insert(boardEvent).values({ campaignId, seq: row.seq, type, payload });
	await tx.execute(sql`select pg_notify(${BOARD_CHANNEL}, ${`${campaignId}:${row.seq}`})`);
	return row.seq;
}
