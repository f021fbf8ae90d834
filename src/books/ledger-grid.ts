import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { balance } from '../ledger/balance.js';
import { paidMonthsByHousehold } from '../ledger/paid-months.js';
import { monthFromIndex, monthIndex } from '../time/month.js';

/** One household on one fee plan, as a grid worker's 台账 shows it. */
export interface GridRow {
  roomCode: string;
  zone: string | null;
  /** The roster's resident name: staff exports only. */
  name: string | null;
  plan: string;
  /** Per month of the sheet: paid, unpaid, or null before the plan started. */
  months: ('paid' | 'unpaid' | null)[];
  through: string | null;
  owedFen: number;
}

/** The 台账 grid: its month columns and one row per household and fee plan. */
export interface LedgerGrid {
  months: string[];
  rows: GridRow[];
}

/**
 * The grid of an estate (or one zone) from `from` to `to` ('YYYY-MM'; by default from the first
 * plan's start to `asOf`): a month is paid when the household's counted months reach it, and
 * arrears are what is owed up to `asOf` (the current month).
 */
export async function ledgerGrid(
  db: Kysely<Database>,
  s: { estateId: number; zoneId: number | null; from: string | null; to: string | null },
  asOf: string,
): Promise<LedgerGrid> {
  const plans = await db.selectFrom('fee_plans').selectAll().where('estate_id', '=', s.estateId).orderBy('id').execute();
  const first = plans.length === 0 ? asOf : plans.map((p) => p.start_month).sort()[0];
  const from = monthIndex(s.from ?? first);
  const to = monthIndex(s.to ?? asOf);
  const months = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => monthFromIndex(from + i));

  const people = await db
    .selectFrom('households as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('zones as z', 'z.id', 'b.zone_id')
    .select(['h.id', 'h.resident_name', 'z.code as zone'])
    .where('h.estate_id', '=', s.estateId)
    .$if(s.zoneId !== null, (q) => q.where('b.zone_id', '=', s.zoneId!))
    .execute();
  const byId = new Map(people.map((p) => [p.id, p]));

  const rows: GridRow[] = [];
  for (const plan of plans) {
    const start = monthIndex(plan.start_month);
    const paid = await paidMonthsByHousehold(db, { estateId: s.estateId, zoneId: s.zoneId, buildingId: null }, plan.id);
    for (const h of paid) {
      const b = balance(plan, h.paidMonths, asOf, h.creditFen);
      const through = b.through === null ? start - 1 : monthIndex(b.through);
      const person = byId.get(h.householdId);
      rows.push({
        roomCode: h.roomCode,
        zone: person?.zone ?? null,
        name: person?.resident_name ?? null,
        plan: plan.name,
        months: months.map((m) => (monthIndex(m) < start ? null : monthIndex(m) <= through ? 'paid' : 'unpaid')),
        through: b.through,
        owedFen: b.owedFen,
      });
    }
  }
  rows.sort((a, b) => compareRooms(a.roomCode, b.roomCode) || a.plan.localeCompare(b.plan));
  return { months, rows };
}

/** Room codes in the order of the buildings: 2-1-101 before 10-1-101. */
export function compareRooms(a: string, b: string): number {
  const x = a.split('-').map(Number);
  const y = b.split('-').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
