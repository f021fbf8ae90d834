import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { ScoringAppealsTable } from '../db/tables/scoring.js';

type Db = Kysely<Database> | Transaction<Database>;

/** An appeal (A-ref) against a unit's published month. */
export type Appeal = Selectable<ScoringAppealsTable>;

/** Record an appeal once per message; returns it (the earlier one on a redelivery). */
export async function fileAppeal(
  tx: Transaction<Database>,
  a: { roundId: number; unitId: number; memberId: number; householdId: number; text: string; platform: string; chatId: string; sourceKey: string; now: Date },
): Promise<Appeal> {
  await tx
    .insertInto('scoring_appeals')
    .values({ round_id: a.roundId, unit_id: a.unitId, member_id: a.memberId, household_id: a.householdId, text: a.text, origin_platform: a.platform, origin_chat_id: a.chatId, source_key: a.sourceKey, created_at: a.now })
    .onConflict((c) => c.column('source_key').doNothing())
    .execute();
  return tx.selectFrom('scoring_appeals').selectAll().where('source_key', '=', a.sourceKey).executeTakeFirstOrThrow();
}

/** An appeal of an estate by number. */
export async function appealOf(db: Db, estateId: number, id: number): Promise<(Appeal & { month: string }) | null> {
  const row = await db
    .selectFrom('scoring_appeals as a')
    .innerJoin('scoring_rounds as r', 'r.id', 'a.round_id')
    .selectAll('a')
    .select('r.month')
    .where('a.id', '=', id)
    .where('r.estate_id', '=', estateId)
    .executeTakeFirst();
  return row ?? null;
}

/** True while the unit has an appeal the panel has not decided: its scores and evidence may still change. */
export async function hasOpenAppeal(db: Db, roundId: number, unitId: number): Promise<boolean> {
  const row = await db.selectFrom('scoring_appeals').select('id').where('round_id', '=', roundId).where('unit_id', '=', unitId).where('status', '=', 'open').executeTakeFirst();
  return row !== undefined;
}

/** Record the panel's outcome of an appeal (once: a decided appeal stays decided). Returns false if it was decided already. */
export async function decideAppeal(tx: Transaction<Database>, id: number, status: 'upheld' | 'changed', reason: string, memberId: number, now: Date): Promise<boolean> {
  const row = await tx
    .updateTable('scoring_appeals')
    .set({ status, reason, decided_by: memberId, decided_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
