import { sql, type Transaction } from 'kysely';
import type { Database, PaymentKind } from '../db/database.js';

/** A new ledger entry from a command. */
export interface NewLedgerEntry {
  estateId: number;
  householdId: number;
  feePlanId: number;
  kind: PaymentKind;
  amountFen: number;
  months: number;
  method: string | null;
  memberId: number;
  /** The platform message it came from: unique, so a message makes one entry at most. */
  sourceKey: string;
  at: Date;
}

/** Append one entry to the ledger; returns its P-ref number. */
export async function insertPayment(tx: Transaction<Database>, e: NewLedgerEntry): Promise<number> {
  const row = await tx
    .insertInto('payments')
    .values({
      estate_id: e.estateId,
      household_id: e.householdId,
      fee_plan_id: e.feePlanId,
      kind: e.kind,
      amount_fen: e.amountFen,
      months: e.months,
      method: e.method,
      member_id: e.memberId,
      corrects_id: null,
      source_key: e.sourceKey,
      created_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Append a resident's claim unless the same one still waits: the same amount on the same plan for
 * the same household, undecided, since `since`. The check and the insert are one statement; it
 * must run after the household's lock (`lockHousehold`), so its snapshot sees any claim a
 * concurrent transaction committed while this one waited. Returns the new P-ref number, or the
 * waiting one's.
 */
export async function insertClaimUnlessWaiting(tx: Transaction<Database>, e: NewLedgerEntry, since: Date): Promise<{ id: number } | { waitingId: number }> {
  const { rows } = await sql<{ waiting_id: number | null; id: number | null }>`
    with waiting as (
      select p.id from payments p left join payment_decisions d on d.payment_id = p.id
      where p.household_id = ${e.householdId} and p.kind = ${e.kind} and p.fee_plan_id = ${e.feePlanId}
        and p.amount_fen = ${e.amountFen} and d.payment_id is null and p.created_at > ${since}
      order by p.id desc limit 1
    ),
    added as (
      insert into payments (estate_id, household_id, fee_plan_id, kind, amount_fen, months, method, member_id, corrects_id, source_key, created_at)
      select ${e.estateId}, ${e.householdId}, ${e.feePlanId}, ${e.kind}, ${e.amountFen}, ${e.months}, ${e.method}, ${e.memberId}, null, ${e.sourceKey}, ${e.at}
      where not exists (select 1 from waiting)
      returning id
    )
    select (select id from waiting) as waiting_id, (select id from added) as id`.execute(tx);
  const r = rows[0];
  return r.id !== null ? { id: r.id } : { waitingId: r.waiting_id! };
}
