import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { COUNTED_AT } from '../ledger/counted.js';
import type { Scope } from '../ledger/paid-months.js';
import { localParts, zonedTime } from '../time/zoned-time.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Money counted on the main fee plan from the 1st of the month to the end of `day` (estate time). */
export interface TrendPoint {
  day: number;
  cumulativeFen: number;
}

/**
 * The month's trend for each scope (in order): money counted by the ledger's one rule, day by
 * day from the 1st of `to`'s month (estate time) up to `to`, added up. One query for the estate,
 * each scope a slice of it.
 */
export async function monthTrends(db: Db, estate: { id: number; time_zone: string }, planId: number, scopes: Scope[], to: Date): Promise<TrendPoint[][]> {
  const tz = estate.time_zone;
  const now = localParts(to, tz);
  const from = zonedTime(now.year, now.month, 1, 0, 0, tz);
  const rows = await db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .where('p.fee_plan_id', '=', planId)
    .where('p.estate_id', '=', estate.id)
    .where(sql<boolean>`${COUNTED_AT} >= ${from} and ${COUNTED_AT} < ${to}`)
    .select(['b.id as buildingId', 'b.zone_id as zoneId', sql<number>`extract(day from ${COUNTED_AT} at time zone ${tz})::int`.as('day'), sql<number>`sum(p.amount_fen)::int`.as('fen')])
    .groupBy(['b.id', 'b.zone_id', 'day'])
    .execute();
  return scopes.map((scope) => {
    const byDay = new Array<number>(now.day + 1).fill(0);
    for (const r of rows) {
      if (scope.zoneId !== null && r.zoneId !== scope.zoneId) continue;
      if (scope.buildingId !== null && r.buildingId !== scope.buildingId) continue;
      if (r.day >= 1 && r.day <= now.day) byDay[r.day] += r.fen;
    }
    const points: TrendPoint[] = [];
    let sum = 0;
    for (let day = 1; day <= now.day; day++) {
      sum += byDay[day];
      points.push({ day, cumulativeFen: sum });
    }
    return points;
  });
}
