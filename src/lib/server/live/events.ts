/**
 * Appending a board event inside the transaction that makes the change. Bumping the campaign's
 * counter locks its row until commit, so sequence numbers are gapless and in commit order; the
 * NOTIFY is delivered by PostgreSQL only if the transaction commits.
 */
import { sql } from 'drizzle-orm';
import type { BoardEventMap, BoardEventType } from '../../board/events';
import type { Tx } from '../db';
import { boardEvent, campaign } from '../db/schema';

/** The NOTIFY channel that carries `campaignId:seq` to every instance. */
export const BOARD_CHANNEL = 'shortlist_board';

/**
 * Appends one event of `type` with its payload; returns its sequence number. One statement — the
 * counter's bump, the row and its NOTIFY — since every change of the board and the meeting pays
 * for it (on the embedded database each statement is a few hundred microseconds of CPU).
 */
export async function appendEvent<K extends BoardEventType>(
	tx: Tx,
	campaignId: number,
	type: K,
	payload: BoardEventMap[K]
): Promise<number> {
	const result = await tx.execute(sql`
		with bumped as (
			update ${campaign} set event_seq = event_seq + 1 where id = ${campaignId}
			returning event_seq
		)
		insert into ${boardEvent} (campaign_id, seq, type, payload)
		select ${campaignId}, event_seq, ${type}, ${JSON.stringify(payload)}::jsonb from bumped
		returning seq, pg_notify(${BOARD_CHANNEL}, campaign_id || ':' || seq)`);
	const [row] = (result as unknown as { rows: { seq: string | number }[] }).rows;
	if (!row) throw new Error(`campaign ${campaignId} not found`);
	return Number(row.seq);
}
