import { BUILDING_WORDS, numberPattern, UNIT_WORDS, wordsPattern } from '../../text/room-words.js';
import { ONLY_PUNCT } from '../chatter.js';
import type { ArgumentReader } from '../command-row.js';
import { originalText, restFolded, withText } from '../parse-input.js';
import { command } from '../parsed-command.js';

// 欠费 8栋 / 欠费 8号 / 欠费 8栋2单元: a building (and unit) to list; 8号 reads as building 8 here.
const BUILDING_FILTER = new RegExp(
  `^(?:${numberPattern(3, 4)})\\s?(?:${wordsPattern(BUILDING_WORDS, ['号'])})(?:\\s?\\d{1,2}\\s?(?:${wordsPattern(UNIT_WORDS)}))?$`,
);

/** 欠费名单, 欠费名单 8栋: the arrears list, optionally of one building. */
export const readUnpaid: ArgumentReader<'unpaid'> = (msg, rest, how) => {
  const folded = restFolded(msg, rest);
  if (ONLY_PUNCT.test(folded)) return command('unpaid', {});
  if (rest.slash || how.bare || BUILDING_FILTER.test(folded)) return withText('unpaid', { text: originalText(msg, rest.start) });
  return null;
};
