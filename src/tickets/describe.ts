import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database, Ticket } from '../db/database.js';
import type { Translator } from '../i18n/translator.js';
import { userText } from '../i18n/user-text.js';
import { isTicketCategory } from '../text/ticket-categories.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The category's words in the reader's language. */
export function categoryLabel(t: Translator['t'], category: string): string {
  return t('ticket_category', { category: isTicketCategory(category) ? category : 'other' });
}

type OwnerOf = Pick<Ticket, 'owner_member_id' | 'zone_id'> & { property_company_id?: number | null };

/** What a ticket's owner label is made of: the company's name, the owner's name and, where they are its zone's grid worker, the zone's. */
export interface OwnerFacts {
  company: string | null;
  name: string | null;
  zone: string | null;
}

/** The OwnerFacts of the ticket row under `alias`, as SQL (to ride along a statement that has the row). */
export function ownerFactsSql(alias: string): RawBuilder<OwnerFacts> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<OwnerFacts>`jsonb_build_object(
    'company', (select c.name from property_companies c where c.id = ${col('property_company_id')}),
    'name', (select m.display_name from members m where m.id = ${col('owner_member_id')}),
    'zone', (
      select z.name from roles r join zones z on z.id = r.zone_id
      where r.member_id = ${col('owner_member_id')} and r.role = 'grid_worker' and r.zone_id = coalesce(${col('zone_id')}, -1)
      limit 1
    )
  )`;
}

/** Who owns a ticket, as residents may read it, from its OwnerFacts: the company, the zone's grid worker (a staff name), or the community. */
export function ownerLabelOf(t: Translator['t'], ticket: OwnerOf, facts: OwnerFacts): string {
  if (ticket.property_company_id && facts.company !== null) return t('ticket_owner_property', { company: facts.company });
  if (ticket.owner_member_id === null) return t('ticket_owner_admins');
  if (!facts.zone) return t('ticket_owner_staff', { name: facts.name });
  return t('ticket_owner_worker', { zone: facts.zone, name: facts.name });
}

/** Who owns a ticket, as residents may read it (ownerLabelOf), its facts read in one statement where any are needed. */
export async function ownerLabel(db: Db, t: Translator['t'], ticket: OwnerOf): Promise<string> {
  if (!ticket.property_company_id && ticket.owner_member_id === null) return t('ticket_owner_admins');
  const { rows } = await sql<{ facts: OwnerFacts }>`
    select ${ownerFactsSql('t')} as facts
    from (select ${ticket.property_company_id ?? null}::int as property_company_id, ${ticket.owner_member_id}::int as owner_member_id, ${ticket.zone_id}::int as zone_id) t`.execute(db);
  return ownerLabelOf(t, ticket, rows[0].facts);
}

/** The staff role a history step is labelled with. */
export type StaffLabelRole = 'grid_worker' | 'admin' | 'property';

// A member with several roles is labelled by the most specific one: the grid worker on the ground.
const LABEL_ORDER: readonly string[] = ['grid_worker', 'property', 'admin'];

/** The label role of each staff member of an estate (members without one are residents). */
export async function staffLabelRoles(db: Db, estateId: number): Promise<Map<number, StaffLabelRole>> {
  const rows = await db.selectFrom('roles').select(['member_id', 'role']).where('estate_id', '=', estateId).execute();
  const out = new Map<number, StaffLabelRole>();
  for (const r of rows) {
    const rank = LABEL_ORDER.indexOf(r.role);
    if (rank < 0) continue;
    const held = out.get(r.member_id);
    if (held === undefined || rank < LABEL_ORDER.indexOf(held)) out.set(r.member_id, r.role as StaffLabelRole);
  }
  return out;
}

/**
 * Who did a step of a ticket's history, as this reader may see it: staff by their role (网格员 /
 * 社区 / 物业) and, for staff readers only, with the display name the platform gave; residents are
 * never named; no one is the system.
 */
export function actorLabel(
  t: Translator['t'],
  actor: { memberId: number | null; displayName: string | null },
  roles: Map<number, StaffLabelRole>,
  readerIsStaff: boolean,
): string {
  if (actor.memberId === null) return t('ticket_actor_system');
  const role = roles.get(actor.memberId);
  if (!role) return t('ticket_actor_resident');
  const name = readerIsStaff && actor.displayName ? userText(actor.displayName, 32) : null;
  return t('ticket_actor_staff', { role, name });
}
