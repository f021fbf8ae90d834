import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Default support threshold: this many households put a proposal on the next meeting's agenda. */
export const DEFAULT_SUPPORT_THRESHOLD = 10;

/** The estate's support threshold. */
export async function supportThreshold(db: Db, estateId: number): Promise<number> {
  const row = await db.selectFrom('council_settings').select('support_threshold').where('estate_id', '=', estateId).executeTakeFirst();
  return row?.support_threshold ?? DEFAULT_SUPPORT_THRESHOLD;
}

/** A proposal of this estate by id. */
export async function findProposal(db: Db, estateId: number, id: number) {
  if (id > 2_147_483_647) return null;
  return (await db.selectFrom('proposals').selectAll().where('id', '=', id).where('estate_id', '=', estateId).executeTakeFirst()) ?? null;
}

/** How many households support a proposal (the proposer's household counts as the first). */
export async function supportCount(db: Db, proposalId: number): Promise<number> {
  const row = await db.selectFrom('proposal_supports').select((eb) => eb.fn.countAll<string>().as('n')).where('proposal_id', '=', proposalId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export type SupportOutcome = { kind: 'supported'; count: number; reached: boolean } | { kind: 'already'; count: number };

/**
 * One support per household: the primary key decides a race. `reached` is true only for the
 * support that first brings the count to the threshold (staff are told once).
 */
export async function addSupport(tx: Transaction<Database>, p: { proposalId: number; householdId: number; memberId: number; sourceKey: string; at: Date; threshold: number }): Promise<SupportOutcome> {
  const inserted = await tx
    .insertInto('proposal_supports')
    .values({ proposal_id: p.proposalId, household_id: p.householdId, member_id: p.memberId, source_key: p.sourceKey, created_at: p.at })
    .onConflict((c) => c.columns(['proposal_id', 'household_id']).doNothing())
    .returning('household_id')
    .executeTakeFirst();
  const count = await supportCount(tx, p.proposalId);
  if (!inserted) return { kind: 'already', count };
  if (count < p.threshold) return { kind: 'supported', count, reached: false };
  const first = await tx
    .updateTable('proposals')
    .set({ threshold_reached_at: p.at })
    .where('id', '=', p.proposalId)
    .where('threshold_reached_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return { kind: 'supported', count, reached: first !== undefined };
}

/** Open proposals that reached the threshold and are on no agenda yet: the next meeting's agenda. */
export async function pendingAgenda(db: Db, estateId: number): Promise<number[]> {
  const rows = await db.selectFrom('proposals').select('id').where('estate_id', '=', estateId).where('status', '=', 'open').where('threshold_reached_at', 'is not', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}
