import { sql } from 'kysely';
import type { MemberNote } from '../src/queue/job-data.js';
import type { WorkerDeps } from './worker-deps.js';

// Longer names are cut: a label, not a biography.
const MAX_NAME = 64;
// Characters that change how text displays (controls, direction overrides) never reach a label.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]/g;

/**
 * The adapter saw a member: a private message means the bot may write to them privately; the
 * display name the platform gave is kept on the member, for staff to read (ticket history) and
 * never to grant anything.
 */
export async function noteMember(data: MemberNote, deps: WorkerDeps): Promise<void> {
  await noteMembers({ items: [data] }, deps);
}

/** The members an adapter saw at the same moment, in one statement (a member noted twice: the later name, private if either was). */
export async function noteMembers(data: { items: MemberNote[] }, deps: WorkerDeps): Promise<void> {
  const byMember = new Map<string, { platform: string; userId: string; name: string | null; isPrivate: boolean }>();
  for (const n of data.items) {
    const key = `${n.platform}\u0000${n.userId}`;
    const name = n.displayName === null ? null : Array.from(n.displayName.replace(INVISIBLE, '').trim()).slice(0, MAX_NAME).join('') || null;
    const was = byMember.get(key);
    byMember.set(key, { platform: n.platform, userId: n.userId, name: name ?? was?.name ?? null, isPrivate: n.isPrivate || (was?.isPrivate ?? false) });
  }
  if (byMember.size === 0) return;
  const now = deps.clock.now();
  await deps.db
    .insertInto('members')
    .values([...byMember.values()].map((m) => ({ platform: m.platform, platform_user_id: m.userId, display_name: m.name, private_chat: m.isPrivate ? 'open' : null, private_chat_at: m.isPrivate ? now : null })))
    .onConflict((c) =>
      c.columns(['platform', 'platform_user_id']).doUpdateSet({
        display_name: sql`coalesce(excluded.display_name, members.display_name)`,
        private_chat: sql`coalesce(excluded.private_chat, members.private_chat)`,
        private_chat_at: sql`case when excluded.private_chat = 'open' then excluded.private_chat_at else members.private_chat_at end`,
      }),
    )
    .execute();
}
