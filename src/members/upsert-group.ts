import type { Transaction } from 'kysely';
import type { ChatGroup, Database } from '../db/database.js';

/** Find or create the chat group a message came from. */
export async function upsertGroup(tx: Transaction<Database>, platform: string, chatId: string): Promise<ChatGroup> {
  const known = await tx.selectFrom('chat_groups').selectAll().where('platform', '=', platform).where('chat_id', '=', chatId).executeTakeFirst();
  if (known) return known;
  await tx
    .insertInto('chat_groups')
    .values({ platform, chat_id: chatId, title: null, estate_id: null, zone_id: null, building_id: null, unlinked_notice_at: null })
    .onConflict((c) => c.columns(['platform', 'chat_id']).doNothing())
    .execute();
  return tx.selectFrom('chat_groups').selectAll().where('platform', '=', platform).where('chat_id', '=', chatId).executeTakeFirstOrThrow();
}
