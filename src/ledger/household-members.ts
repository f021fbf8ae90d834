import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/** The members bound (confirmed) to a household: who is told of its receipts and corrections. */
export async function householdMembers(db: Kysely<Database> | Transaction<Database>, householdId: number): Promise<{ id: number; platform: string; platformUserId: string }[]> {
  return db
    .selectFrom('bindings as bi')
    .innerJoin('members as m', 'm.id', 'bi.member_id')
    .select(['m.id', 'm.platform', 'm.platform_user_id as platformUserId'])
    .where('bi.household_id', '=', householdId)
    .where('bi.status', '=', 'confirmed')
    .distinct()
    .orderBy('m.id')
    .execute();
}
