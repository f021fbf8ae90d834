import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Serialise every ledger write for one household until the transaction ends: the duplicate
 * checks (the same claim twice, a collection over a pending claim, a void twice) read and then
 * insert, and two messages at once must not both pass the read (issue 18 item 5).
 */
export async function lockHousehold(tx: Transaction<Database>, householdId: number): Promise<void> {
  await tx.selectFrom('households').select('id').where('id', '=', householdId).forUpdate().execute();
}
