import type { Transaction } from 'kysely';
import type { Database, Member } from '../db/database.js';

/** Find or create the member behind a platform user id. */
export async function upsertMember(tx: Transaction<Database>, platform: string, platformUserId: string): Promise<Member> {
  // Nearly every command comes from a known member: one round trip, not two.
  const known = await tx.selectFrom('members').selectAll().where('platform', '=', platform).where('platform_user_id', '=', platformUserId).executeTakeFirst();
  if (known) return known;
  await tx
    .insertInto('members')
    .values({ platform, platform_user_id: platformUserId, display_name: null })
    .onConflict((c) => c.columns(['platform', 'platform_user_id']).doNothing())
    .execute();
  return tx.selectFrom('members').selectAll().where('platform', '=', platform).where('platform_user_id', '=', platformUserId).executeTakeFirstOrThrow();
}
