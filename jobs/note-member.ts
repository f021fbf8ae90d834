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
  const name = data.displayName === null ? null : Array.from(data.displayName.replace(INVISIBLE, '').trim()).slice(0, MAX_NAME).join('') || null;
  const now = deps.clock.now();
  await deps.db
    .insertInto('members')
    .values({ platform: data.platform, platform_user_id: data.userId, display_name: name, private_chat: data.isPrivate ? 'open' : null, private_chat_at: data.isPrivate ? now : null })
    .onConflict((c) =>
      c.columns(['platform', 'platform_user_id']).doUpdateSet({
        display_name: sql`coalesce(excluded.display_name, members.display_name)`,
        private_chat: data.isPrivate ? sql`'open'` : sql`members.private_chat`,
        private_chat_at: data.isPrivate ? sql`excluded.private_chat_at` : sql`members.private_chat_at`,
      }),
    )
    .execute();
}
