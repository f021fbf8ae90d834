import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/** In a private chat, the estate is where the member holds a role or a bound household. */
export async function estateOfMember(tx: Transaction<Database>, memberId: number): Promise<number | null> {
  const role = await tx.selectFrom('roles').select('estate_id').where('member_id', '=', memberId).orderBy('id').executeTakeFirst();
  if (role) return role.estate_id;
  const bound = await tx
    .selectFrom('bindings as bi')
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .select('h.estate_id')
    .where('bi.member_id', '=', memberId)
    .where('bi.status', '=', 'confirmed')
    .orderBy('bi.id')
    .executeTakeFirst();
  return bound?.estate_id ?? null;
}
