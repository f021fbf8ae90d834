import { findRoomCodes } from '../../text/room-code.js';
import { QUESTION, startsWithAny } from '../chatter.js';
import type { SentenceReader } from '../command-row.js';
import { moneyFields, readMoney } from '../money.js';
import { command, usageError } from '../parsed-command.js';

// A completed payment: 已交, 交了, 已缴, 缴了, 已付, 付了, 转了, 已转, paid, 交费了 …
const PAY_VERB =
  /已\s?(?:经\s?)?(?:通过\s?|用\s?)?(?:微信\s?|支付宝\s?|现金\s?)?(?:交|缴|付|转|支\s?付)|(?:交|缴|付|转)\s?(?:[费款钱账]\s?)?(?:[过完好清齐]\s?)?了|缴\s?纳\s?了|支\s?付\s?了|(?:交|缴)\s?[完清过齐]|\bpaid\b/g;
// 交给楼长60元了 counts only when money is mentioned: 这事交给你了 is not a payment.
const PAY_GIVEN = /(?:交|缴|转)给.{1,8}?了/;
const MONEY_CONTEXT = /[钱费元块¥￥\d]/;

// Words with 提交/递交 or 转了一圈 are not payments.
const NOT_PAY_BEFORE = new Set(['提', '递', '移', '好', '旋', '运', '打', '扭', '周', '成']);
const NOT_PAY_AFTER = ['一圈', '转', '个弯', '朋友', '作业', '报告', '材料', '申请', '发'];

const NEGATION = /[没未不别无]|\bnot\b|n't\b|\bwill\b|\btomorrow\b/;
const NOT_NEGATION = /不好意思|不用|不客气|不错|没问题|没事|没关系|不少|麻烦不/g;
const PLAN = /明天|明日|后天|下周|下星期|下礼拜|下个月|下月|等会|等一会|待会|一会儿|准备|打算|会交|要交|想交|马上|晚点|晚些|回头|过两天|改天|下次|稍后|到时候/;

interface VerbAt {
  start: number;
  end: number;
}

function findPayVerb(folded: string): VerbAt | null {
  PAY_VERB.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAY_VERB.exec(folded)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const after = folded.slice(end, end + 3).trimStart();
    if (m[0] !== 'paid' && !m[0].startsWith('已') && NOT_PAY_BEFORE.has(folded[start - 1] ?? '')) continue;
    if (startsWithAny(after, NOT_PAY_AFTER) && !m[0].startsWith('已')) continue;
    return { start, end };
  }
  return null;
}

// 交了六十 / 交了六十 谢谢 is money; 交了一起 / 交了一半 is not.
const CHINESE_AMOUNT_END = /^(?:|[\s,.!~、。;:的卫谢])$/;

/** A resident's claim that they paid (已交60元, 我家8-2-301交了半年的); may stand anywhere in the sentence. */
export const readPayClaim: SentenceReader<'pay'> = (msg) => {
  // Elderly typists put spaces anywhere (交 了 六 十 元); nothing here is sliced back out,
  // so spaces between two Chinese characters can simply go.
  const folded = msg.folded.replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, '');
  let verb = findPayVerb(folded);
  if (verb === null && MONEY_CONTEXT.test(folded)) {
    const given = PAY_GIVEN.exec(folded);
    if (given !== null) verb = { start: given.index, end: given.index + given[0].length };
  }
  if (verb === null) return null;
  if (QUESTION.test(folded) || PLAN.test(folded)) return null;
  if (NEGATION.test(folded.replace(NOT_NEGATION, ''))) return null;
  const room = findRoomCodes(folded).find((r) => r.room !== null)?.room ?? null;
  // A bare Chinese numeral counts only right after the verb (交了六十); 一 in 一起 does not.
  let afterVerb = verb.end;
  while (folded[afterVerb] === ' ') afterVerb++;
  const money = readMoney(folded, (a) => !a.chinese || (a.start === afterVerb && CHINESE_AMOUNT_END.test(folded[a.end] ?? '')));
  const { error, ...paid } = moneyFields(money);
  return error !== null ? usageError('pay', error, { room, ...paid }) : command('pay', { room, ...paid });
};
