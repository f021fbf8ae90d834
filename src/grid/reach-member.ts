import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { ChatAddress, Platform } from '../messages/incoming-message.js';
import { notifyAddress } from '../tickets/notify.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Where to tell a member something personal (a reminder, an automatic close): privately where
 * their platform allows, else `fallback`, else the estate's staff group on their platform,
 * else the estate's first group there (the console has only its one group). Null: nowhere.
 */
export async function reachMember(
  db: Db,
  member: { platform: string; platformUserId: string },
  estateId: number,
  fallback: ChatAddress | null = null,
): Promise<ChatAddress | null> {
  if (fallback !== null) return notifyAddress(member, fallback);
  const group = await db
    .selectFrom('chat_groups')
    .select(['platform', 'chat_id'])
    .where('estate_id', '=', estateId)
    .where('platform', '=', member.platform)
    .orderBy('is_staff', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  const origin = group ? { platform: group.platform as Platform, chatId: group.chat_id } : null;
  if (origin === null) return notifyAddress(member, { platform: member.platform as Platform, chatId: member.platformUserId });
  return notifyAddress(member, origin);
}
