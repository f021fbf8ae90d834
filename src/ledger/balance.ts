import { monthFromIndex, monthIndex } from '../time/month.js';

/** Where a household stands on one fee plan in a given month. */
export interface Balance {
  /** Last month paid for, 'YYYY-MM', or null if nothing was ever paid. */
  through: string | null;
  owedMonths: number;
  owedFen: number;
}

/**
 * Months paid from the plan's start, against months due up to and including `currentMonth`.
 * Credits (补贴, in fen) pay towards the months as money does: a whole month once they add up to
 * one, and what is left of them comes off the amount owed.
 */
export function balance(plan: { start_month: string; amount_fen: number }, paidMonths: number, currentMonth: string, creditFen = 0): Balance {
  const fee = plan.amount_fen;
  const start = monthIndex(plan.start_month);
  const due = Math.max(0, monthIndex(currentMonth) - start + 1);
  const valueFen = paidMonths * fee + Math.max(0, creditFen);
  const covered = Math.floor(valueFen / fee);
  const owedFen = Math.max(0, due * fee - valueFen);
  return {
    through: covered > 0 ? monthFromIndex(start + covered - 1) : null,
    owedMonths: Math.floor((owedFen + fee - 1) / fee),
    owedFen,
  };
}
