import type { Transaction } from 'kysely';
import type { Database, Member } from '../db/database.js';

/**
 * Remember where a member was just seen: a private message means the platform lets the bot write
 * to them privately (Telegram opens the chat when the user writes first); a group message names
 * the group an undeliverable private message is pointed to from. Writes only what changed.
 */
export async function noteSeen(
  tx: Transaction<Database>,
  member: Pick<Member, 'id' | 'private_chat' | 'last_group_id'>,
  seen: { isPrivate: boolean; groupId: number | null },
  now: Date,
): Promise<void> {
  const set: { private_chat?: 'open'; private_chat_at?: Date; last_group_id?: number } = {};
  if (seen.isPrivate && member.private_chat !== 'open') Object.assign(set, { private_chat: 'open', private_chat_at: now });
  if (!seen.isPrivate && seen.groupId !== null && member.last_group_id !== seen.groupId) set.last_group_id = seen.groupId;
  if (Object.keys(set).length > 0) await tx.updateTable('members').set(set).where('id', '=', member.id).execute();
}
