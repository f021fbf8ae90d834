import { findRoomCodes } from '../../text/room-code.js';
import { OTHER_BILL, OUR_FEE } from '../chatter.js';
import type { SentenceReader } from '../command-row.js';
import { command } from '../parsed-command.js';

// Whose account: the speaker's own (我, 我家, 本户, 咱家) or a room named in the message.
const FIRST_PERSON = /我|本户|咱家|俺家/;
// Asking about someone else: 你交了吗, 他家欠多少, 大家交了没 are for neighbours to answer.
const OTHER_PERSON = /你|他|她|大家|各位|别人|人家/;
// What is asked: how far paid, what is owed, whether it is paid.
const ACCOUNT_QUESTION =
  /(?:交|缴)到(?:了)?(?:几|哪|什么|啥)|欠(?:了)?(?:多少|费|钱|不欠|几|款)|还差(?:几|多少)|(?:交|缴)(?:费)?了(?:没有|没|多少|几个月)|(?:交|缴)没(?:交|缴)|有没有(?:交|缴)|什么时候到期|到期了(?:吗|没)|到期没|(?:几|哪个)月到期|是不是(?:还)?(?:没|未)(?:交|缴)/;
const ENGLISH = /\b(?:how much do i owe|what do i owe|do i owe|have i paid|am i paid up|my balance|what have i paid)\b/;

/** 我交到几月了, 我家欠多少钱, 8-2-301交了没有, How much do I owe?: one's own account, answered like 查询. */
export const readAccountQuestion: SentenceReader<'status'> = (msg, start) => {
  const folded = msg.folded.slice(start);
  if (ENGLISH.test(msg.folded)) return command('status', {});
  if (!ACCOUNT_QUESTION.test(folded)) return null;
  if (OTHER_BILL.test(folded) && !OUR_FEE.test(folded)) return null;
  const room = findRoomCodes(folded).find((r) => r.room !== null)?.room ?? null;
  // 帮我查查交到几月: the 我 may sit in the polite lead-in.
  if (room === null && (!FIRST_PERSON.test(msg.folded) || OTHER_PERSON.test(msg.folded))) return null;
  return command('status', { room });
};
