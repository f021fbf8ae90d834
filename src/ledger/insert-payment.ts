import type { Transaction } from 'kysely';
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
