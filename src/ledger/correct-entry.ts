import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { correctionOf, counts, standing, type LedgerEntry } from './ledger-entry.js';

/** What a correction sets an entry's chain to: nothing (a void) or another sum. */
export type CorrectionTarget = { kind: 'void' } | { kind: 'amend'; fen: number; months: number };

/** A correction that went in, with the sums before and after. */
export interface Correction {
  ok: true;
  id: number;
  /** Voiding a correction undoes it: the chain goes back to what it stood at before. */
  restored: boolean;
  before: { fen: number; months: number };
  after: { fen: number; months: number };
}

/** Why an entry cannot be corrected. */
export type CorrectionRefusal =
  | { ok: false; reason: 'pending_claim' | 'rejected_claim' | 'unchanged' }
  | { ok: false; reason: 'already_void' | 'already_corrected'; by: number };

/**
 * Append a correction of `entry`: a new row whose amount and months are the change (so every
 * sum over the ledger stays a plain sum) and whose stands_* say what the chain is worth after
 * it. The original is never touched. Voiding a correction restores what it replaced; a second
 * correction of the same row is refused (and cannot race in: payments_one_correction). The
 * caller holds the household's lock.
 */
export async function correctEntry(
  tx: Transaction<Database>,
  entry: LedgerEntry,
  target: CorrectionTarget,
  by: { estateId: number; memberId: number; note: string | null; sourceKey: string; at: Date },
): Promise<Correction | CorrectionRefusal> {
  if (entry.kind === 'claim' && entry.decision === null) return { ok: false, reason: 'pending_claim' };
  if (!counts(entry)) return { ok: false, reason: 'rejected_claim' };
  const prior = await correctionOf(tx, entry.id);
  if (prior) return { ok: false, reason: prior.standsFen === 0 ? 'already_void' : 'already_corrected', by: prior.id };

  const before = standing(entry);
  let after: { fen: number; months: number };
  let restored = false;
  if (target.kind === 'void') {
    // Voiding an original takes it to nothing; voiding a correction takes back its change.
    restored = entry.kind === 'correction';
    after = restored ? { fen: before.fen - entry.amountFen, months: before.months - entry.months } : { fen: 0, months: 0 };
  } else {
    after = { fen: target.fen, months: target.months };
  }
  if (after.fen === before.fen && after.months === before.months) return { ok: false, reason: 'unchanged' };

  const row = await tx
    .insertInto('payments')
    .values({
      estate_id: by.estateId,
      household_id: entry.householdId,
      fee_plan_id: entry.feePlanId,
      kind: 'correction',
      amount_fen: after.fen - before.fen,
      months: after.months - before.months,
      method: null,
      member_id: by.memberId,
      corrects_id: entry.id,
      stands_fen: after.fen,
      stands_months: after.months,
      note: by.note,
      source_key: by.sourceKey,
      created_at: by.at,
    })
    .onConflict((c) => c.column('corrects_id').where('corrects_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const won = (await correctionOf(tx, entry.id))!;
    return { ok: false, reason: won.standsFen === 0 ? 'already_void' : 'already_corrected', by: won.id };
  }
  return { ok: true, id: row.id, restored, before, after };
}
