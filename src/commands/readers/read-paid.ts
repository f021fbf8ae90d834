import { findRoomCodes } from '../../text/room-code.js';
import type { ArgumentReader } from '../command-row.js';
import { moneyFields, readMoney } from '../money.js';
import { findPlanWord } from '../plan-word.js';
import { restFolded } from '../parse-input.js';
import { command, usageError } from '../parsed-command.js';

/** /paid 60 8-2-301: a payment claim by slash command; every number is the amount. */
export const readPaid: ArgumentReader<'pay'> = (msg, rest) => {
  if (restFolded(msg, rest) === '') return command('pay', {});
  const tail = msg.folded.slice(rest.start);
  const rooms = [...new Set(findRoomCodes(tail).flatMap((r) => (r.room === null ? [] : [r.room])))];
  const room = rooms[0] ?? null;
  if (rooms.length > 1) return usageError('pay', 'one_room_each', { room });
  const plan = findPlanWord(tail)?.word ?? null;
  const { error, ...paid } = moneyFields(readMoney(tail, () => true));
  if (error !== null) return usageError('pay', error, { room, ...paid, plan });
  if (room === null && paid.amountFen === null && paid.months === null) return usageError('pay', 'amount_invalid', { plan });
  return command('pay', { room, ...paid, plan });
};
