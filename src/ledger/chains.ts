import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/** One 接龙 in one chat. */
export interface ChainPlace {
  platform: string;
  chatId: string;
  chainKey: string;
}

/**
 * Note the lines of a post; returns the keys seen here for the first time (the poster's own).
 * The primary key decides: when two members post at once, each new line goes to one of them.
 */
export async function newChainLines(tx: Transaction<Database>, at: ChainPlace, lineKeys: readonly string[], memberId: number, now: Date): Promise<Set<string>> {
  const keys = [...new Set(lineKeys)];
  if (keys.length === 0) return new Set();
  const inserted = await tx
    .insertInto('chain_lines')
    .values(keys.map((k) => ({ platform: at.platform, chat_id: at.chatId, chain_key: at.chainKey, line_key: k, member_id: memberId, created_at: now })))
    .onConflict((c) => c.columns(['platform', 'chat_id', 'chain_key', 'line_key']).doNothing())
    .returning('line_key')
    .execute();
  return new Set(inserted.map((r) => r.line_key));
}

/** Count a household in a chain once: false when it already was (an edited line, or a second line for it). */
export async function countChainRoom(tx: Transaction<Database>, at: ChainPlace, room: string, memberId: number, now: Date): Promise<boolean> {
  const row = await tx
    .insertInto('chain_rooms')
    .values({ platform: at.platform, chat_id: at.chatId, chain_key: at.chainKey, room, member_id: memberId, payment_id: null, created_at: now })
    .onConflict((c) => c.columns(['platform', 'chat_id', 'chain_key', 'room']).doNothing())
    .returning('room')
    .executeTakeFirst();
  return row !== undefined;
}

/** The payment a chain's line for `room` became. */
export async function noteChainPayment(tx: Transaction<Database>, at: ChainPlace, room: string, paymentId: number): Promise<void> {
  await tx
    .updateTable('chain_rooms')
    .set({ payment_id: paymentId })
    .where('platform', '=', at.platform)
    .where('chat_id', '=', at.chatId)
    .where('chain_key', '=', at.chainKey)
    .where('room', '=', room)
    .execute();
}
