import type { Selectable, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { supportCount } from './proposals.js';
import type { ProposalsTable } from '../db/tables/council.js';

export type Proposal = Selectable<ProposalsTable>;

/** Statuses staff may still merge or decline: the proposal has not been decided, merged or declined. */
export const REVIEWABLE: readonly Proposal['status'][] = ['open', 'agenda'];

/** Proposals of this estate by id, row-locked in id order (two merges in opposite directions cannot deadlock). */
export async function lockProposals(tx: Transaction<Database>, estateId: number, ids: number[]): Promise<Map<number, Proposal>> {
  const wanted = ids.filter((id) => Number.isSafeInteger(id) && id <= 2_147_483_647);
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom('proposals').selectAll().where('estate_id', '=', estateId).where('id', 'in', wanted).orderBy('id').forUpdate().execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export interface MergeOutcome {
  /** Households whose support was carried over (those that had not supported the target already). */
  carried: number;
  /** The target's supports after the merge. */
  count: number;
  /** The merge first brought the target to the threshold (staff are told once). */
  reached: boolean;
}

/**
 * Merge a duplicate into another proposal: its supports are carried over, one per household (a
 * household that supported both counts once), it is marked merged, and the target reaches the
 * threshold if the carried supports bring it there. The duplicate's own supports stay as they were.
 */
export async function mergeProposal(tx: Transaction<Database>, m: { fromId: number; intoId: number; sourceKey: string; at: Date; threshold: number }): Promise<MergeOutcome> {
  const before = await supportCount(tx, m.intoId);
  const supports = await tx.selectFrom('proposal_supports').select(['household_id', 'member_id']).where('proposal_id', '=', m.fromId).execute();
  if (supports.length > 0) {
    await tx
      .insertInto('proposal_supports')
      .values(supports.map((s) => ({ proposal_id: m.intoId, household_id: s.household_id, member_id: s.member_id, source_key: m.sourceKey, created_at: m.at })))
      .onConflict((c) => c.columns(['proposal_id', 'household_id']).doNothing())
      .execute();
  }
  await tx.updateTable('proposals').set({ status: 'merged', merged_into: m.intoId }).where('id', '=', m.fromId).execute();
  const count = await supportCount(tx, m.intoId);
  let reached = false;
  if (count >= m.threshold) {
    const first = await tx.updateTable('proposals').set({ threshold_reached_at: m.at }).where('id', '=', m.intoId).where('threshold_reached_at', 'is', null).returning('id').executeTakeFirst();
    reached = first !== undefined;
  }
  return { carried: count - before, count, reached };
}

/** Decline a proposal with the reason its proposer is told. */
export async function declineProposal(tx: Transaction<Database>, id: number, reason: string): Promise<void> {
  await tx.updateTable('proposals').set({ status: 'declined', reason }).where('id', '=', id).execute();
}
