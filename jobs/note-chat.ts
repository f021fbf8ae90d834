import { sql } from 'kysely';
import type { JobData } from '../src/queue/job-data.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * A group the bot is in becomes known, with its name, so `linli groups` can show the admin which
 * chat is which before anyone in it has sent a command. Linking stays the admin's decision.
 */
export async function noteChat(data: JobData['note-chat'], deps: WorkerDeps): Promise<void> {
  const title = data.title === null ? null : data.title.slice(0, 200);
  await deps.db
    .insertInto('chat_groups')
    .values({ platform: data.platform, chat_id: data.chatId, title, estate_id: null, zone_id: null, building_id: null, unlinked_notice_at: null })
    .onConflict((c) =>
      c
        .columns(['platform', 'chat_id'])
        .doUpdateSet({ title: sql`coalesce(excluded.title, chat_groups.title)` })
        .where(sql<boolean>`chat_groups.title is distinct from coalesce(excluded.title, chat_groups.title)`),
    )
    .execute();
}
