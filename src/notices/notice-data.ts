import { sql, type Kysely, type Transaction } from 'kysely';
import { COUNTED_AT, CREDIT_FEN, IS_COUNTED } from '../ledger/counted.js';
import type { Database, Estate } from '../db/database.js';
import { currentMonth } from '../time/month.js';
import { balance } from '../ledger/balance.js';
import { mainFeePlan } from '../ledger/fee-plan.js';
import { compareRoomCodes } from '../members/households.js';
import type { Scope } from '../ledger/paid-months.js';
import { otherPlanSummaries, type PlanSummary } from './plan-summaries.js';
import { ticketCountsByPlace, ticketCountsIn, type TicketCounts } from './ticket-counts.js';
import { zonedTime, localParts } from '../time/zoned-time.js';

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
  /** The period's corrections (冲正 / 更正), by room code: the entry corrected and the change. */
  corrections: { room: string; ref: string; fen: number }[];
  weekFen: number;
  yearFen: number;
  /** 'YYYY-MM' of `to` in the estate's zone. */
  month: string;
  overall: Rate;
  zones: { name: string; rate: Rate; buildings: { code: string; rate: Rate }[] }[];
  behindHouseholds: number;
  behindFen: number;
  tickets: TicketCounts;
  /** The estate's other fee plans (after the main one) in scope: sums and counts only. */
  otherPlans?: PlanSummary[];
}

export { countedMoney } from '../ledger/counted-money.js';

/** Is a place (a building, with its zone) inside a scope of its estate? */
function inScope(scope: Scope, zoneId: number | null, buildingId: number | null): boolean {
  return (scope.zoneId === null || zoneId === scope.zoneId) && (scope.buildingId === null || buildingId === scope.buildingId);
}

/**
 * An estate's ledger on its main fee plan, per household, in one statement (narrowed to the
 * estate by payments_estate_created and households_estate_room): counted months as
 * `paidMonthsByHousehold` counts them (collections and corrections at once, claims once
 * confirmed), and counted money as `countedMoney` counts it for the week [from, to) and for the
 * year to date [yearFrom, to), with each household's building and zone so that any scope is a
 * slice. In household room order, as `paidMonthsByHousehold` gives them.
 */
async function estateLedger(db: Db, estateId: number, from: Date, yearFrom: Date, to: Date) {
  const at = COUNTED_AT;
  // The main fee plan (`mainFeePlan`: the estate's first), inline so that this runs alongside it.
  const plan = db.selectFrom('fee_plans').select('id').where('estate_id', '=', estateId).orderBy('id').limit(1);
  return db
    .selectFrom('households as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('payments as p')
          .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
          .where('p.fee_plan_id', '=', plan)
          .where('p.estate_id', '=', estateId)
          .select([
            'p.household_id',
            sql<number>`sum(p.months) filter (where ${IS_COUNTED})`.as('months'),
            sql<number>`sum(${CREDIT_FEN})`.as('credit'),
            sql<number>`sum(p.amount_fen) filter (where ${at} >= ${from} and ${at} < ${to})`.as('week'),
            sql<number>`sum(p.amount_fen) filter (where ${at} >= ${yearFrom} and ${at} < ${to})`.as('year'),
          ])
          .groupBy('p.household_id')
          .as('l'),
      (j) => j.onRef('l.household_id', '=', 'h.id'),
    )
    .where('h.estate_id', '=', estateId)
    .where('b.estate_id', '=', estateId)
    .select([
      'h.room_code as roomCode',
      'b.code as buildingCode',
      'b.id as buildingId',
      'b.zone_id as zoneId',
      sql<number>`coalesce(l.months, 0)::int`.as('paidMonths'),
      sql<number>`coalesce(l.credit, 0)::int`.as('creditFen'),
      sql<number>`coalesce(l.week, 0)::int`.as('week'),
      sql<number>`coalesce(l.year, 0)::int`.as('year'),
    ])
    .orderBy('h.room_code')
    .execute();
}

/** An estate's corrections made in [from, to), oldest first, with where their households are. */
async function estateCorrections(db: Db, estateId: number, from: Date, to: Date) {
  return db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .where('p.estate_id', '=', estateId)
    .where('p.kind', '=', 'correction')
    .where('p.created_at', '>=', from)
    .where('p.created_at', '<', to)
    .select(['h.room_code as room', 'p.corrects_id as correctsId', 'p.amount_fen as fen', 'p.fee_plan_id as planId', 'b.id as buildingId', 'b.zone_id as zoneId'])
    .orderBy('p.id')
    .execute();
}

