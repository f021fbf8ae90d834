import type { Kysely, Transaction } from 'kysely';
import type { Database, FeePlan } from '../db/database.js';

/** The estate's fee plan that claims and collections go to: its first. */
export async function mainFeePlan(db: Kysely<Database> | Transaction<Database>, estateId: number): Promise<FeePlan | null> {
  return (await db.selectFrom('fee_plans').selectAll().where('estate_id', '=', estateId).orderBy('id').executeTakeFirst()) ?? null;
}

/** Most months one payment may cover (10 years). */
export const MAX_MONTHS = 120;

/** Resolve an amount and/or a period against a plan: months and fen, or why not. */
export function monthsFor(plan: FeePlan, amountFen: number | null, months: number | null):
  | { ok: true; months: number; amountFen: number }
  | { ok: false; reason: 'need_amount' | 'not_whole_months' | 'period_mismatch' | 'months_invalid' } {
  if (amountFen === null && months === null) return { ok: false, reason: 'need_amount' };
  if (amountFen !== null) {
    // An amount and a period that disagree (交了一年 30元) is a mistake worth a question, and the
    // question is which of the two is wrong, not whether the amount is whole months.
    if (months !== null && Number.isInteger(months) && months >= 1 && amountFen !== months * plan.amount_fen) return { ok: false, reason: 'period_mismatch' };
    if (amountFen <= 0 || amountFen % plan.amount_fen !== 0) return { ok: false, reason: 'not_whole_months' };
    const m = amountFen / plan.amount_fen;
    if (m > MAX_MONTHS) return { ok: false, reason: 'months_invalid' };
    return { ok: true, months: m, amountFen };
  }
  if (!Number.isInteger(months) || months! < 1 || months! > MAX_MONTHS) return { ok: false, reason: 'months_invalid' };
  return { ok: true, months: months!, amountFen: months! * plan.amount_fen };
}
