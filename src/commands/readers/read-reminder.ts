import { isShortQuestion, REMIND_CHATTER, startsWithAny } from '../chatter.js';
import type { ArgumentReader } from '../command-row.js';
import { originalText, restFolded, withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';

/** 提醒 每月1日 9:00 请缴纳卫生费: the spec is handed on whole; the worker reads the time. */
export const readReminder: ArgumentReader<'remind'> = (msg, rest) => {
  const folded = restFolded(msg, rest);
  if (!rest.slash && !rest.separated && startsWithAny(folded, REMIND_CHATTER)) return null;
  if (!rest.slash && isShortQuestion(folded)) return null;
  const text = originalText(msg, rest.start);
  if (text === null || folded === '') return usageError('remind', 'text_required');
  return withText('remind', { text });
};
