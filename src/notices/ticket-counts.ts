import { type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Scope } from '../ledger/paid-months.js';

/** Tickets in a scope over a period: opened, resolved, and still open past their due time. */
export interface TicketCounts {
  opened: number;
  resolved: number;
  overdue: number;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Seam with tickets (issue 4): reads their `tickets` table. "Resolved this week" is a ticket now
 * resolved or closed whose last change falls in the period (the ticket owner may refine this with
 * its event history); "overdue" is one still open or accepted past its resolve-by time at `to`.
 */
export async function ticketCounts(db: Db, scope: Scope, from: Date, to: Date): Promise<TicketCounts | null> {
  const base = db
    .selectFrom('tickets as t')
    .where('t.estate_id', '=', scope.estateId)
    .$if(scope.zoneId !== null, (q) => q.where('t.zone_id', '=', scope.zoneId!))
    .$if(scope.buildingId !== null, (q) => q.where('t.building_id', '=', scope.buildingId!));
  const row = await base
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere((w) => w.and([w('t.created_at', '>=', from), w('t.created_at', '<', to)])).as('opened'),
      eb.fn
        .countAll<string>()
        .filterWhere((w) => w.and([w('t.status', 'in', ['resolved', 'closed']), w('t.updated_at', '>=', from), w('t.updated_at', '<', to)]))
        .as('resolved'),
      eb.fn
        .countAll<string>()
        .filterWhere((w) => w.and([w('t.status', 'in', ['open', 'accepted']), w('t.resolve_due_at', '<', to), w('t.created_at', '<', to)]))
        .as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  return { opened: Number(row.opened), resolved: Number(row.resolved), overdue: Number(row.overdue) };
}
