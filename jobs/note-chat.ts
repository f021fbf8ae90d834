import { sql } from 'kysely';
import type { ChatNoteJob } from '../src/queue/job-data.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * A group the bot is in becomes known, with its name, so `linli groups` can show the admin which
 * chat is which before anyone in it has sent a command. Linking stays the admin's decision.
 */
export async function noteChat(data: ChatNoteJob, deps: WorkerDeps): Promise<void> {
  await noteChats({ items: [data] }, deps);
}

/** The groups an adapter saw at the same moment, in one statement (a group noted twice: its later name). */
export async function noteChats(data: { items: ChatNoteJob[] }, deps: WorkerDeps): Promise<void> {
  const byChat = new Map<string, ChatNoteJob>();
  for (const n of data.items) {
    const key = `${n.platform}\u0000${n.chatId}`;
    byChat.set(key, { ...n, title: n.title === null ? (byChat.get(key)?.title ?? null) : n.title.slice(0, 200) });
  }
  if (byChat.size === 0) return;
  await deps.db
    .insertInto('chat_groups')
    .values([...byChat.values()].map((n) => ({ platform: n.platform, chat_id: n.chatId, title: n.title, estate_id: null, zone_id: null, building_id: null, unlinked_notice_at: null })))
    .onConflict((c) =>
      c
        .columns(['platform', 'chat_id'])
        .doUpdateSet({ title: sql`coalesce(excluded.title, chat_groups.title)` })
        .where(sql<boolean>`chat_groups.title is distinct from coalesce(excluded.title, chat_groups.title)`),
    )
    .execute();
}
