import { addDays, localParts, zonedTime } from '../time/zoned-time.js';

/** The local day containing `at` in `tz`: its start and the next day's start, as instants. */
export function localDayBounds(at: Date, tz: string): { from: Date; to: Date } {
  const p = localParts(at, tz);
  const next = addDays(p.year, p.month, p.day, 1);
  return { from: zonedTime(p.year, p.month, p.day, 0, 0, tz), to: zonedTime(next.year, next.month, next.day, 0, 0, tz) };
}

/** A local month 'YYYY-MM' in `tz`: its first instant and the next month's. */
export function localMonthBounds(ym: string, tz: string): { from: Date; to: Date } {
  const [y, m] = ym.split('-').map(Number);
  return { from: zonedTime(y, m, 1, 0, 0, tz), to: zonedTime(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1, 0, 0, tz) };
}
