import type { Selectable, Transaction } from 'kysely';
import type { Database, LedgerHoldsTable } from '../db/database.js';
import { REPEAT_WINDOW_MS } from './duplicate-guard.js';

/** A collection or confirmation held back by the duplicate guard. */
export type LedgerHold = Selectable<LedgerHoldsTable>;

/** Hold a collection (or a confirmation) back until its staff member says yes. */
export async function holdEntry(
  tx: Transaction<Database>,
  h: Omit<LedgerHold, 'id' | 'used_at'>,
): Promise<void> {
  await tx.insertInto('ledger_holds').values({ ...h, used_at: null }).execute();
}

/**
 * The collections a staff member's 确认收费 books: those held by their latest held message in
 * the last 30 minutes (a batch holds several), marked used so a second yes books nothing.
 */
export async function takeHeldCollections(tx: Transaction<Database>, memberId: number, now: Date): Promise<LedgerHold[]> {
  const since = new Date(now.getTime() - REPEAT_WINDOW_MS);
  const latest = await tx
    .selectFrom('ledger_holds')
    .select('source_key')
    .where('member_id', '=', memberId)
    .where('kind', '=', 'collect')
    .where('used_at', 'is', null)
    .where('created_at', '>', since)
    .orderBy('id', 'desc')
    .forUpdate()
    .executeTakeFirst();
  if (!latest) return [];
  return tx
    .updateTable('ledger_holds')
    .set({ used_at: now })
    .where('member_id', '=', memberId)
    .where('kind', '=', 'collect')
    .where('used_at', 'is', null)
    .where('source_key', '=', latest.source_key)
    .returningAll()
    .execute()
    .then((rows) => rows.sort((a, b) => a.id - b.id));
}
