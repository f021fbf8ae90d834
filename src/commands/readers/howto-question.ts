import { OTHER_BILL, OUR_FEE } from '../chatter.js';
import type { ArgumentReader, SentenceReader } from '../command-row.js';
import { command, type HowtoTopic } from '../parsed-command.js';

const HOW = '(?:怎么|怎样|如何|咋|在哪里?|去哪里?|到哪里?|哪里)';
// Each topic, said as people ask it; the pay topic needs a word for money (这个怎么交 is anything).
const TOPICS: readonly [HowtoTopic, RegExp][] = [
  ['status', new RegExp(`${HOW}(?:查|查询|看)(?:一下|下)?.{0,6}(?:交|缴|欠|费)`)],
  ['bind', new RegExp(`${HOW}(?:绑定|绑|登记房号|认证|关联房号)`)],
  ['complain', new RegExp(`${HOW}(?:投诉|报修|反映)`)],
  ['pay', new RegExp(`${HOW}(?:交|缴|付)(?:费|钱|卫生费)|(?:卫生费|费用?)${HOW}(?:交|缴|付)|(?:卫生费|交费|缴费|交钱)(?:交给|找)谁|可以.{0,4}(?:交|缴)卫生费|${HOW}(?:交|缴)卫生费|(?:交|缴)卫生费.{0,4}(?:在哪|哪里|找谁|找哪|怎么)|卫生费什么时候(?:开始)?(?:交|缴)`)],
];
const ENGLISH: readonly [HowtoTopic, RegExp][] = [
  ['pay', /\b(?:how|where) (?:do|can|should) (?:i|we) pay\b|\bwho do (?:i|we) pay\b/],
  ['bind', /\bhow (?:do|can|should) i (?:bind|register|link)\b/],
  ['complain', /\bhow (?:do|can|should) i (?:report|complain)\b/],
  ['status', /\bhow (?:do|can|should) i (?:check|see)\b/],
];

/** 怎么交费, 卫生费在哪里交, 请问怎么绑定, How do I pay?: a two-line how-to, not the command itself. */
export const readHowtoQuestion: SentenceReader<'howto'> = (msg, start) => {
  const folded = msg.folded.slice(start);
  for (const [topic, re] of ENGLISH) if (re.test(folded)) return command('howto', { topic });
  for (const [topic, re] of TOPICS) {
    if (!re.test(folded)) continue;
    // 电费在哪交啊 is about another bill.
    if (topic === 'pay' && OTHER_BILL.test(folded) && !OUR_FEE.test(folded)) return null;
    return command('howto', { topic });
  }
  return null;
};

const SLASH_TOPICS: readonly [HowtoTopic, RegExp][] = [
  ['pay', /^(?:pay|paid|交费|缴费|交钱|卫生费)/],
  ['bind', /^(?:bind|绑定)/],
  ['complain', /^(?:complain|report|投诉|报修)/],
  ['status', /^(?:status|check|查询)/],
];

/** /howto pay: the how-to of one topic; how-to questions in words have no keyword, only the sentence reader. */
export const readHowtoSlash: ArgumentReader<'howto'> = (msg, rest) => {
  const arg = msg.folded.slice(rest.start).trim();
  const hit = SLASH_TOPICS.find(([, re]) => re.test(arg));
  return hit === undefined ? null : command('howto', { topic: hit[0] });
};
