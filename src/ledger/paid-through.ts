import type { Transaction } from 'kysely';
import type { Database, FeePlan } from '../db/database.js';
import { currentMonth, monthName, type MonthName } from '../time/month.js';
import { balance, type Balance } from './balance.js';
import { monthlyFen } from './estate-plans.js';
import { paidMonthsByHousehold } from './paid-months.js';

/** One household's balance on a plan now (a per-m² plan priced at its area), read inside the caller's transaction. */
export async function householdBalance(
  tx: Transaction<Database>,
  estate: { id: number; time_zone: string },
  plan: FeePlan,
  householdId: number,
  now: Date,
): Promise<HouseholdBalance> {
  const [row] = await paidMonthsByHousehold(tx, { estateId: estate.id, zoneId: null, buildingId: null }, plan.id, [householdId]);
  return balanceOf(estate, plan, row ? { floorArea: row.floorArea, months: row.paidMonths, creditFen: row.creditFen } : null, now);
}

/** A household's balance on a plan now. */
export type HouseholdBalance = Balance & { throughName: MonthName | null; creditFen: number };

/** The balance from what the household has paid on the plan (read already), priced at its area on a per-m² plan. */
export function balanceOf(estate: { time_zone: string }, plan: FeePlan, paid: { floorArea: number | null; months: number; creditFen: number } | null, now: Date): HouseholdBalance {
  // A per-m² plan is priced at the household's area (one without an area on file cannot be charged on it).
  const priced = { ...plan, amount_fen: monthlyFen(plan, paid?.floorArea ?? null) ?? plan.amount_fen };
  const b = balance(priced, paid?.months ?? 0, currentMonth(now, estate.time_zone), paid?.creditFen ?? 0);
  return { ...b, throughName: b.through ? monthName(b.through) : null, creditFen: paid?.creditFen ?? 0 };
}
