import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/** A member bound to a household, as a notice addresses them. */
export interface HouseholdMember {
  id: number;
  platform: string;
  platformUserId: string;
}

/** The members bound (confirmed) to a household: who is told of its receipts and corrections. */
export async function householdMembers(db: Kysely<Database> | Transaction<Database>, householdId: number): Promise<HouseholdMember[]> {
  return householdMembersQuery(db, householdId).execute();
}

/** The query of `householdMembers`, not run: a statement that reads more can take it as a subquery. */
export function householdMembersQuery(db: Kysely<Database> | Transaction<Database>, householdId: number) {
  return db
    .selectFrom('bindings as bi')
    .innerJoin('members as m', 'm.id', 'bi.member_id')
    .select(['m.id', 'm.platform', 'm.platform_user_id as platformUserId'])
    .where('bi.household_id', '=', householdId)
    .where('bi.status', '=', 'confirmed')
    .distinct()
    .orderBy('m.id');
}
