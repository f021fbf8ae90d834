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
  await updateChainRoom(tx, at, room, { payment_id: paymentId });
}

/** Change one room's line of a chain. */
async function updateChainRoom(tx: Transaction<Database>, at: ChainPlace, room: string, set: { payment_id: number } | { created_at: Date }): Promise<void> {
  await tx
    .updateTable('chain_rooms')
    .set(set)
    .where('platform', '=', at.platform)
    .where('chat_id', '=', at.chatId)
    .where('chain_key', '=', at.chainKey)
    .where('room', '=', room)
    .execute();
}

/** A staff line of a chain whose hold lapsed: never confirmed, and no longer the one 确认收费 would book. */
export interface LapsedChainLine {
  holdId: number;
  room: string;
  householdId: number;
  feePlanId: number;
  amountFen: number;
  months: number;
}

/**
 * The rooms a staff member's earlier post of this chain held and nobody booked: the hold is unused,
 * and it is older than the 30 minutes 确认收费 waits, or a newer hold of theirs superseded it. Without
 * this, those rooms would stay counted in the chain and never reach the ledger.
 */
export async function lapsedChainLines(tx: Transaction<Database>, at: ChainPlace, memberId: number, estateId: number, now: Date, windowMs: number): Promise<LapsedChainLine[]> {
  const latest = await tx.selectFrom('ledger_holds').select('source_key').where('member_id', '=', memberId).where('kind', '=', 'collect').where('used_at', 'is', null).orderBy('id', 'desc').executeTakeFirst();
  const rows = await tx
    .selectFrom('chain_rooms as cr')
    .innerJoin('households as h', (j) => j.onRef('h.room_code', '=', 'cr.room').on('h.estate_id', '=', estateId))
    .innerJoin('ledger_holds as lh', (j) => j.onRef('lh.member_id', '=', 'cr.member_id').onRef('lh.household_id', '=', 'h.id').onRef('lh.created_at', '=', 'cr.created_at'))
    .select(['lh.id', 'cr.room', 'h.id as householdId', 'lh.fee_plan_id', 'lh.amount_fen', 'lh.months', 'lh.source_key', 'lh.created_at'])
    .where('cr.platform', '=', at.platform)
    .where('cr.chat_id', '=', at.chatId)
    .where('cr.chain_key', '=', at.chainKey)
    .where('cr.member_id', '=', memberId)
    .where('cr.payment_id', 'is', null)
    .where('lh.kind', '=', 'collect')
    .where('lh.method', '=', '接龙')
    .where('lh.used_at', 'is', null)
    .orderBy('lh.id')
    .execute();
  const cutoff = now.getTime() - windowMs;
  return rows
    .filter((r) => r.created_at.getTime() <= cutoff || r.source_key !== latest?.source_key)
    .map((r) => ({ holdId: r.id, room: r.room, householdId: r.householdId, feePlanId: r.fee_plan_id!, amountFen: r.amount_fen!, months: r.months! }));
}

/** Hold a lapsed line again under this post: the old hold is spent, the chain's room now points at the new one. */
export async function reholdChainLine(tx: Transaction<Database>, at: ChainPlace, line: LapsedChainLine, memberId: number, now: Date): Promise<void> {
  await tx.updateTable('ledger_holds').set({ used_at: now }).where('id', '=', line.holdId).execute();
  await updateChainRoom(tx, at, line.room, { created_at: now });
}
