import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { HouseholdRef } from '../members/households.js';
import { CREDIT_FEN, IS_COUNTED } from './counted.js';

/** What a household has paid on one plan: months counted, and credit (fen) towards what is owed. */
export interface PaidOnPlan {
  months: number;
  creditFen: number;
}

/** A household with how many of its claims still wait for a decision, and what it has paid on each plan (by plan id). */
export type HouseholdWithPending = HouseholdRef & { pendingClaims: number; paid: Record<string, PaidOnPlan> };

// Claims of the household nobody has confirmed or rejected yet.
const PENDING = sql<number>`(select count(*) from payments p left join payment_decisions d on d.payment_id = p.id
  where p.household_id = h.id and p.kind = 'claim' and d.payment_id is null)::int`;

// What each plan has counted for the household (the same rule as every balance: IS_COUNTED, CREDIT_FEN).
const PAID = sql<Record<string, PaidOnPlan>>`coalesce((select jsonb_object_agg(x.fee_plan_id, jsonb_build_object('months', x.months, 'creditFen', x.credit))
  from (select p.fee_plan_id, sum(p.months)::int as months, sum(${CREDIT_FEN})::int as credit
    from payments p left join payment_decisions d on d.payment_id = p.id
    where p.household_id = h.id and p.estate_id = h.estate_id and ${IS_COUNTED}
    group by p.fee_plan_id) x), '{}'::jsonb)`;

/**
 * The households a member is bound to (confirmed) in an estate, each with its waiting claims and
 * what it has paid on each plan, in one statement: all 查询 needs to show a resident their account.
 */
export async function boundHouseholdsWithPending(tx: Transaction<Database>, memberId: number, estateId: number): Promise<HouseholdWithPending[]> {
  return tx
    .selectFrom('bindings as bi')
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['h.id', 'h.room_code as roomCode', 'b.id as buildingId', 'b.code as buildingCode', 'b.zone_id as zoneId', 'h.floor_area as floorArea', PENDING.as('pendingClaims'), PAID.as('paid')])
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
