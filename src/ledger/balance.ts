import { monthFromIndex, monthIndex } from '../time/month.js';

/** Where a household stands on one fee plan in a given month. */
export interface Balance {
  /** Last month paid for, 'YYYY-MM', or null if nothing was ever paid. */
  through: string | null;
  owedMonths: number;
  owedFen: number;
}

/** Months paid from the plan's start, against months due up to and including `currentMonth`. */
export function balance(plan: { start_month: string; amount_fen: number }, paidMonths: number, currentMonth: string): Balance {
  const start = monthIndex(plan.start_month);
  const due = Math.max(0, monthIndex(currentMonth) - start + 1);
  const owedMonths = Math.max(0, due - paidMonths);
  return {
    through: paidMonths > 0 ? monthFromIndex(start + paidMonths - 1) : null,
    owedMonths,
    owedFen: owedMonths * plan.amount_fen,
  };
}
