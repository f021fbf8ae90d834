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
      sql<string>`count(*) filter (where t.created_at >= ${from} and t.created_at < ${to})`.as('opened'),
      sql<string>`count(*) filter (where exists (select 1 from ticket_events e where e.ticket_id = t.id and e.kind = 'resolved' and e.created_at >= ${from} and e.created_at < ${to}))`.as('resolved'),
      sql<string>`count(*) filter (where (t.status = 'open' and t.accept_due_at <= ${to}) or (t.status = 'accepted' and t.resolve_due_at <= ${to}))`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  return { opened: Number(row.opened), resolved: Number(row.resolved), overdue: Number(row.overdue) };
}
