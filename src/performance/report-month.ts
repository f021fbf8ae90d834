import { foldText } from '../commands/normalize.js';
import { currentMonth, monthFromIndex, monthIndex } from '../time/month.js';

/** The month a report asks for: '2026-11', '2026年11月', '11月' (this year's, or last year's if later than now), 上月; default this month. Null when unreadable. */
export function reportMonth(text: string | null, now: Date, tz: string): string | null {
  const here = currentMonth(now, tz);
  if (text === null || text.trim() === '' || /本月|这个月/.test(text)) return here;
  const t = foldText(text).trim();
  if (/^(?:上月|上个月|last)$/.test(t)) return monthFromIndex(monthIndex(here) - 1);
  const full = /^(\d{4})\s?[-年./]\s?(\d{1,2})\s?月?$/.exec(t);
  if (full) return Number(full[2]) >= 1 && Number(full[2]) <= 12 ? `${full[1]}-${full[2].padStart(2, '0')}` : null;
  const short = /^(\d{1,2})\s?月?$/.exec(t);
  if (!short || Number(short[1]) < 1 || Number(short[1]) > 12) return null;
  const [y, m] = here.split('-').map(Number);
  const year = Number(short[1]) > m ? y - 1 : y;
  return `${year}-${short[1].padStart(2, '0')}`;
}