/** Gather a notice's figures for a group's scope over [from, to). */
export async function loadNoticeData(db: Db, estate: Estate, scope: Scope, from: Date, to: Date, late: boolean): Promise<NoticeData> {
  return (await loadEstateNoticeData(db, estate, [scope], from, to, late))[0];
}

/**
 * The figures of several notices of one estate (one per scope, in order) over [from, to): one
 * set-based query per kind of figure for the whole estate, each scope a slice of it in memory.
 * Each result is what `loadNoticeData` gives for that scope alone.
 */
export async function loadEstateNoticeData(db: Db, estate: Estate, scopes: Scope[], from: Date, to: Date, late: boolean): Promise<NoticeData[]> {
  if (scopes.length === 0) return [];
  const tz = estate.time_zone;
  const month = currentMonth(to, tz);
  const yearFrom = zonedTime(localParts(to, tz).year, 1, 1, 0, 0, tz);
  // One round trip: every kind of figure for the whole estate at once.
  const [plan, zoneRows, buildingRows, tickets, households, corrections] = await Promise.all([
    mainFeePlan(db, estate.id),
    db.selectFrom('zones').select(['id', 'name', 'code']).where('estate_id', '=', estate.id).execute(),
    db.selectFrom('buildings').select(['id', 'code']).where('estate_id', '=', estate.id).execute(),
    ticketCountsByPlace(db, estate.id, from, to),
    estateLedger(db, estate.id, from, yearFrom, to),
    estateCorrections(db, estate.id, from, to),
  ]);
  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));
  const zoneOrder = new Map(zoneRows.map((z) => [z.id, Number(z.code) || 0]));
  const buildingCode = new Map(buildingRows.map((b) => [b.id, b.code]));
  const balances = plan ? households.map((h) => balance(plan, h.paidMonths, month, h.creditFen)) : [];

  const out: NoticeData[] = [];
  for (const scope of scopes) {
    let scopeWords: NoticeData['scope'] = { kind: 'estate' };
    if (scope.buildingId !== null) {
      const code = buildingCode.get(scope.buildingId) ?? (await db.selectFrom('buildings').select('code').where('id', '=', scope.buildingId).executeTakeFirstOrThrow()).code;
      scopeWords = { kind: 'building', code };
    } else if (scope.zoneId !== null) {
      const name = zoneName.get(scope.zoneId) ?? (await db.selectFrom('zones').select('name').where('id', '=', scope.zoneId).executeTakeFirstOrThrow()).name;
      scopeWords = { kind: 'zone', name };
    }
    const base = { estateName: estate.name, scope: scopeWords, from, to, timeZone: tz, late, month, tickets: ticketCountsIn(tickets, scope) };
    if (!plan) {
      out.push({ ...base, planName: null, payments: [], corrections: [], weekFen: 0, yearFen: 0, overall: { paid: 0, total: 0 }, zones: [], behindHouseholds: 0, behindFen: 0 });
      continue;
    }
    const week: { room: string; fen: number }[] = [];
    let yearFen = 0;
    for (const h of households) {
      if (!inScope(scope, h.zoneId, h.buildingId)) continue;
      yearFen += h.year;
      if (h.week !== 0) week.push({ room: h.roomCode, fen: h.week });
    }
    week.sort((a, b) => compareRoomCodes(a.room, b.room));

    const overall: Rate = { paid: 0, total: 0 };
    const byZone = new Map<number | null, { rate: Rate; buildings: Map<string, Rate> }>();
    let behindHouseholds = 0;
    let behindFen = 0;
    for (let i = 0; i < households.length; i++) {
      const h = households[i];
      if (!inScope(scope, h.zoneId, h.buildingId)) continue;
      const bal = balances[i];
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
    out.push({
      ...base,
      planName: plan.name,
      payments: week,
      corrections: corrections
        .filter((c) => c.planId === plan.id && inScope(scope, c.zoneId, c.buildingId))
        .map((c) => ({ room: c.room, ref: `P${c.correctsId}`, fen: c.fen })),
      weekFen: week.reduce((s, r) => s + r.fen, 0),
      yearFen,
      overall,
      zones,
      behindHouseholds,
      behindFen,
      otherPlans: await otherPlanSummaries(db, scope, from, to, month),
    });
  }
  return out;
}
