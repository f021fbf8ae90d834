import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { isTicketCategory, type TicketCategory } from '../text/ticket-categories.js';

/** How long an offered ticket waits for the member's 是. */
export const OFFER_WINDOW_MS = 10 * 60_000;

/** Where an offer waits: one per member per chat. */
export interface OfferPlace {
  platform: string;
  chatId: string;
  memberId: number;
}

/** Offer a ticket to a member (a newer offer in the same chat replaces the older one). */
export async function saveOffer(tx: Transaction<Database>, at: OfferPlace, offer: { text: string; category: TicketCategory; sourceKey: string }, now: Date): Promise<void> {
  const row = {
    text: offer.text,
    category: offer.category,
    source_key: offer.sourceKey,
    created_at: now,
    expires_at: new Date(now.getTime() + OFFER_WINDOW_MS),
  };
  // Lapsed offers in this chat go as a new one comes: the table holds what can still be taken.
  await tx.deleteFrom('ticket_offers').where('platform', '=', at.platform).where('chat_id', '=', at.chatId).where('expires_at', '<=', now).execute();
  await tx
    .insertInto('ticket_offers')
    .values({ platform: at.platform, chat_id: at.chatId, member_id: at.memberId, ...row })
    .onConflict((c) => c.columns(['platform', 'chat_id', 'member_id']).doUpdateSet(row))
    .execute();
}

/**
 * Take the member's offer in this chat if it has not expired: deleted in the same statement, so
 * two 是 at once file it once (the second finds nothing).
 */
export async function takeOffer(tx: Transaction<Database>, at: OfferPlace, now: Date): Promise<{ text: string; category: TicketCategory } | null> {
  const row = await tx
    .deleteFrom('ticket_offers')
    .where('platform', '=', at.platform)
    .where('chat_id', '=', at.chatId)
    .where('member_id', '=', at.memberId)
    .where('expires_at', '>', now)
    .returning(['text', 'category'])
    .executeTakeFirst();
  if (!row) return null;
  return { text: row.text, category: isTicketCategory(row.category) ? row.category : 'other' };
}

/** True when the platform user has an unexpired offer in this chat: a cheap look before the command frame. */
export async function hasOffer(db: Kysely<Database>, platform: string, chatId: string, platformUserId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('ticket_offers as o')
    .innerJoin('members as m', 'm.id', 'o.member_id')
    .select('o.member_id')
    .where('o.platform', '=', platform)
    .where('o.chat_id', '=', chatId)
    .where('m.platform', '=', platform)
    .where('m.platform_user_id', '=', platformUserId)
    .where('o.expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}
