/** A calendar month as 'YYYY-MM' and its words. */
export interface MonthName {
  ym: string;
  zh: string;
  en: string;
}

const EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month index (year*12 + month-1) from 'YYYY-MM'. */
export function monthIndex(ym: string): number {
  const [y, m] = ym.split('-').map(Number);
  return y * 12 + (m - 1);
}

/** 'YYYY-MM' from a month index. */
export function monthFromIndex(i: number): string {
  const y = Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Words for a month: 2025-04 → 2025年4月 / Apr 2025. */
export function monthName(ym: string): MonthName {
  const [y, m] = ym.split('-').map(Number);
  return { ym, zh: `${y}年${m}月`, en: `${EN[m - 1]} ${y}` };
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The current month in a time zone, as 'YYYY-MM'. */
export function currentMonth(now: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(now);
  const y = parts.find((p) => p.type === 'year')!.value;
  const m = parts.find((p) => p.type === 'month')!.value;
  return `${y}-${m}`;
}
