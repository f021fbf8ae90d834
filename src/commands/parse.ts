import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { readKeyword, readSentence, readSlash } from './command-index.js';
import { skipLeadIn } from './lead-in.js';
import { NO_COMMAND, type ParsedCommand } from './parsed-command.js';

/** Parses one chat message; never throws. */
export function parseCommand(text: string): ParsedCommand {
  try {
    return parse(typeof text === 'string' ? text : String(text ?? ''));
  } catch {
    return NO_COMMAND;
  }
}

/**
 * A slash command; else a keyword at the head (after an @mention and a polite lead-in);
 * else a command said in a sentence (a payment claim, a statement of address); else chatter.
 */
function parse(text: string): ParsedCommand {
  const clean = cleanText(text);
  if (clean === '') return NO_COMMAND;
  const msg = { clean, folded: foldText(clean) };
  const start = skipLeadIn(msg.folded);
  if (msg.folded[start] === '/') return readSlash(msg, start);
  return readKeyword(msg, start) ?? readSentence(msg, start) ?? NO_COMMAND;
}
