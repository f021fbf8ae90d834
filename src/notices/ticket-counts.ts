import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Scope } from '../ledger/paid-months.js';

/** Tickets in a scope over a period: opened, resolved, and overdue at its end. */
export interface TicketCounts {
  opened: number;
  resolved: number;
  overdue: number;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Reads the tickets of issue 4 with their own meanings: resolved = a 'resolved' event in the
 * period; overdue = still open past its accept-by time, or accepted past its resolve-by time
 * (as `jobs/list-tickets.ts` marks it).
 */
export async function ticketCounts(db: Db, scope: Scope, from: Date, to: Date): Promise<TicketCounts> {
  const row = await db
    .selectFrom('tickets as t')
    .where('t.estate_id', '=', scope.estateId)
    .$if(scope.zoneId !== null, (q) => q.where('t.zone_id', '=', scope.zoneId!))
    .$if(scope.buildingId !== null, (q) => q.where('t.building_id', '=', scope.buildingId!))
    .select([
      sql<number>`(count(*) filter (where t.created_at >= ${from} and t.created_at < ${to}))::int`.as('opened'),
      sql<number>`(count(*) filter (where exists (select 1 from ticket_events e where e.ticket_id = t.id and e.kind = 'resolved' and e.created_at >= ${from} and e.created_at < ${to})))::int`.as('resolved'),
      sql<number>`(count(*) filter (where (t.status = 'open' and t.accept_due_at <= ${to}) or (t.status = 'accepted' and t.resolve_due_at <= ${to})))::int`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  return { opened: row.opened, resolved: row.resolved, overdue: row.overdue };
}

/** Ticket counts of one place (a ticket's own zone and building) of an estate. */
export interface PlaceTicketCounts extends TicketCounts {
  zoneId: number | null;
  buildingId: number | null;
}

/**
 * `ticketCounts` for a whole estate in one query (index tickets_estate_status), one row per
 * (zone, building) of the tickets: a scope's counts are the sum of the rows in it
 * (`ticketCountsIn`), with the same meanings as `ticketCounts`.
 */
export async function ticketCountsByPlace(db: Db, estateId: number, from: Date, to: Date): Promise<PlaceTicketCounts[]> {
  const rows = await db
    .selectFrom('tickets as t')
    .where('t.estate_id', '=', estateId)
    .select([
      't.zone_id as zoneId',
      't.building_id as buildingId',
      sql<number>`(count(*) filter (where t.created_at >= ${from} and t.created_at < ${to}))::int`.as('opened'),
      sql<number>`(count(*) filter (where exists (select 1 from ticket_events e where e.ticket_id = t.id and e.kind = 'resolved' and e.created_at >= ${from} and e.created_at < ${to})))::int`.as('resolved'),
      sql<number>`(count(*) filter (where (t.status = 'open' and t.accept_due_at <= ${to}) or (t.status = 'accepted' and t.resolve_due_at <= ${to})))::int`.as('overdue'),
    ])
    .groupBy(['t.zone_id', 't.building_id'])
    .execute();
  return rows.map((r) => ({ zoneId: r.zoneId, buildingId: r.buildingId, opened: r.opened, resolved: r.resolved, overdue: r.overdue }));
}

/** The counts of a scope, summed from an estate's `ticketCountsByPlace` (the scope's estate's). */
export function ticketCountsIn(rows: PlaceTicketCounts[], scope: Scope): TicketCounts {
  const out: TicketCounts = { opened: 0, resolved: 0, overdue: 0 };
  for (const r of rows) {
    if (scope.zoneId !== null && r.zoneId !== scope.zoneId) continue;
    if (scope.buildingId !== null && r.buildingId !== scope.buildingId) continue;
    out.opened += r.opened;
    out.resolved += r.resolved;
    out.overdue += r.overdue;
  }
  return out;
}
