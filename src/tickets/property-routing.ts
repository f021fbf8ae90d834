import type { Kysely, Transaction } from 'kysely';
import type { Database, PropertyCompany } from '../db/database.js';
import { slaFor, type SlaRule } from './sla.js';
import type { TicketCategory } from '../text/ticket-categories.js';
import { membersWithRole } from './notify.js';
import { zoneGridWorker } from './repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Who a new ticket goes to, and by when. */
export interface TicketRoute {
  ownerMemberId: number | null;
  propertyCompanyId: number | null;
  sla: SlaRule;
}

/** The property-service company that serves a category in an estate; null where none does. */
export async function propertyCompanyFor(db: Db, estateId: number, category: string): Promise<PropertyCompany | null> {
  // An ended company's categories are the grid's again.
  const rows = await db.selectFrom('property_companies').selectAll().where('estate_id', '=', estateId).where('ended_at', 'is', null).orderBy('id').execute();
  return rows.find((c) => c.categories.includes(category)) ?? null;
}

/** The company's first staff member (role `property`), who owns its tickets; null: none yet. */
export async function propertyStaff(db: Db, companyId: number): Promise<number | null> {
  const row = await db.selectFrom('roles').select('member_id').where('role', '=', 'property').where('property_company_id', '=', companyId).orderBy('id').executeTakeFirst();
  return row?.member_id ?? null;
}

/**
 * Route a new ticket: in an estate with a property-service company, its categories go to the
 * company's staff with the company's SLA (where it has one); everything else to the zone's
 * grid worker (or the admins) with the estate's SLA for the category.
 */
export async function routeTicket(db: Db, estateId: number, category: TicketCategory, zoneId: number | null): Promise<TicketRoute> {
  const base = await slaFor(db, estateId, category);
  const company = await propertyCompanyFor(db, estateId, category);
  if (company === null) return { ownerMemberId: await zoneGridWorker(db, estateId, zoneId), propertyCompanyId: null, sla: base };
  return {
    ownerMemberId: await propertyStaff(db, company.id),
    propertyCompanyId: company.id,
    sla: { acceptMinutes: company.accept_minutes ?? base.acceptMinutes, resolveMinutes: company.resolve_minutes ?? base.resolveMinutes },
  };
}

/** The committee members of an estate (who hear of escalations of the company's tickets). */
export function committeeMembers(db: Db, estateId: number): Promise<{ id: number; platform: string; platformUserId: string }[]> {
  return membersWithRole(db, estateId, 'committee');
}
