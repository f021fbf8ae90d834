import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { compareRoomCodes } from '../members/households.js';
import { balance } from './balance.js';
import { pricedFor, type EstatePlan } from './estate-plans.js';
import { paidMonthsByHousehold, type HouseholdPaid, type Scope } from './paid-months.js';

/** What a household owes on one plan. */
export interface PlanOwed {
  plan: EstatePlan;
  months: number;
  fen: number;
}

/** A household behind on one plan or more, with what it owes on each (plans in the estate's order). */
export interface HouseholdArrears extends Omit<HouseholdPaid, 'paidMonths' | 'creditFen'> {
  owed: PlanOwed[];
  /** Fen owed on all plans together. */
  fen: number;
}

/**
 * The households in scope behind on any of the estate's plans in `month`, each plan priced as
 * the household pays it (per household, or per m² of its floor area; a plan that does not cover
 * the household, or cannot price it, asks nothing of it). Sorted by room.
 */
export async function arrearsByHousehold(db: Kysely<Database>, scope: Scope, plans: readonly EstatePlan[], month: string): Promise<HouseholdArrears[]> {
  const byHousehold = new Map<number, HouseholdArrears>();
  for (const plan of plans) {
    for (const r of await paidMonthsByHousehold(db, scope, plan.id)) {
      const priced = pricedFor(plan, r);
      if (!priced) continue;
      const bal = balance(priced, r.paidMonths, month, r.creditFen);
      if (bal.owedMonths === 0) continue;
      const { paidMonths: _p, creditFen: _c, ...where } = r;
      const h = byHousehold.get(r.householdId) ?? { ...where, owed: [], fen: 0 };
      h.owed.push({ plan, months: bal.owedMonths, fen: bal.owedFen });
      h.fen += bal.owedFen;
      byHousehold.set(r.householdId, h);
    }
  }
  return [...byHousehold.values()].sort((a, b) => compareRoomCodes(a.roomCode, b.roomCode));
}
