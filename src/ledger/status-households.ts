import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { HouseholdRef } from '../members/households.js';

/** A household with how many of its claims still wait for a decision. */
export type HouseholdWithPending = HouseholdRef & { pendingClaims: number };

// Claims of the household nobody has confirmed or rejected yet.
const PENDING = sql<number>`(select count(*) from payments p left join payment_decisions d on d.payment_id = p.id
  where p.household_id = h.id and p.kind = 'claim' and d.payment_id is null)::int`;

/**
 * The households a member is bound to (confirmed) in an estate, each with its waiting claims, in
 * one statement: what 查询 shows a resident, without a count query per household.
 */
export async function boundHouseholdsWithPending(tx: Transaction<Database>, memberId: number, estateId: number): Promise<HouseholdWithPending[]> {
  return tx
    .selectFrom('bindings as bi')
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['h.id', 'h.room_code as roomCode', 'b.id as buildingId', 'b.code as buildingCode', 'b.zone_id as zoneId', 'h.floor_area as floorArea', PENDING.as('pendingClaims')])
    .where('bi.member_id', '=', memberId)
    .where('bi.status', '=', 'confirmed')
    .where('h.estate_id', '=', estateId)
    .orderBy('h.room_code')
    .execute();
}

/** Waiting claims of one household (a room staff named, not bound to them). */
export async function pendingClaims(tx: Transaction<Database>, householdId: number): Promise<number> {
  const row = await tx
    .selectFrom('payments as p')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('p.household_id', '=', householdId)
    .where('p.kind', '=', 'claim')
    .where('d.payment_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
