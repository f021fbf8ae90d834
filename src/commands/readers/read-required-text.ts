import type { ArgumentReader } from '../command-row.js';
import { originalText, restFolded, withText } from '../parse-input.js';
import { usageError, type IntentGuarantees } from '../parsed-command.js';

/** Intents whose whole argument is free text that must be there. */
export type TextIntent = 'patrol-note' | 'survey-new';

/**
 * 巡查发现 9栋消防通道堆了自行车; 新建问卷 <title> 1.<question> … (the definition is read by
 * the job, src/survey/survey-definition.ts): the text as written, required.
 */
export function readRequiredText<I extends TextIntent>(): ArgumentReader<I> {
  return (msg, rest, how) => {
    const text = originalText(msg, rest.start);
    if (text === null || restFolded(msg, rest) === '') return usageError(how.intent, 'text_required');
    return withText(how.intent, { text } as IntentGuarantees[I]);
  };
}
