import { localParts, zonedTime } from '../time/zoned-time.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant as the estate's wall clock, 'YYYY-MM-DD HH:mm:ss' (and '.SSS' when it has milliseconds). */
export function formatLocalStamp(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  const ms = at.getUTCMilliseconds();
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(at.getUTCSeconds())}${ms === 0 ? '' : `.${pad(ms, 3)}`}`;
}

/**
 * A date (and time) as people write it in a 台账, read on the estate's wall clock:
 * 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, optionally followed by 19:30[:15[.250]].
 * A date alone is noon, so it stays on its day in any time zone. Null when it is not a date.
 */
export function parseLocalStamp(text: string, timeZone: string): Date | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(text.trim());
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  const h = m[4] === undefined ? 12 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  if (h > 23 || mi > 59 || Number(m[6] ?? 0) > 59) return null;
  const base = zonedTime(y, mo, d, h, mi, timeZone).getTime();
  return new Date(base + Number(m[6] ?? 0) * 1000 + Number((m[7] ?? '').padEnd(3, '0')));
}
