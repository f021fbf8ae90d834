import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Translator } from '../i18n/translator.js';
import { estatePlans } from '../ledger/estate-plans.js';
import { countedMoney } from './notice-data.js';
import { ticketCounts, type TicketCounts } from './ticket-counts.js';

type Db = Kysely<Database> | Transaction<Database>;

/** One zone's day for its grid worker. */
export interface TallyData {
  zone: string;
  day: string;
  received: number;
  confirmed: number;
  rejected: number;
  collected: number;
  /** Claims still undecided 48 hours after they came in. */
  waiting: number;
  fen: number;
  /** The day's money by plan, where the estate has more than one (else empty). */
  byPlan: { plan: string; fen: number }[];
  /** Corrections made that day, and the money they changed. */
  corrected: number;
  correctedFen: number;
  tickets: TicketCounts;
}

/** Gather a zone's figures for [from, to). */
export async function loadTallyData(db: Db, estateId: number, zone: { id: number; name: string }, day: string, from: Date, to: Date): Promise<TallyData> {
  const scope = { estateId, zoneId: zone.id, buildingId: null };
  const inZone = db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .where('p.estate_id', '=', estateId)
    .where('b.zone_id', '=', zone.id);
  const waitingSince = new Date(to.getTime() - 48 * 3_600_000);
  const row = await inZone
    .select([
      sql<number>`(count(*) filter (where p.kind = 'claim' and p.created_at >= ${from} and p.created_at < ${to}))::int`.as('received'),
      sql<number>`(count(*) filter (where d.decision = 'confirmed' and d.decided_at >= ${from} and d.decided_at < ${to}))::int`.as('confirmed'),
      sql<number>`(count(*) filter (where d.decision = 'rejected' and d.decided_at >= ${from} and d.decided_at < ${to}))::int`.as('rejected'),
      sql<number>`(count(*) filter (where p.kind = 'collection' and p.created_at >= ${from} and p.created_at < ${to}))::int`.as('collected'),
      sql<number>`(count(*) filter (where p.kind = 'claim' and d.payment_id is null and p.created_at < ${waitingSince}))::int`.as('waiting'),
      sql<number>`(count(*) filter (where p.kind = 'correction' and p.created_at >= ${from} and p.created_at < ${to}))::int`.as('corrected'),
      sql<number>`coalesce(sum(p.amount_fen) filter (where p.kind = 'correction' and p.created_at >= ${from} and p.created_at < ${to}), 0)::int`.as('correctedFen'),
    ])
    .executeTakeFirstOrThrow();
  const plans = await estatePlans(db, estateId);
  const byPlan: { plan: string; fen: number }[] = [];
  for (const plan of plans) {
    const money = await countedMoney(db, scope, plan.id, from, to);
    byPlan.push({ plan: plan.name, fen: money.reduce((s, r) => s + r.fen, 0) });
  }
  const tickets = await ticketCounts(db, scope, from, to);
  return {
    zone: zone.name,
    day,
    received: row.received,
    confirmed: row.confirmed,
    rejected: row.rejected,
    collected: row.collected,
    waiting: row.waiting,
    corrected: row.corrected,
    correctedFen: row.correctedFen,
    fen: byPlan.reduce((s, r) => s + r.fen, 0),
    byPlan: byPlan.length > 1 ? byPlan : [],
    tickets,
  };
}

/** The tally as text: counts and sums, no names. */
export function buildTally(d: TallyData, t: Translator['t']): string {
  const lines = [t('tally_title', { zone: d.zone, day: d.day }), t('tally_body', d)];
  if (d.byPlan.length > 0) lines.push(t('tally_by_plan', { items: d.byPlan.map((p) => t('plan_sum', p)) }));
  if (d.corrected > 0) lines.push(t('tally_corrections', { n: d.corrected, fen: d.correctedFen }));
  if (d.tickets) lines.push(t('tally_tickets', d.tickets));
  return lines.join('\n');
}
