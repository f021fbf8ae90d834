import type { Kysely, Transaction } from 'kysely';
import type { Database, Ticket } from '../db/database.js';
import type { Translator } from '../i18n/translator.js';
import { userText } from '../i18n/user-text.js';
import { isTicketCategory } from '../text/ticket-categories.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The category's words in the reader's language. */
export function categoryLabel(t: Translator['t'], category: string): string {
  return t('ticket_category', { category: isTicketCategory(category) ? category : 'other' });
}

/** Who owns a ticket, as residents may read it: the zone's grid worker (a staff name) or the community. */
export async function ownerLabel(db: Db, t: Translator['t'], ticket: Pick<Ticket, 'owner_member_id' | 'zone_id'> & { property_company_id?: number | null }): Promise<string> {
  if (ticket.property_company_id) {
    const c = await db.selectFrom('property_companies').select('name').where('id', '=', ticket.property_company_id).executeTakeFirst();
    if (c) return t('ticket_owner_property', { company: c.name });
  }
  if (ticket.owner_member_id === null) return t('ticket_owner_admins');
  // The owner's name and, where they are this zone's grid worker, the zone's name: one statement.
  const zoneId = ticket.zone_id ?? -1;
  const m = await db
    .selectFrom('members as m')
    .select((eb) => [
      'm.display_name',
      eb
        .selectFrom('roles as r')
        .innerJoin('zones as z', 'z.id', 'r.zone_id')
        .select('z.name')
        .whereRef('r.member_id', '=', 'm.id')
        .where('r.role', '=', 'grid_worker')
        .where('r.zone_id', '=', zoneId)
        .limit(1)
        .as('zone_name'),
    ])
    .where('m.id', '=', ticket.owner_member_id)
    .executeTakeFirst();
  if (!m?.zone_name) return t('ticket_owner_staff', { name: m?.display_name ?? null });
  return t('ticket_owner_worker', { zone: m.zone_name, name: m.display_name ?? null });
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
