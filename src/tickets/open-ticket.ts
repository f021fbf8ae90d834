import { sql, type Transaction } from 'kysely';
import type { Database, Ticket } from '../db/database.js';
import type { ChatAddress } from '../messages/incoming-message.js';
import type { TicketCategory } from '../text/ticket-categories.js';
import { ownerFactsSql, type OwnerFacts } from './describe.js';
import { ownerAudienceSql, type NotifyPerson } from './notify.js';
import type { TicketPlace } from './place.js';
import { routeSql } from './property-routing.js';

/** What a new ticket is: filed from a chat message by a member. */
export interface NewTicket {
  estateId: number;
  category: TicketCategory;
  /** Phone numbers already masked. */
  text: string;
  place: TicketPlace;
  reporterId: number;
  origin: ChatAddress;
  sourceKey: string;
  now: Date;
}

/** A ticket just filed, with what its messages need: its owner's label facts and who is told of it. */
export interface OpenedTicket {
  ticket: Ticket;
  owner: OwnerFacts;
  /** Its owner, or the estate's admins when it has none. */
  audience: NotifyPerson[];
}

/**
 * Insert a ticket routed to its owner (the property company for its categories, else the zone's
 * grid worker, else the admins) with its due times, its first reporter and its 'filed' event, and
 * read what its messages need: one statement, as a filing is a hot path.
 */
export async function openTicket(tx: Transaction<Database>, n: NewTicket): Promise<OpenedTicket> {
  const now = sql`${n.now}::timestamptz`;
  const { rows } = await sql<Ticket & { owner_facts: OwnerFacts; audience: NotifyPerson[] }>`
    with route as (${routeSql(n.estateId, n.category, n.place.zoneId)}),
    t as (
      insert into tickets (estate_id, category, text, status, zone_id, building_id, owner_member_id, property_company_id, reporter_member_id,
        origin_platform, origin_chat_id, cycle_started_at, accept_due_at, resolve_due_at, rating, source_key, created_at, updated_at)
      select ${n.estateId}, ${n.category}, ${n.text}, 'open', ${n.place.zoneId}::int, ${n.place.buildingId}::int, route.owner_member_id,
        route.property_company_id, ${n.reporterId}, ${n.origin.platform}, ${n.origin.chatId}, ${now},
        ${now} + route.accept_minutes * interval '1 minute', ${now} + route.resolve_minutes * interval '1 minute',
        null, ${n.sourceKey}, ${now}, ${now}
      from route
      returning *
    ),
    reporter as (
      insert into ticket_reporters (ticket_id, member_id, platform, chat_id, source_key, created_at)
      select t.id, ${n.reporterId}, ${n.origin.platform}, ${n.origin.chatId}, ${n.sourceKey}, ${now} from t
    ),
    filed as (
      insert into ticket_events (ticket_id, kind, actor_member_id, detail, created_at)
      select t.id, 'filed', ${n.reporterId}, ${JSON.stringify({ category: n.category })}::jsonb, ${now} from t
    )
    select t.*, ${ownerFactsSql('t')} as owner_facts, ${ownerAudienceSql('t')} as audience from t`.execute(tx);
  const { owner_facts, audience, ...ticket } = rows[0];
  return { ticket, owner: owner_facts, audience };
}
