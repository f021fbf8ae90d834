import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { readKeyword, readSentence, readSlash } from './command-index.js';
import { skipLeadIn } from './lead-in.js';
import { NO_COMMAND, type ParsedCommand } from './parsed-command.js';

/** What the platform knows about whom a message speaks to, beyond its text. */
export interface ParseOptions {
  /**
   * The message is for the bot: a private chat, or an @mention of the bot the adapter saw
   * (and stripped). A message opening with someone else's @mention is chatter unless this is set.
   */
  toBot?: boolean;
}

/** Parses one chat message; never throws. */
export function parseCommand(text: string, opts: ParseOptions = {}): ParsedCommand {
  try {
    return parse(typeof text === 'string' ? text : String(text ?? ''), opts);
  } catch {
    return NO_COMMAND;
  }
}

/**
 * A slash command; else a keyword at the head (after an @mention and a polite lead-in);
 * else a command said in a sentence (a payment claim, a statement of address); else chatter.
 */
function parse(text: string, opts: ParseOptions): ParsedCommand {
  const clean = cleanText(text);
  if (clean === '') return NO_COMMAND;
  const folded = foldText(clean);
  const lead = skipLeadIn(folded);
  const addressed = opts.toBot === true || lead.mentionsBot;
  // "@张三 投诉 …" is a member speaking to 张三, not to the bot.
  if (lead.mentionsOther && !addressed) return NO_COMMAND;
  const msg = { clean, folded, addressed, lineBreaks: lineBreaks(text, clean) };
  const start = lead.start;
  if (msg.folded[start] === '/') return readSlash(msg, start);
  return readKeyword(msg, start) ?? readSentence(msg, start) ?? NO_COMMAND;
}

const BREAK = '\uE000';

/**
 * Where the cleaned text had line breaks (cleanText makes them spaces): a private-use mark
 * stands in for each break while cleaning, and is trusted only when the result is `clean` itself.
 */
function lineBreaks(text: string, clean: string): number[] {
  if (!/[\r\n]/.test(text)) return [];
  const marked = cleanText(text.trim().replace(/[^\S\r\n]*[\r\n]\s*/g, BREAK));
  if (marked.replaceAll(BREAK, ' ') !== clean) return [];
  const out: number[] = [];
  for (let i = marked.indexOf(BREAK); i !== -1; i = marked.indexOf(BREAK, i + 1)) out.push(i);
  return out;
}
