import { findRoomCode } from '../../text/room-code.js';
import type { ArgumentReader } from '../command-row.js';
import { mask, moneyFields, readMoney } from '../money.js';
import { restFolded, withText } from '../parse-input.js';
import { command, usageError } from '../parsed-command.js';

const PAYMENT_METHODS: readonly [string, string][] = [
  ['银行转账', '银行转账'], ['现金', '现金'], ['微信', '微信'], ['支付宝', '支付宝'],
  ['转账', '转账'], ['银行卡', '银行卡'], ['刷卡', '刷卡'], ['扫码', '扫码'], ['云闪付', '云闪付'],
  ['cash', '现金'], ['wechat', '微信'], ['alipay', '支付宝'], ['transfer', '转账'],
];

/** 收费 8-2-301 60 现金: a room, an amount or period, and how it was paid. */
export const readCollect: ArgumentReader<'collect'> = (msg, rest, how) => {
  const tail = msg.folded.slice(rest.start);
  const found = findRoomCode(tail);
  if (found === null || found.room === null) {
    if (found !== null) return usageError('collect', 'room_invalid');
    const folded = restFolded(msg, rest);
    if (rest.slash) return usageError('collect', folded === '' ? 'room_required' : 'room_invalid');
    if (!how.bare) return null;
    if (folded === '' || /^\d/.test(folded)) return usageError('collect', 'room_required');
    return null;
  }
  const room = found.room;
  const money = readMoney(tail, () => true);
  if (money.amount === null && money.months === null && !money.monthsInvalid) {
    return usageError('collect', 'amount_required', { room });
  }
  const { error, ...paid } = moneyFields(money);
  if (error !== null) return usageError('collect', error, { room, ...paid });
  const method = PAYMENT_METHODS.find(([word]) => tail.includes(word));
  if (method !== undefined) return command('collect', { room, ...paid, text: method[1] });
  // Anything left (张阿姨代收) is kept as the note on how it was paid.
  const leftover = mask(msg.clean.slice(rest.start), money.spans)
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.，。、:：]+|[\s,.，。、:：]+$/g, '');
  return withText('collect', { room, ...paid, text: leftover === '' ? null : leftover });
};
