import type { Kysely, Transaction } from 'kysely';
import type { Database, Ticket } from '../db/database.js';
import type { Translator } from '../i18n/translator.js';
import { isTicketCategory } from './categories.js';

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
  const m = await db.selectFrom('members').select('display_name').where('id', '=', ticket.owner_member_id).executeTakeFirst();
  const worker = await db
    .selectFrom('roles as r')
    .innerJoin('zones as z', 'z.id', 'r.zone_id')
    .select('z.name')
    .where('r.member_id', '=', ticket.owner_member_id)
    .where('r.role', '=', 'grid_worker')
    .where('r.zone_id', '=', ticket.zone_id ?? -1)
    .executeTakeFirst();
  if (!worker) return t('ticket_owner_staff', { name: m?.display_name ?? null });
  return t('ticket_owner_worker', { zone: worker.name, name: m?.display_name ?? null });
}
