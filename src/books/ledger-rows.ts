import { sql, type Kysely } from 'kysely';
import type { Database, PaymentKind } from '../db/database.js';
import { monthFromIndex, monthIndex } from '../time/month.js';
import { zonedTime } from '../time/zoned-time.js';

/** Which part of an estate's ledger to read: a zone, and months of the estate's calendar ('YYYY-MM'). */
export interface LedgerScope {
  estateId: number;
  timeZone: string;
  zoneId: number | null;
  from: string | null;
  to: string | null;
}

/** One ledger row as the staff's export shows it (the 台账's second sheet). */
export interface LedgerRow {
  ref: string;
  roomCode: string;
  zone: string | null;
  plan: string;
  kind: PaymentKind;
  /** A claim's decision: 'confirmed', 'rejected', or 'pending' while staff have not decided; null for other kinds. */
  status: 'confirmed' | 'rejected' | 'pending' | null;
  amountFen: number;
  months: number;
  at: Date;
  decidedAt: Date | null;
  method: string | null;
  /** Who collected or decided: the sheet's collector for an imported row, else the staff member's display name. */
  collector: string | null;
  corrects: string | null;
  standsFen: number | null;
  standsMonths: number | null;
  note: string | null;
}

/** The instant a month of the estate's calendar starts. */
export function monthStart(ym: string, timeZone: string): Date {
  const [y, m] = ym.split('-').map(Number);
  return zonedTime(y, m, 1, 0, 0, timeZone);
}

/** Every ledger row in scope (a correction included), oldest first: the order they were made in. */
export async function ledgerRows(db: Kysely<Database>, s: LedgerScope): Promise<LedgerRow[]> {
  const rows = await db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('zones as z', 'z.id', 'b.zone_id')
    .innerJoin('fee_plans as f', 'f.id', 'p.fee_plan_id')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .leftJoin('members as m', (j) => j.on(sql<boolean>`m.id = case when p.kind = 'claim' then d.decided_by else p.member_id end`))
    .select([
      'p.id', 'h.room_code', 'z.code as zone', 'f.name as plan', 'p.kind', 'd.decision', 'p.amount_fen', 'p.months', 'p.created_at',
      'd.decided_at', 'p.method', 'p.collector', 'm.display_name', 'p.corrects_id', 'p.stands_fen', 'p.stands_months', 'p.note',
    ])
    .where('p.estate_id', '=', s.estateId)
    .$if(s.zoneId !== null, (q) => q.where('b.zone_id', '=', s.zoneId!))
    .$if(s.from !== null, (q) => q.where('p.created_at', '>=', monthStart(s.from!, s.timeZone)))
    .$if(s.to !== null, (q) => q.where('p.created_at', '<', monthStart(monthFromIndex(monthIndex(s.to!) + 1), s.timeZone)))
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    ref: `P${r.id}`,
    roomCode: r.room_code,
    zone: r.zone,
    plan: r.plan,
    kind: r.kind,
    status: r.kind === 'claim' ? (r.decision ?? 'pending') : null,
    amountFen: r.amount_fen,
    months: r.months,
    at: r.created_at,
    decidedAt: r.decided_at,
    method: r.method,
    collector: r.collector ?? r.display_name,
    corrects: r.corrects_id === null ? null : `P${r.corrects_id}`,
    standsFen: r.stands_fen,
    standsMonths: r.stands_months,
    note: r.note,
  }));
}
