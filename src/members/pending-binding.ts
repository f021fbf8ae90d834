import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A binding request still waiting for staff: its B-ref number and room. */
export interface PendingBinding {
  id: number;
  roomCode: string;
}

/** The member's latest binding request in the estate that staff have not decided yet, or null. */
export async function pendingBinding(db: Db, memberId: number, estateId: number): Promise<PendingBinding | null> {
  const row = await db
    .selectFrom('bindings as bi')
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .select(['bi.id', 'h.room_code as roomCode'])
    .where('bi.member_id', '=', memberId)
    .where('bi.status', '=', 'pending')
    .where('h.estate_id', '=', estateId)
    .orderBy('bi.id', 'desc')
    .executeTakeFirst();
  return row ?? null;
}
