import { findRoomCodes } from '../../text/room-code.js';
import { OTHER_BILL, OUR_FEE, QUESTION, startsWithAny } from '../chatter.js';
import type { SentenceReader } from '../command-row.js';
import { moneyFields, readMoney } from '../money.js';
import { command, usageError } from '../parsed-command.js';
import { findPlanWord } from '../plan-word.js';

// A completed payment: 已交, 交了, 已缴, 缴了, 已付, 付了, 转了, 已转, paid, 交费了 …
// Voice input writes 已 as 己 or 以 (己交, 以交): the same word, said the same way.
const PAY_VERB =
  /[已己以]\s?(?:经\s?)?(?:通过\s?|用\s?)?(?:微信\s?|支付宝\s?|现金\s?)?(?:交|缴|付|转|支\s?付)|(?:交|缴|付|转)\s?(?:[费款钱账]\s?)?(?:[过完好清齐]\s?)?了|缴\s?纳\s?了|支\s?付\s?了|(?:交|缴)\s?[完清过齐]|\bpaid\b/g;
// 交给楼长60元了 counts only when money is mentioned: 这事交给你了 is not a payment.
const PAY_GIVEN = /(?:交|缴|转)给.{1,8}?了|已\s?经?\s?给.{1,6}?了/;
const MONEY_CONTEXT = /[钱费元块¥￥\d]/;
// 我交了60，你们收到了吗: asking for a receipt after the claim does not make it a question.
const RECEIPT_QUESTION = /[,.!;~、。\s]+(?:你们|您|你)?(?:收到|看到|查收|确认一下|登记一下)(?:了)?(?:吗|没|没有)?[?\s]*$/;

// Words with 提交/递交 or 转了一圈 are not payments; nor 可以交了 (you may pay now).
const NOT_PAY_BEFORE = new Set(['提', '递', '移', '好', '旋', '运', '打', '扭', '周', '成', '以']);
const NOT_PAY_AFTER = ['一圈', '转', '个弯', '朋友', '个朋友', '新朋友', '作业', '报告', '材料', '申请', '发'];
// 己 / 以 stand for 已 only where they are no word of their own: 自己交, 可以交, 所以交.
const NOT_SLIP_BEFORE = new Set(['自', '可', '所', '难', '得', '予', '足', '加', '用', '据', '无']);

const NEGATION = /[没未不别无]|\bnot\b|n't\b|\bwill\b|\btomorrow\b/;
const NOT_NEGATION = /不好意思|不用|不客气|不错|没问题|没事|没关系|不少|麻烦不|不会用|不会弄|不方便|没零钱|不在家/g;
const PLAN = /明天|明日|后天|下周|下星期|下礼拜|下个月|下月|等会|等一会|待会|一会儿|准备|打算|会交|要交|想交|马上|晚点|晚些|回头|过两天|改天|下次|稍后|到时候/;
// 又交了30元 / 再交了: a further payment, not the same claim said twice.
const AGAIN = /[又再]\s?(?:次\s?)?$/;
// 去年就交了一年的了: a payment long past, not a new one; the bot asks which months.
const PAST = /去年|前年|早就|早都|老早|以前就|之前就|上一年/;
// A negation counts only in the clause that holds the payment: 他不会用手机，我帮他交了六十;
// or as a clause of its own that says "not me" (他们都交了，我还没).
const CLAUSE_BREAK = /[,.!;~、。]/;
const BARE_NEGATION = /(?:^|[,.!;~、。\s])(?:我|我家|我们)?(?:还|都|也)?(?:没|未|没有)(?:交|缴|付)?(?:呢|啊|哦|的)?(?=$|[,.!;~、。\s])/;
// 他们都交了 / 大家都交了: others paid; the speaker claims nothing.
const OTHERS_PAID = /(?:他们|她们|大家|别人|人家|邻居|楼上|楼下|对门)(?:都|也)?$/;

interface VerbAt {
  start: number;
  end: number;
}

function findPayVerb(folded: string): VerbAt | null {
  PAY_VERB.lastIndex = 0;
  for (let m = PAY_VERB.exec(folded); m !== null; m = PAY_VERB.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = folded.slice(end, end + 3).trimStart();
    const before = folded[start - 1] ?? '';
    const completed = /^[已己以]/.test(m[0]);
    // A skipped match may hide a real one inside it (自己交了: 交了), so look again one further on.
    const skip = () => (PAY_VERB.lastIndex = start + 1);
    if (/^[己以]/.test(m[0]) && NOT_SLIP_BEFORE.has(before)) { skip(); continue; }
    if (m[0] !== 'paid' && !completed && NOT_PAY_BEFORE.has(before)) { skip(); continue; }
    if (startsWithAny(after, NOT_PAY_AFTER) && !completed) { skip(); continue; }
    return { start, end };
  }
  return null;
}

/** The clause around [start, end): from the last break before it to the next one after. */
function clauseOf(folded: string, at: VerbAt): { before: string; whole: string } {
  let from = at.start;
  while (from > 0 && !CLAUSE_BREAK.test(folded[from - 1])) from--;
  let to = at.end;
  while (to < folded.length && !CLAUSE_BREAK.test(folded[to])) to++;
  return { before: folded.slice(from, at.start), whole: folded.slice(from, to) };
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
  if (QUESTION.test(folded.replace(RECEIPT_QUESTION, '')) || PLAN.test(folded)) return null;
  // 交了停车费 is often paid to someone else: a claim only when said to the bot (@邻里, privately).
  if (OTHER_BILL.test(folded) && !OUR_FEE.test(folded) && !msg.addressed) return null;
  const clause = clauseOf(folded, verb);
  if (NEGATION.test(clause.whole.replace(NOT_NEGATION, '')) || BARE_NEGATION.test(folded)) return null;
  if (OTHERS_PAID.test(clause.before)) return null;
  const rooms = [...new Set(findRoomCodes(folded).flatMap((r) => (r.room === null ? [] : [r.room])))];
  const room = rooms[0] ?? null;
  // 8-2-301和8-2-302各交了60: two households' money in one claim would book one and lose the other.
  if (rooms.length > 1) return usageError('pay', 'one_room_each', { room });
  // A bare Chinese numeral counts only right after the verb (交了六十); 一 in 一起 does not.
  let afterVerb = verb.end;
  while (folded[afterVerb] === ' ') afterVerb++;
  const money = readMoney(folded, (a) => !a.chinese || (a.start === afterVerb && CHINESE_AMOUNT_END.test(folded[a.end] ?? '')));
  const plan = findPlanWord(folded)?.word ?? null;
  const { error, ...paid } = moneyFields(money);
  if (error !== null) return usageError('pay', error, { room, ...paid, plan });
  if (PAST.test(folded)) return usageError('pay', 'months_which', { room, ...paid, plan });
  return command('pay', { room, ...paid, plan, again: AGAIN.test(clause.before) ? true : null });
};
