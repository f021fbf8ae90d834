import { addDays, localParts } from './zoned-time.js';

/** A firing time broken into what its words need; the catalogue renders it. */
export interface When {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday. */
  dow: number;
  hour: number;
  minute: number;
  /** Relative day where it reads better: today, tomorrow, the day after. */
  rel: 'today' | 'tomorrow' | 'day_after' | null;
  /** Not this year: the year is said. */
  otherYear: boolean;
}

/** `at` as seen from `now` on the estate's wall clock. */
export function when(at: Date, now: Date, tz: string): When {
  const a = localParts(at, tz);
  const n = localParts(now, tz);
  const same = (d: { year: number; month: number; day: number }) => d.year === a.year && d.month === a.month && d.day === a.day;
  const rel = same(n) ? 'today' : same(addDays(n.year, n.month, n.day, 1)) ? 'tomorrow' : same(addDays(n.year, n.month, n.day, 2)) ? 'day_after' : null;
  return { year: a.year, month: a.month, day: a.day, dow: a.dow, hour: a.hour, minute: a.minute, rel, otherYear: a.year !== n.year };
}

/** 'H:MM' of a When. */
export function clockTime(w: Pick<When, 'hour' | 'minute'>): string {
  return `${w.hour}:${String(w.minute).padStart(2, '0')}`;
}
