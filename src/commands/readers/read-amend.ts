import type { ArgumentReader } from '../command-row.js';
import { mask, moneyFields, readMoney } from '../money.js';
import { withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';
import { readRef } from './read-ref.js';

/** 更正 P12 30 (多记了): the entry, the amount it should have been, and an optional reason. */
export const readAmend: ArgumentReader<'amend'> = (msg, rest, how) => {
  const read = readRef(msg, rest, how, 'P');
  if (read === null || 'error' in read) return read;
  // Money is read after the ref only: the 12 of P12 is not an amount.
  const tail = msg.folded.slice(read.end);
  const money = readMoney(tail, () => true);
  const { error, ...paid } = moneyFields(money);
  if (error !== null) return usageError('amend', error, { ref: read.ref, ...paid });
  if (paid.amountFen === null && paid.months === null) return usageError('amend', 'amount_required', { ref: read.ref });
  const note = mask(msg.clean.slice(read.end), money.spans)
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.，。、:：元块]+|[\s,.，。、:：]+$/g, '');
  return withText('amend', { ref: read.ref, ...paid, text: note === '' ? null : note });
};
