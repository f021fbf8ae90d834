import { foldText } from '../text/fold-text.js';
import { parseIntOrChinese } from '../text/numerals.js';
import { numberPattern } from '../text/room-words.js';
import { currentMonth, monthFromIndex, monthIndex } from '../time/month.js';

// 11月, 11, 十一月: digits or numerals, as the parser reads a building number.
const SHORT = new RegExp(`^(${numberPattern(2, 3)})\\s?月?$`);

/** The month a report asks for: '2026-11', '2026年11月', '11月' or '十一月' (this year's, or last year's if later than now), 上月; default this month. Null when unreadable. */
export function reportMonth(text: string | null, now: Date, tz: string): string | null {
  const here = currentMonth(now, tz);
  if (text === null || text.trim() === '' || /本月|这个月/.test(text)) return here;
  const t = foldText(text).trim();
  if (/^(?:上月|上个月|last)$/.test(t)) return monthFromIndex(monthIndex(here) - 1);
  const full = /^(\d{4})\s?[-年./]\s?(\d{1,2})\s?月?$/.exec(t);
  if (full) return Number(full[2]) >= 1 && Number(full[2]) <= 12 ? `${full[1]}-${full[2].padStart(2, '0')}` : null;
  const short = SHORT.exec(t);
  const n = short ? parseIntOrChinese(short[1]) : null;
  if (n === null || n < 1 || n > 12) return null;
  const [y, m] = here.split('-').map(Number);
  const year = n > m ? y - 1 : y;
  return `${year}-${String(n).padStart(2, '0')}`;
}
