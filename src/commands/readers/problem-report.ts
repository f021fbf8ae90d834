import { findRoomCode } from '../../text/room-code.js';
import {
  ADVICE, ASKS_FOR_HELP, NEGATED, NOT_A_REPORT, NOT_A_REPORT_EN, PERSISTS, PLACE, PLACE_EN, PROBLEM, PROBLEM_EN, QUESTION, RESOLVED, SAFETY_EN, SAFETY_PROBLEM, TRAILING_KEYWORD,
} from '../../text/problem-words.js';
import { classifyComplaint } from '../../text/ticket-categories.js';
import type { SentenceReader } from '../command-row.js';
import { codePointLength, originalText, withText, type ParseInput } from '../parse-input.js';
import type { ParsedAs } from '../parsed-command.js';

// A forwarded article or a long story is not a report; a report is a line or two.
const LONGEST_REPORT = 120;
const COMPLAINT_WORD_AT_HEAD = /^(?:投诉|报修|反映|反应|举报|报障)/;

/**
 * 我家楼上漏水，滴到厨房了 / 8栋门口有人飞线充电 / 垃圾堆了好几天没人清，投诉: a problem described
 * without a keyword at the head, offered as a ticket (the member says 是 to file it). A problem
 * needs a place, or to be lasting, or the keyword at the end; a hazard (flying wires, gas, live
 * wires) needs none of these. Fixed problems, notices, news, ads, advice and questions to
 * neighbours are chatter.
 */
export const readProblemReport: SentenceReader<'offer'> = (msg, start) => {
  const folded = msg.folded.slice(start);
  const length = codePointLength(folded);
  if (length < 4 || length > LONGEST_REPORT || (msg.lineBreaks?.length ?? 0) > 2) return null;
  // 反映了好多次了都没人管 / 投诉有用吗: talk about complaining, which the keyword's reader turned down.
  if (COMPLAINT_WORD_AT_HEAD.test(folded)) return null;
  if (!/[\u4e00-\u9fff]/.test(folded)) return readEnglish(msg, start, folded);
  const hazard = SAFETY_PROBLEM.exec(folded);
  const problem = hazard ?? PROBLEM.exec(folded);
  if (problem === null) return null;
  const safety = hazard !== null;
  if (!safety && ADVICE.test(folded)) return null;
  if (RESOLVED.test(folded) || NOT_A_REPORT.test(folded) || NEGATED.test(folded)) return null;
  const asksForHelp = ASKS_FOR_HELP.test(folded);
  if (QUESTION.test(folded) && !asksForHelp) return null;
  if (!safety && !asksForHelp && !PLACE.test(folded) && !PERSISTS.test(folded) && !TRAILING_KEYWORD.test(folded)) return null;
  return offered(msg, start, folded, problem[0]);
};

/** The drain outside building 8 is blocked again: the same rules in English words. */
function readEnglish(msg: ParseInput, start: number, folded: string): ParsedAs<'offer'> | null {
  const problem = SAFETY_EN.exec(folded) ?? PROBLEM_EN.exec(folded);
  if (problem === null) return null;
  const safety = SAFETY_EN.test(folded);
  if (NOT_A_REPORT_EN.test(folded)) return null;
  if (!safety && !PLACE_EN.test(folded)) return null;
  return offered(msg, start, folded, problem[0]);
}

// The category of the whole text; else of the words that made it a problem.
function offered(msg: ParseInput, start: number, folded: string, problem: string): ParsedAs<'offer'> | null {
  const text = originalText(msg, start);
  if (text === null) return null;
  const room = findRoomCode(folded)?.room ?? null;
  const ofText = classifyComplaint(text);
  return withText('offer', { text, room, offer: ofText === 'other' ? classifyComplaint(problem) : ofText });
}
