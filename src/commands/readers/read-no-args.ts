import { FILLER, ONLY_PUNCT, QUESTION } from '../chatter.js';
import type { ArgumentReader } from '../command-row.js';
import { codePointLength, originalText, restFolded, withText } from '../parse-input.js';
import { command, type IntentGuarantees } from '../parsed-command.js';

/**
 * Commands with no real arguments (tally, notice, reminders, urge). A short qualifier after
 * a space (统计 今天, 催缴 8栋) is passed on as text; words glued on (统计表, 公示了吗) are chatter.
 */
export function readNoArgs<I extends 'tally' | 'notice' | 'reminders' | 'urge' | 'login' | 'rebook' | 'pending' | 'scoring_rules' | 'publish_scores' | 'export-ledger'>(): ArgumentReader<I> {
  // These intents guarantee no keys, so any fields do; the compiler cannot see that through I.
  return (msg, rest, how) => {
    const folded = restFolded(msg, rest).replace(FILLER, '');
    if (ONLY_PUNCT.test(folded)) return command(how.intent, {} as IntentGuarantees[I]);
    if (rest.slash) return withText(how.intent, { text: originalText(msg, rest.start) } as IntentGuarantees[I]);
    const qualifier = rest.separated && codePointLength(folded) <= 6 && !QUESTION.test(folded);
    return qualifier ? withText(how.intent, { text: originalText(msg, rest.start) } as IntentGuarantees[I]) : null;
  };
}
