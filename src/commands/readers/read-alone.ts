import { ONLY_PUNCT } from '../chatter.js';
import type { ArgumentReader } from '../command-row.js';
import { restFolded } from '../parse-input.js';
import { command, type IntentGuarantees } from '../parsed-command.js';

/** Intents that are the keyword and nothing else. */
export type AloneIntent = 'patrol-start' | 'patrol-stop' | 'patrol-status' | 'to-ticket';

/**
 * 开始巡查, 结束巡查, 今日巡查, 转工单: nothing may follow but punctuation (开始巡查了吗 is
 * chatter, not a patrol started); after a slash name anything that follows is ignored.
 */
export function readAlone<I extends AloneIntent>(): ArgumentReader<I> {
  // These intents guarantee no keys; the compiler cannot see that through I.
  return (msg, rest, how) => (rest.slash || ONLY_PUNCT.test(restFolded(msg, rest)) ? command(how.intent, {} as IntentGuarantees[I]) : null);
}
