import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { TicketCategory } from '../text/ticket-categories.js';

type Db = Kysely<Database> | Transaction<Database>;

/** How long a ticket may wait to be accepted, and to be resolved, in minutes from filing (or reopening). */
export interface SlaRule {
  acceptMinutes: number;
  resolveMinutes: number;
}

const H = 60;
const D = 24 * H;

/**
 * Defaults, where an estate has set nothing in ticket_sla_rules. Safety first: flying-wire
 * charging and blocked fire lanes are fire risks and get minutes to hours; greenery gets days.
 */
export const DEFAULT_SLA: Readonly<Record<TicketCategory, SlaRule>> = Object.freeze({
  flying_wire: { acceptMinutes: 30, resolveMinutes: 4 * H },
  fire_lane: { acceptMinutes: 1 * H, resolveMinutes: 8 * H },
  leak_drain: { acceptMinutes: 2 * H, resolveMinutes: 1 * D },
  lighting_wiring: { acceptMinutes: 2 * H, resolveMinutes: 2 * D },
  security: { acceptMinutes: 2 * H, resolveMinutes: 2 * D },
  environment: { acceptMinutes: 4 * H, resolveMinutes: 2 * D },
  clutter: { acceptMinutes: 4 * H, resolveMinutes: 3 * D },
  noise: { acceptMinutes: 4 * H, resolveMinutes: 3 * D },
  greenery: { acceptMinutes: 1 * D, resolveMinutes: 7 * D },
  other: { acceptMinutes: 1 * D, resolveMinutes: 7 * D },
});

/** The owner is reminded when this share of the time to accept (or resolve) has passed. */
export const REMIND_AT_SHARE = 0.75;

/**
 * The SLA of a category in an estate, as SQL of one row (accept_minutes, resolve_minutes): the
 * estate's own rule, else the default. The one place that rule is written; a new ticket's routing
 * reads it inside its insert (property-routing), `slaFor` on its own.
 */
export function slaRuleSql(estateId: number, category: TicketCategory): RawBuilder<{ accept_minutes: number; resolve_minutes: number }> {
  const d = DEFAULT_SLA[category];
  return sql`
    select coalesce(s.accept_minutes, ${d.acceptMinutes}::int) as accept_minutes, coalesce(s.resolve_minutes, ${d.resolveMinutes}::int) as resolve_minutes
    from (select 1) one left join ticket_sla_rules s on s.estate_id = ${estateId}::int and s.category = ${category}::text`;
}

/** The SLA of a category in an estate (`slaRuleSql`), read on its own. */
export async function slaFor(db: Db, estateId: number, category: TicketCategory): Promise<SlaRule> {
  const { rows } = await slaRuleSql(estateId, category).execute(db);
  return { acceptMinutes: rows[0].accept_minutes, resolveMinutes: rows[0].resolve_minutes };
}

/** Due times of a cycle that starts at `start`. */
export function dueTimes(start: Date, rule: SlaRule): { acceptDueAt: Date; resolveDueAt: Date } {
  return {
    acceptDueAt: new Date(start.getTime() + rule.acceptMinutes * 60_000),
    resolveDueAt: new Date(start.getTime() + rule.resolveMinutes * 60_000),
  };
}

/** When the owner is reminded of a deadline that runs from `start` to `due`. */
export function reminderAt(start: Date, due: Date): Date {
  return new Date(start.getTime() + (due.getTime() - start.getTime()) * REMIND_AT_SHARE);
}
