import { numberPattern } from '../../text/room-words.js';
import { ONLY_PUNCT } from '../chatter.js';
import type { ArgumentReader } from '../command-row.js';
import { originalText, restFolded, withText } from '../parse-input.js';
import { command } from '../parsed-command.js';

// 2026-11, 2026年11月, 11月, 十一月, 11; or a month said in words. The job reads which (report-month.ts).
const MONTH = new RegExp(`^(?:\\d{4}\\s?[-年./]\\s?)?(?:${numberPattern(2, 3)})\\s?月?$|^(?:上月|上个月|本月|这个月)$`);

/** 月报, 月报 2026-11, 月报 11月, 月报 上月: the month is passed on as text; other words are chatter. */
export const readReportMonth: ArgumentReader<'report'> = (msg, rest) => {
  const folded = restFolded(msg, rest).trim();
  if (ONLY_PUNCT.test(folded)) return command('report', {});
  if (rest.slash || MONTH.test(folded)) return withText('report', { text: originalText(msg, rest.start) });
  return null;
};
