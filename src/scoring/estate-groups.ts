import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { ChatAddress, Platform } from '../messages/incoming-message.js';

/** Every group chat linked to an estate (at any scope): where a month's result is posted. */
export async function estateGroups(db: Kysely<Database> | Transaction<Database>, estateId: number): Promise<ChatAddress[]> {
  const rows = await db.selectFrom('chat_groups').select(['platform', 'chat_id']).where('estate_id', '=', estateId).orderBy('id').execute();
  return rows.map((r) => ({ platform: r.platform as Platform, chatId: r.chat_id }));
}
