import { sql, type Kysely } from 'kysely';
import { CREDIT_FEN, IS_COUNTED } from './counted.js';
import type { Database } from '../db/database.js';

/** Which households to count: an estate, narrowed to a zone or a building. */
export interface Scope {
  estateId: number;
  zoneId: number | null;
  buildingId: number | null;
}

/** One household's counted months on a plan. */
export interface HouseholdPaid {
  householdId: number;
  roomCode: string;
  buildingCode: string;
  buildingId: number;
  /** Hundredths of m², where known. */
  floorArea: number | null;
  zoneId: number | null;
  paidMonths: number;
  /** Fen of credits (补贴) net of their corrections. */
  creditFen: number;
}

/**
 * Counted months per household in scope, in one query: collections and corrections count at
 * once, claims only once confirmed.
 */
export async function paidMonthsByHousehold(db: Kysely<Database>, scope: Scope, planId: number, householdIds?: number[]): Promise<HouseholdPaid[]> {
  if (householdIds && householdIds.length === 0) return [];
  return paidMonthsQuery(db, scope, planId, householdIds).execute();
}

/** The query of `paidMonthsByHousehold`, not run: a statement that reads more can take it as a subquery. */
export function paidMonthsQuery(db: Kysely<Database>, scope: Scope, planId: number, householdIds?: number[]) {
  return db
    .selectFrom('households as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('payments as p')
          .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
          .where('p.fee_plan_id', '=', planId)
          // Narrow the aggregate to the estate (index payments_estate_created) and, when asked,
          // to the households wanted (payments_household): never a scan of every estate's ledger.
          .where('p.estate_id', '=', scope.estateId)
          .$if(householdIds !== undefined, (q) => q.where('p.household_id', 'in', householdIds!))
          .where(IS_COUNTED)
          .select(['p.household_id', sql<number>`sum(p.months)::int`.as('months'), sql<number>`sum(${CREDIT_FEN})::int`.as('credit')])
          .groupBy('p.household_id')
          .as('paid'),
      (j) => j.onRef('paid.household_id', '=', 'h.id'),
    )
    .where('h.estate_id', '=', scope.estateId)
    .$if(scope.zoneId !== null, (q) => q.where('b.zone_id', '=', scope.zoneId!))
    .$if(scope.buildingId !== null, (q) => q.where('b.id', '=', scope.buildingId!))
    .$if(householdIds !== undefined, (q) => q.where('h.id', 'in', householdIds!))
    .select(['h.id as householdId', 'h.room_code as roomCode', 'b.code as buildingCode', 'b.id as buildingId', 'h.floor_area as floorArea', 'b.zone_id as zoneId', sql<number>`coalesce(paid.months, 0)::int`.as('paidMonths'), sql<number>`coalesce(paid.credit, 0)::int`.as('creditFen')])
    .orderBy('h.room_code');
}
