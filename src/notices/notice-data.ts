import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Estate } from '../db/database.js';
import { currentMonth } from '../i18n/month.js';
import { balance } from '../ledger/balance.js';
import { mainFeePlan } from '../ledger/fee-plan.js';
import { compareRoomCodes } from '../ledger/households.js';
import { paidMonthsByHousehold, type Scope } from '../ledger/paid-months.js';
import { ticketCounts, type TicketCounts } from './ticket-counts.js';
import { zonedTime, localParts } from './zoned-time.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Paid-up households out of all, for the month. */
export interface Rate {
  paid: number;
  total: number;
}

/** Everything a notice shows, already free of personal data: room codes and sums only. */
export interface NoticeData {
  estateName: string;
  /** Zone or building name when the group covers less than the estate. */
  scope: { kind: 'estate' } | { kind: 'zone'; name: string } | { kind: 'building'; code: string };
  from: Date;
  to: Date;
  timeZone: string;
  late: boolean;
  planName: string | null;
  /** Confirmed this period, one line per room (sums of its payments). */
  payments: { room: string; fen: number }[];
  weekFen: number;
  yearFen: number;
  /** 'YYYY-MM' of `to` in the estate's zone. */
  month: string;
  overall: Rate;
  zones: { name: string; rate: Rate; buildings: { code: string; rate: Rate }[] }[];
  behindHouseholds: number;
  behindFen: number;
  tickets: TicketCounts;
}

/** Counted money (collections and corrections at once, claims once confirmed) in [from, to), in scope. */
export async function countedMoney(db: Db, scope: Scope, planId: number, from: Date, to: Date) {
  return db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .where('p.fee_plan_id', '=', planId)
    .where('h.estate_id', '=', scope.estateId)
    .$if(scope.zoneId !== null, (q) => q.where('b.zone_id', '=', scope.zoneId!))
    .$if(scope.buildingId !== null, (q) => q.where('b.id', '=', scope.buildingId!))
    .where((w) =>
      w.or([
        w.and([w('p.kind', '<>', 'claim'), w('p.created_at', '>=', from), w('p.created_at', '<', to)]),
        w.and([w('p.kind', '=', 'claim'), w('d.decision', '=', 'confirmed'), w('d.decided_at', '>=', from), w('d.decided_at', '<', to)]),
      ]),
    )
    .select(['h.room_code as room', sql<number>`sum(p.amount_fen)::int`.as('fen')])
    .groupBy('h.room_code')
    .execute();
}

/** Gather a notice's figures for a group's scope over [from, to). */
export async function loadNoticeData(db: Db, estate: Estate, scope: Scope, from: Date, to: Date, late: boolean): Promise<NoticeData> {
  const tz = estate.time_zone;
  const plan = await mainFeePlan(db, estate.id);
  const month = currentMonth(to, tz);
  let scopeWords: NoticeData['scope'] = { kind: 'estate' };
  if (scope.buildingId !== null) {
    const b = await db.selectFrom('buildings').select('code').where('id', '=', scope.buildingId).executeTakeFirstOrThrow();
    scopeWords = { kind: 'building', code: b.code };
  } else if (scope.zoneId !== null) {
    const z = await db.selectFrom('zones').select('name').where('id', '=', scope.zoneId).executeTakeFirstOrThrow();
    scopeWords = { kind: 'zone', name: z.name };
  }
  const base = { estateName: estate.name, scope: scopeWords, from, to, timeZone: tz, late, month, tickets: await ticketCounts(db, scope, from, to) };
  if (!plan) {
    return { ...base, planName: null, payments: [], weekFen: 0, yearFen: 0, overall: { paid: 0, total: 0 }, zones: [], behindHouseholds: 0, behindFen: 0 };
  }
  const week = (await countedMoney(db, scope, plan.id, from, to)).filter((r) => r.fen !== 0).sort((a, b) => compareRoomCodes(a.room, b.room));
  const year = localParts(to, tz).year;
  const yearRows = await countedMoney(db, scope, plan.id, zonedTime(year, 1, 1, 0, 0, tz), to);
  const households = await paidMonthsByHousehold(db, scope, plan.id);
  const zoneRows = await db.selectFrom('zones').select(['id', 'name', 'code']).where('estate_id', '=', estate.id).execute();
  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));
  const zoneOrder = new Map(zoneRows.map((z) => [z.id, Number(z.code) || 0]));

  const overall: Rate = { paid: 0, total: 0 };
  const byZone = new Map<number | null, { rate: Rate; buildings: Map<string, Rate> }>();
  let behindHouseholds = 0;
  let behindFen = 0;
  for (const h of households) {
    const bal = balance(plan, h.paidMonths, month);
    const paid = bal.owedMonths === 0 ? 1 : 0;
    if (!paid) {
      behindHouseholds += 1;
      behindFen += bal.owedFen;
    }
    overall.paid += paid;
    overall.total += 1;
    const z = byZone.get(h.zoneId) ?? { rate: { paid: 0, total: 0 }, buildings: new Map<string, Rate>() };
    byZone.set(h.zoneId, z);
    z.rate.paid += paid;
    z.rate.total += 1;
    const b = z.buildings.get(h.buildingCode) ?? { paid: 0, total: 0 };
    z.buildings.set(h.buildingCode, b);
    b.paid += paid;
    b.total += 1;
  }
  const zones = [...byZone.entries()]
    .sort(([a], [b]) => (zoneOrder.get(a ?? -1) ?? 999) - (zoneOrder.get(b ?? -1) ?? 999))
    .map(([id, z]) => ({
      name: id === null ? '' : (zoneName.get(id) ?? ''),
      rate: z.rate,
      buildings: [...z.buildings.entries()].sort(([a], [b]) => compareRoomCodes(a, b)).map(([code, rate]) => ({ code, rate })),
    }));
  return {
    ...base,
    planName: plan.name,
    payments: week,
    weekFen: week.reduce((s, r) => s + r.fen, 0),
    yearFen: yearRows.reduce((s, r) => s + r.fen, 0),
    overall,
    zones,
    behindHouseholds,
    behindFen,
  };
}
