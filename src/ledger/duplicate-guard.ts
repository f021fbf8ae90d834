import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/** How long a collection by the same hand is taken for a double send. */
export const REPEAT_WINDOW_MS = 30 * 60_000;
/** How far back a collection makes a resident's claim for the same room look like the same money. */
export const CLAIM_COLLECTION_WINDOW_MS = 7 * 24 * 3_600_000;

/** What a new collection may repeat: the staff member's own just now, or a claim still waiting. */
export type CollectionDuplicate = { kind: 'collection'; id: number } | { kind: 'claim'; id: number; fen: number };

// Not voided: a collection taken back by a correction to nothing does not make the next one a repeat.
const NOT_VOIDED = sql<boolean>`not exists (select 1 from payments c where c.corrects_id = p.id and c.stands_fen = 0)`;

/**
 * The entry a collection would repeat (issue 12 item 2 and issue 18 item 4): the same room and
 * amount by the same staff member within 30 minutes, or a resident's claim for the room still
 * waiting for a decision. The caller holds the household's lock.
 */
export async function collectionDuplicate(
  tx: Transaction<Database>,
  q: { householdId: number; planId: number; amountFen: number; memberId: number; now: Date },
): Promise<CollectionDuplicate | null> {
  const mine = await tx
    .selectFrom('payments as p')
    .select('p.id')
    .where('p.household_id', '=', q.householdId)
    .where('p.kind', '=', 'collection')
    .where('p.member_id', '=', q.memberId)
    .where('p.amount_fen', '=', q.amountFen)
    .where('p.created_at', '>', new Date(q.now.getTime() - REPEAT_WINDOW_MS))
    .where(NOT_VOIDED)
    .orderBy('p.id', 'desc')
    .executeTakeFirst();
  if (mine) return { kind: 'collection', id: mine.id };
  const claim = await tx
    .selectFrom('payments as p')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .select(['p.id', 'p.amount_fen'])
    .where('p.household_id', '=', q.householdId)
    .where('p.fee_plan_id', '=', q.planId)
    .where('p.kind', '=', 'claim')
    .where('d.payment_id', 'is', null)
    .orderBy('p.id', 'desc')
    .executeTakeFirst();
  return claim ? { kind: 'claim', id: claim.id, fen: claim.amount_fen } : null;
}

/**
 * A collection for a claim's room in the last 7 days: confirming the claim may count the money
 * twice. The query, not run: the confirmation reads it in the statement that books it.
 */
export function claimDuplicateQuery(
  tx: Transaction<Database>,
  q: { householdId: number; planId: number; claimCreatedAt: Date; now: Date },
) {
  const since = new Date(Math.min(q.claimCreatedAt.getTime(), q.now.getTime()) - CLAIM_COLLECTION_WINDOW_MS);
  return tx
    .selectFrom('payments as p')
    .select(['p.id', 'p.amount_fen as fen'])
    .where('p.household_id', '=', q.householdId)
    .where('p.fee_plan_id', '=', q.planId)
    .where('p.kind', '=', 'collection')
    .where('p.created_at', '>', since)
    .where(NOT_VOIDED)
    .orderBy('p.id', 'desc')
    .limit(1);
}
