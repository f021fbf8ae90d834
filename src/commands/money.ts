import { findRoomCodes } from '../text/room-code.js';
import { findAmounts, findPeriod, type AmountMatch } from './amount.js';
import type { ErrorCode } from './parsed-command.js';

/** A span of text, [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Replaces the given spans with spaces, keeping indices; one pass, so many spans stay cheap. */
export function mask(folded: string, spans: readonly Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(folded.slice(at, from), ' '.repeat(end - from));
    at = end;
  }
  parts.push(folded.slice(at));
  return parts.join('');
}

/** The money a message names: an amount, a period, and where they (and room codes) stand. */
export interface Money {
  amount: AmountMatch | null;
  months: number | null;
  monthsInvalid: boolean;
  spans: Span[];
}

/**
 * Finds the amount and period in folded text with room codes masked. `pickUnmarked` chooses
 * among unmarked numbers (marked ones, 60元 / ¥60, always win).
 */
export function readMoney(folded: string, pickUnmarked: (a: AmountMatch) => boolean): Money {
  const rooms = findRoomCodes(folded);
  let masked = mask(folded, rooms);
  const period = findPeriod(masked);
  const spans: Span[] = [...rooms];
  if (period !== null) {
    masked = mask(masked, [period]);
    spans.push(period);
  }
  const amounts = findAmounts(masked);
  const amount = amounts.find((a) => a.marked) ?? amounts.find(pickUnmarked) ?? null;
  if (amount !== null) spans.push(amount);
  return {
    amount,
    months: period?.months ?? null,
    monthsInvalid: period !== null && period.months === null,
    spans,
  };
}

/** The amountFen and months keys of a command, and the error when either is impossible. */
export function moneyFields(money: Money): { amountFen: number | null; months: number | null; error: ErrorCode | null } {
  const months = money.months;
  if (money.amount !== null && money.amount.fen === null) return { amountFen: null, months, error: 'amount_invalid' };
  const amountFen = money.amount?.fen ?? null;
  return { amountFen, months, error: money.monthsInvalid ? 'months_invalid' : null };
}
