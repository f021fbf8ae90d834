import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { ChatAddress, Platform } from '../messages/incoming-message.js';
import { notifyAddress } from '../tickets/notify.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Where to tell a member something personal (a reminder, an automatic close): privately where
 * their platform allows, else `fallback` (the chat they started from), else the estate's staff
 * group on their platform. Null: nowhere — a personal nudge is never posted to a residents' group.
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
    .where('is_staff', '=', true)
    .orderBy('id')
    .executeTakeFirst();
  const origin = group ? { platform: group.platform as Platform, chatId: group.chat_id } : null;
  const to = notifyAddress(member, origin ?? { platform: member.platform as Platform, chatId: member.platformUserId });
  // Without a private chat or a staff group, notifyAddress would fall back to the member's own id: nowhere to say it.
  return origin === null && to.chatId === member.platformUserId && to.platform === 'console' ? null : to;
}
