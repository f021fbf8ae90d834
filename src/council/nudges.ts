import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { ChatAddress } from '../messages/incoming-message.js';
import { notifyAddress } from '../tickets/notify.js';
import type { NoticeRecipient } from './ballot-notices.js';

/** One private reminder: a voter and the households of theirs not yet voted. */
export interface Nudge {
  memberId: number;
  to: ChatAddress;
  households: { id: number; roomCode: string }[];
}

/**
 * Who to remind of a vote: each member who may vote for a household not yet voted, privately.
 * A member whose platform has no private chat (or who never opened one with the bot) is not reminded (a reminder in the group would put
 * them next to "not yet voted"); their households, and those no voter is bound to, are left for a
 * visit (`visit`), room codes only.
 */
export function planNudges(recipients: readonly NoticeRecipient[], notVoted: readonly { householdId: number; roomCode: string }[], origin: ChatAddress): { nudges: Nudge[]; visit: string[] } {
  const waiting = new Map(notVoted.map((h) => [h.householdId, h.roomCode]));
  const reached = new Set<number>();
  const nudges: Nudge[] = [];
  for (const r of recipients) {
    const mine = r.households.filter((h) => waiting.has(h.id));
    if (mine.length === 0) continue;
    const to = notifyAddress(r, origin);
    // No private chat on the platform, or one the member never opened: a visit instead.
    if (r.privateClosed || to.platform !== r.platform || to.chatId !== r.platformUserId) continue;
    for (const h of mine) reached.add(h.id);
    nudges.push({ memberId: r.memberId, to, households: mine });
  }
  const visit = notVoted.filter((h) => !reached.has(h.householdId)).map((h) => h.roomCode);
  return { nudges, visit };
}

/**
 * Claim today's nudge of a vote: true the first time on a local day, else the time of the one
 * already sent (the primary key (vote, day) decides a race).
 */
export async function claimNudgeDay(tx: Transaction<Database>, n: { voteId: number; day: string; memberId: number; at: Date }): Promise<{ first: true } | { first: false; at: Date }> {
  const row = await tx
    .insertInto('vote_nudges')
    .values({ vote_id: n.voteId, day: n.day, member_id: n.memberId, created_at: n.at })
    .onConflict((c) => c.columns(['vote_id', 'day']).doNothing())
    .returning('vote_id')
    .executeTakeFirst();
  if (row) return { first: true };
  const prior = await tx.selectFrom('vote_nudges').select('created_at').where('vote_id', '=', n.voteId).where('day', '=', n.day).executeTakeFirstOrThrow();
  return { first: false, at: prior.created_at };
}
