import { sql, type Kysely } from 'kysely';
import type { Locale } from '../commands/locale.js';
import type { Database } from '../db/database.js';
import { translator } from '../i18n/translator.js';
import type { Platform } from '../messages/incoming-message.js';
import { localDayKey } from '../time/zoned-time.js';
import type { OutboundPort } from './outbound-port.js';
import { handOverPending } from './hand-over-pending.js';

/** What became of a private message the platform would not deliver. */
export type Fallback = { pointedTo: string; key: string } | { pointedTo: null };

/**
 * The platform refused a private message because the member never opened a private chat with the
 * bot (Telegram's 403) or is not a friend of its account (WeChat): remember that, and point the
 * member to it from the group they were last seen in, with an @mention and nothing personal (the
 * message itself stays private and failed). At most one such pointer per member and day, so a
 * ticket's several updates do not fill the group. The failed row's reason records the fallback.
 */
export async function fallBackToGroup(
  deps: { db: Kysely<Database>; outbound: OutboundPort },
  failed: { platform: Platform; chatId: string; outboxKey: string; at: Date },
): Promise<Fallback> {
  const outcome = await deps.db.transaction().execute(async (tx): Promise<Fallback> => {
    // A private chat's id is the member's platform user id on both Telegram and WeChat.
    const member = await tx
      .updateTable('members')
      .set({ private_chat: 'closed', private_chat_at: failed.at })
      .where('platform', '=', failed.platform)
      .where('platform_user_id', '=', failed.chatId)
      .returning(['id', 'platform_user_id', 'last_group_id'])
      .executeTakeFirst();
    const group = member?.last_group_id
      ? await tx
          .selectFrom('chat_groups as g')
          .leftJoin('estates as e', 'e.id', 'g.estate_id')
          .select(['g.chat_id', 'e.time_zone', 'e.locale'])
          .where('g.id', '=', member.last_group_id)
          .executeTakeFirst()
      : undefined;
    if (!member || !group) {
      await note(tx, failed.outboxKey, 'private chat not open; no group known to point the member to');
      return { pointedTo: null };
    }
    const tz = group.time_zone ?? 'Asia/Shanghai';
    const key = `fallback-${failed.platform}-m${member.id}-${localDayKey(failed.at, tz)}`;
    await tx
      .insertInto('outbox')
      .values({
        key,
        platform: failed.platform,
        chat_id: group.chat_id,
        text: translator((group.locale ?? 'zh-Hans') as Locale).t('private_fallback'),
        mentions: JSON.stringify([member.platform_user_id]),
        reason: `points to private message ${failed.outboxKey}`.slice(0, 500),
        created_at: failed.at,
      })
      .onConflict((c) => c.column('key').doNothing())
      .execute();
    await note(tx, failed.outboxKey, `private chat not open; member pointed to it in group ${group.chat_id} (${key})`);
    return { pointedTo: group.chat_id, key };
  });
  if (outcome.pointedTo !== null) await handOverPending(deps, { keys: [outcome.key] });
  return outcome;
}

/** Add to the failed row's reason (kept: the platform's own words), once. */
async function note(db: Kysely<Database>, outboxKey: string, reason: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ reason: sql<string>`left(case when position(${reason} in coalesce(reason, '')) > 0 then reason else concat_ws('; ', reason, ${reason}::text) end, 1000)` })
    .where('key', '=', outboxKey)
    .execute();
}
