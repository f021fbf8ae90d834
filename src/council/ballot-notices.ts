import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { compareRoomCodes } from '../members/households.js';
import type { Vote } from './ballots.js';
import { mayCast, type BindingRelation } from './eligibility.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A member who may cast the ballot of some households in the vote, and where to reach them. */
export interface NoticeRecipient {
  memberId: number;
  platform: string;
  platformUserId: string;
  /** The platform refused a private message to them before (they never opened a chat with the bot). */
  privateClosed: boolean;
  households: { id: number; roomCode: string }[];
}

/** Everyone who may vote in `vote`, with their households (the ballot notice goes to each). */
export async function noticeRecipients(db: Db, vote: Vote): Promise<NoticeRecipient[]> {
  const rows = await db
    .selectFrom('bindings as bi')
    .innerJoin('vote_parts as vp', (j) => j.onRef('vp.household_id', '=', 'bi.household_id').on('vp.vote_id', '=', vote.id))
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .innerJoin('members as m', 'm.id', 'bi.member_id')
    .select(['bi.member_id', 'm.platform', 'm.platform_user_id', 'm.private_chat', 'h.id as household_id', 'h.room_code', 'bi.status', 'bi.relation', 'bi.designated', 'bi.decided_at', 'bi.relation_at'])
    .where('bi.status', '=', 'confirmed')
    .orderBy('bi.member_id')
    .orderBy('h.room_code')
    .execute();
  const byMember = new Map<number, NoticeRecipient>();
  for (const r of rows) {
    if (!mayCast({ status: r.status, relation: r.relation as BindingRelation | null, designated: r.designated, decidedAt: r.decided_at, relationAt: r.relation_at }, vote.kind, vote.opened_at)) continue;
    const m = byMember.get(r.member_id) ?? { memberId: r.member_id, platform: r.platform, platformUserId: r.platform_user_id, privateClosed: r.private_chat === 'closed', households: [] };
    if (!m.households.some((h) => h.id === r.household_id)) m.households.push({ id: r.household_id, roomCode: r.room_code });
    byMember.set(r.member_id, m);
  }
  return [...byMember.values()];
}

/** Record that the ballot notice reached a household by chat (an outbox row) or a staff visit. */
export async function recordNotice(tx: Transaction<Database>, n: { voteId: number; householdId: number; channel: 'chat' | 'visit'; memberId: number; outboxKey: string | null; at: Date }): Promise<void> {
  await tx
    .insertInto('ballot_notices')
    .values({ vote_id: n.voteId, household_id: n.householdId, channel: n.channel, member_id: n.memberId, outbox_key: n.outboxKey, created_at: n.at })
    .onConflict((c) => c.columns(['vote_id', 'household_id', 'channel', 'member_id']).doNothing())
    .execute();
}

/**
 * Households in scope the notice has not reached, by room code: no visit recorded and no chat
 * notice whose outbox row was sent.
 */
export async function unreachedHouseholds(db: Db, voteId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('vote_parts as vp')
    .innerJoin('households as h', 'h.id', 'vp.household_id')
    .select('h.room_code')
    .where('vp.vote_id', '=', voteId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('ballot_notices as bn')
            .leftJoin('outbox as o', 'o.key', 'bn.outbox_key')
            .select('bn.id')
            .whereRef('bn.vote_id', '=', 'vp.vote_id')
            .whereRef('bn.household_id', '=', 'vp.household_id')
            .where((w) => w.or([w('bn.channel', '=', 'visit'), w('o.status', '=', 'sent')])),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.room_code).sort(compareRoomCodes);
}
