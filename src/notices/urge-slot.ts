import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * The 催缴 an outbox row carried failed for good: give the group's day back, so staff can urge
 * again today (a once-a-day slot is spent only on a message that went out). Returns whether one was.
 */
export async function releaseUrgeSlot(db: Kysely<Database> | Transaction<Database>, outboxKey: string): Promise<boolean> {
  const gone = await db.deleteFrom('urge_log').where('outbox_key', '=', outboxKey).returning('day').executeTakeFirst();
  return gone !== undefined;
}
