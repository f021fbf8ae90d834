import type { Kysely, Transaction } from 'kysely';
import type { Database, Ticket } from '../db/database.js';
import type { ChatAddress } from '../messages/incoming-message.js';
import { committeeMembers } from './property-routing.js';
import { estateAdmins, notifyAddress, type NoticeBatch, type NotifyTarget } from './notify.js';
import { memberById, reportersOf } from './repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The chat a ticket was filed from. */
export function originOf(ticket: Pick<Ticket, 'origin_platform' | 'origin_chat_id'>): ChatAddress {
  return { platform: ticket.origin_platform as ChatAddress['platform'], chatId: ticket.origin_chat_id };
}

/** Tell whoever is responsible for a ticket: its owner, or the estate's admins when it has none. */
export async function tellOwner(db: Db, batch: NoticeBatch, ticket: Pick<Ticket, 'owner_member_id' | 'estate_id' | 'origin_platform' | 'origin_chat_id'>, text: string): Promise<void> {
  const people = ticket.owner_member_id === null ? await estateAdmins(db, ticket.estate_id) : [await memberById(db, ticket.owner_member_id)];
  tellPeople(batch, people, ticket, text);
}

/** Tell people already read (a ticket's ownerAudienceSql) about a ticket, each where they can be reached. */
export function tellPeople(batch: NoticeBatch, people: readonly NotifyTarget[], ticket: Pick<Ticket, 'origin_platform' | 'origin_chat_id'>, text: string): void {
  for (const p of people) batch.add(notifyAddress(p, originOf(ticket)), text, [p.platformUserId]);
}

/** Tell the estate's admins. */
export async function tellAdmins(db: Db, batch: NoticeBatch, ticket: Pick<Ticket, 'estate_id' | 'origin_platform' | 'origin_chat_id'>, text: string): Promise<void> {
  for (const p of await estateAdmins(db, ticket.estate_id)) batch.add(notifyAddress(p, originOf(ticket)), text, [p.platformUserId]);
}

/** Tell the estate's property management committee. */
export async function tellCommittee(db: Db, batch: NoticeBatch, ticket: Pick<Ticket, 'estate_id' | 'origin_platform' | 'origin_chat_id'>, text: string): Promise<void> {
  for (const p of await committeeMembers(db, ticket.estate_id)) batch.add(notifyAddress(p, originOf(ticket)), text, [p.platformUserId]);
}

/**
 * Tell a ticket's reporters, each where they can be reached (a group member on the console is
 * told in the chat they reported from). `text(first)` lets the first reporter hear more (the rating prompt).
 */
export async function tellReporters(db: Db, batch: NoticeBatch, ticketId: number, text: (first: boolean) => string): Promise<void> {
  const reporters = await reportersOf(db, ticketId);
  const firstAt = reporters.length > 0 ? notifyAddress(reporters[0], { platform: reporters[0].chatPlatform as ChatAddress['platform'], chatId: reporters[0].chatId }) : null;
  reporters.forEach((r, i) => {
    const to = notifyAddress(r, { platform: r.chatPlatform as ChatAddress['platform'], chatId: r.chatId });
    // In the first reporter's chat, the others are @mentioned on the same words.
    if (i > 0 && firstAt && to.platform === firstAt.platform && to.chatId === firstAt.chatId) batch.add(to, text(true), [r.platformUserId]);
    else batch.add(to, text(i === 0), [r.platformUserId]);
  });
}
