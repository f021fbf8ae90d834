import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { slaRuleSql } from './sla.js';
import type { TicketCategory } from '../text/ticket-categories.js';
import { membersWithRole } from './notify.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Who a new ticket goes to, and in how many minutes it is due to be accepted and resolved. */
export interface TicketRouteRow {
  owner_member_id: number | null;
  property_company_id: number | null;
  accept_minutes: number;
  resolve_minutes: number;
}

/**
 * Route a new ticket, as SQL of one row (to feed the insert, one statement in all): in an estate
 * with a property-service company, its categories go to the company's first staff member (role
 * `property`; none yet: the admins) with the company's SLA where it has one; everything else to
 * the zone's first grid worker (none: the admins). The SLA otherwise is the estate's rule for the
 * category, else the default (`slaRuleSql`).
 */
export function routeSql(estateId: number, category: TicketCategory, zoneId: number | null): RawBuilder<TicketRouteRow> {
  return sql<TicketRouteRow>`
    select
      case when c.id is null
        then (select r.member_id from roles r where r.estate_id = ${estateId} and r.role = 'grid_worker' and r.zone_id = ${zoneId}::int order by r.id limit 1)
        else (select r.member_id from roles r where r.role = 'property' and r.property_company_id = c.id order by r.id limit 1)
      end as owner_member_id,
      c.id as property_company_id,
      coalesce(c.accept_minutes, s.accept_minutes) as accept_minutes,
      coalesce(c.resolve_minutes, s.resolve_minutes) as resolve_minutes
    from (select 1) one
      left join lateral (
        -- An ended company's categories are the grid's again.
        select p.id, p.accept_minutes, p.resolve_minutes from property_companies p
        where p.estate_id = ${estateId} and p.ended_at is null and p.categories ? ${category}::text
        order by p.id limit 1
      ) c on true
      cross join (${slaRuleSql(estateId, category)}) s`;
}

/** The committee members of an estate (who hear of escalations of the company's tickets). */
export function committeeMembers(db: Db, estateId: number): Promise<{ id: number; platform: string; platformUserId: string }[]> {
  return membersWithRole(db, estateId, 'committee');
}
