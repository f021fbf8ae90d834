import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { mayCast, type BindingRelation } from './eligibility.js';
import type { VotesTable } from '../db/tables/council.js';

type Db = Kysely<Database> | Transaction<Database>;
export type Vote = Selectable<VotesTable>;

/** A vote of this estate by id. */
export async function findVote(db: Db, estateId: number, id: number): Promise<Vote | null> {
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  return (await db.selectFrom('votes').selectAll().where('id', '=', id).where('estate_id', '=', estateId).executeTakeFirst()) ?? null;
}

/**
 * A vote about to take a ballot, its row share-locked for the rest of the transaction: the sweep's
 * close (an update) waits for the ballot to commit and then counts it, or the ballot waits for the
 * close and sees the vote closed. Without it a ballot cast just before the deadline on one worker
 * could commit after another worker had counted, and the published result would miss it.
 */
export async function findVoteForBallot(tx: Transaction<Database>, estateId: number, id: number): Promise<Vote | null> {
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  return (await tx.selectFrom('votes').selectAll().where('id', '=', id).where('estate_id', '=', estateId).forShare().executeTakeFirst()) ?? null;
}

/** The households of the vote's scope this member may cast a ballot for (see eligibility.ts). */
export async function castableHouseholds(db: Db, vote: Vote, memberId: number): Promise<{ householdId: number; roomCode: string }[]> {
  const rows = await db
    .selectFrom('bindings as bi')
    .innerJoin('vote_parts as vp', (j) => j.onRef('vp.household_id', '=', 'bi.household_id').on('vp.vote_id', '=', vote.id))
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .select(['bi.household_id', 'h.room_code', 'bi.status', 'bi.relation', 'bi.designated', 'bi.decided_at', 'bi.relation_at'])
    .where('bi.member_id', '=', memberId)
    .where('bi.status', '=', 'confirmed')
    .orderBy('h.room_code')
    .execute();
  const seen = new Set<number>();
  const out: { householdId: number; roomCode: string }[] = [];
  for (const r of rows) {
    const binding = { status: r.status, relation: r.relation as BindingRelation | null, designated: r.designated, decidedAt: r.decided_at, relationAt: r.relation_at };
    if (!mayCast(binding, vote.kind, vote.opened_at) || seen.has(r.household_id)) continue;
    seen.add(r.household_id);
    out.push({ householdId: r.household_id, roomCode: r.room_code });
  }
  return out;
}

/** Does this member hold any confirmed binding in the vote's scope (to tell "not an owner" from "not bound")? */
export async function boundInScope(db: Db, voteId: number, memberId: number): Promise<boolean> {
  const row = await db
    .selectFrom('bindings as bi')
    .innerJoin('vote_parts as vp', (j) => j.onRef('vp.household_id', '=', 'bi.household_id').on('vp.vote_id', '=', voteId))
    .select('bi.id')
    .where('bi.member_id', '=', memberId)
    .where('bi.status', '=', 'confirmed')
    .executeTakeFirst();
  return row !== undefined;
}

/** Append ballots (one per household); a later one replaces the earlier in the count, both stay. Returns the households whose ballot changed. */
export async function castBallots(
  tx: Transaction<Database>,
  b: { voteId: number; householdIds: number[]; choice: string; channel: 'chat' | 'paper'; memberId: number; photoFileId: string | null; sourceKey: string; at: Date },
): Promise<{ householdId: number; previous: string | null }[]> {
  const previous = await latestChoices(tx, b.voteId, b.householdIds);
  await tx
    .insertInto('ballots')
    .values(b.householdIds.map((h) => ({ vote_id: b.voteId, household_id: h, choice: b.choice, channel: b.channel, member_id: b.memberId, photo_file_id: b.photoFileId, source_key: b.sourceKey, cast_at: b.at })))
    .onConflict((c) => c.columns(['source_key', 'household_id']).doNothing())
    .execute();
  return b.householdIds.map((h) => ({ householdId: h, previous: previous.get(h) ?? null }));
}

/** The latest ballot's choice per household. */
export async function latestChoices(db: Db, voteId: number, householdIds: number[]): Promise<Map<number, string>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ballots')
    .select(['household_id', 'choice'])
    .distinctOn('household_id')
    .where('vote_id', '=', voteId)
    .where('household_id', 'in', householdIds)
    .orderBy('household_id')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.household_id, r.choice]));
}
