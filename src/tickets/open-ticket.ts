import type { Transaction } from 'kysely';
import { routeTicket } from './property-routing.js';
import type { Database, Ticket } from '../db/database.js';
import type { ChatAddress } from '../messages/incoming-message.js';
import type { TicketCategory } from '../text/ticket-categories.js';
import type { TicketPlace } from './place.js';
import { addEvent } from './repository.js';
import { dueTimes } from './sla.js';

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

/**
 * Insert a ticket routed to its owner (the property company for its categories, else the zone's
 * grid worker, else the admins) with its due times, its first reporter and its 'filed' event.
 */
export async function openTicket(tx: Transaction<Database>, n: NewTicket): Promise<Ticket> {
  const route = await routeTicket(tx, n.estateId, n.category, n.place.zoneId);
  const due = dueTimes(n.now, route.sla);
  const ticket = await tx
    .insertInto('tickets')
    .values({
      estate_id: n.estateId,
      category: n.category,
      text: n.text,
      status: 'open',
      zone_id: n.place.zoneId,
      building_id: n.place.buildingId,
      owner_member_id: route.ownerMemberId,
      property_company_id: route.propertyCompanyId,
      reporter_member_id: n.reporterId,
      origin_platform: n.origin.platform,
      origin_chat_id: n.origin.chatId,
      cycle_started_at: n.now,
      accept_due_at: due.acceptDueAt,
      resolve_due_at: due.resolveDueAt,
      rating: null,
      source_key: n.sourceKey,
      created_at: n.now,
      updated_at: n.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('ticket_reporters')
    .values({ ticket_id: ticket.id, member_id: n.reporterId, platform: n.origin.platform, chat_id: n.origin.chatId, source_key: n.sourceKey, created_at: n.now })
    .execute();
  await addEvent(tx, ticket.id, 'filed', n.reporterId, n.now, { category: n.category });
  return ticket;
}
