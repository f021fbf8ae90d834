import type { Transaction } from 'kysely';
import type { Database, FeePlan } from '../db/database.js';
import { currentMonth, monthName, type MonthName } from '../time/month.js';
import { balance, type Balance } from './balance.js';
import { monthlyFen } from './estate-plans.js';
import { paidMonthsByHousehold, type HouseholdPaid } from './paid-months.js';

/** A household's balance on a plan, with the month it is paid through named and its credit. */
export type HouseholdBalance = Balance & { throughName: MonthName | null; creditFen: number };

/** One household's balance on a plan now (a per-m² plan priced at its area), read inside the caller's transaction. */
export async function householdBalance(
  tx: Transaction<Database>,
  estate: { id: number; time_zone: string },
  plan: FeePlan,
  householdId: number,
  now: Date,
): Promise<HouseholdBalance> {
  const [row] = await paidMonthsByHousehold(tx, { estateId: estate.id, zoneId: null, buildingId: null }, plan.id, [householdId]);
  return balanceOfPaid(estate, plan, row, now);
}

/** The balance from a household's counted row (`paidMonthsByHousehold`), for a caller that read the row with more. */
export function balanceOfPaid(
  estate: { time_zone: string },
  plan: FeePlan,
  row: Pick<HouseholdPaid, 'floorArea' | 'paidMonths' | 'creditFen'> | undefined,
  now: Date,
): HouseholdBalance {
  // A per-m² plan is priced at the household's area (one without an area on file cannot be charged on it).
  const priced = { ...plan, amount_fen: monthlyFen(plan, row?.floorArea ?? null) ?? plan.amount_fen };
  const b = balance(priced, row?.paidMonths ?? 0, currentMonth(now, estate.time_zone), row?.creditFen ?? 0);
  return { ...b, throughName: b.through ? monthName(b.through) : null, creditFen: row?.creditFen ?? 0 };
}
