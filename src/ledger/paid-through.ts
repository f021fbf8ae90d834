import type { Transaction } from 'kysely';
import type { Database, FeePlan } from '../db/database.js';
import { currentMonth, monthName, type MonthName } from '../time/month.js';
import { balance, type Balance } from './balance.js';
import { paidMonthsByHousehold } from './paid-months.js';

/** One household's balance on a plan now, read inside the caller's transaction. */
export async function householdBalance(
  tx: Transaction<Database>,
  estate: { id: number; time_zone: string },
  plan: FeePlan,
  householdId: number,
  now: Date,
): Promise<Balance & { throughName: MonthName | null }> {
  const [row] = await paidMonthsByHousehold(tx, { estateId: estate.id, zoneId: null, buildingId: null }, plan.id, [householdId]);
  const b = balance(plan, row?.paidMonths ?? 0, currentMonth(now, estate.time_zone));
  return { ...b, throughName: b.through ? monthName(b.through) : null };
}
