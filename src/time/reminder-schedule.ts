import { CN_ONE_TO_NINE, parseIntOrChinese } from '../text/numerals.js';
import { canonicalReminderText } from './spoken-time.js';
import { addDays, daysInMonth, localParts, zonedTime } from './zoned-time.js';

/** When a reminder fires, in the estate's wall clock. dow: 0 = Sunday. */
export type ReminderSchedule =
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekly'; dow: number; hour: number; minute: number }
  | { kind: 'monthly'; day: number; hour: number; minute: number }
  | { kind: 'once'; year: number; month: number; day: number; hour: number; minute: number };

/** Why a reminder spec was not understood. */
export type ReminderSpecError = 'time_unclear' | 'text_missing' | 'date_invalid' | 'in_past';

export type ParsedReminder = { ok: true; schedule: ReminderSchedule; message: string } | { ok: false; error: ReminderSpecError };

const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 七: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** 1–99 from digits or Chinese numerals (十五, 二十一, 三十). */
function number(s: string): number | null {
  const n = parseIntOrChinese(s);
  return n !== null && n <= 99 ? n : null;
}

const NUM = `(\\d{1,2}|[${CN_ONE_TO_NINE}十]{1,3})`;
const DAY_PART = '(?:(凌晨|早上|上午|中午|下午|晚上|傍晚)\\s*)?';
const TIME = new RegExp(`^${DAY_PART}${NUM}(?:[:：.](\\d{2})|点(?:(半)|${NUM}分?)?)`);

/** A time of day at the start of `s`: 9:00, 18：30, 8点, 下午3点半, 晚上七点. */
function parseTime(s: string): { hour: number; minute: number; rest: string } | null {
  const m = TIME.exec(s);
  if (!m) return null;
  let hour = number(m[2]);
  const minute = m[3] !== undefined ? Number(m[3]) : m[4] ? 30 : m[5] !== undefined ? number(m[5]) : 0;
  if (hour === null || minute === null) return null;
  if ((m[1] === '下午' || m[1] === '晚上' || m[1] === '傍晚') && hour < 12) hour += 12;
  if (m[1] === '中午' && hour < 6) hour += 12;
  if (hour > 23 || minute > 59) return null;
  return { hour, minute, rest: s.slice(m[0].length) };
}

/**
 * Parse the text after 提醒: a schedule, a time, and what to say.
 * 每天 18:00 … · 每周一 8:00 … · 每月1日 9:00 … · 明天 18:00 … · 11月25日 9:00 …
 */
export function parseReminderSpec(text: string, now: Date, tz: string): ParsedReminder {
  const s = canonicalReminderText(text);
  const today = localParts(now, tz);
  // Each form is anchored at the start; the first that matches wins.
  const daily = /^(?:每天|每日|天天)\s*/.exec(s);
  const weekly = /^(?:每周|每星期|每礼拜)([一二三四五六日天七1-7])\s*/.exec(s);
  const monthly = new RegExp(`^每月${NUM}[日号]\\s*`).exec(s);
  const relative = /^(今天|明天|后天)\s*/.exec(s);
  // 周五下午5点 (the coming Friday: today if the time is still ahead), 下周三 14:00 (next week's).
  const weekday = /^(下)?周([一二三四五六日天])\s*/.exec(s);
  const dated = new RegExp(`^(?:(\\d{4})年)?${NUM}月${NUM}[日号]\\s*`).exec(s);
  let rest: string;
  let make: (hour: number, minute: number) => ReminderSchedule | ReminderSpecError;
  if (daily) {
    const m = daily;
    rest = s.slice(m[0].length);
    make = (hour, minute) => ({ kind: 'daily', hour, minute });
  } else if (weekly) {
    const m = weekly;
    rest = s.slice(m[0].length);
    const w = /\d/.test(m[1]) ? Number(m[1]) % 7 : WEEKDAYS[m[1]];
    make = (hour, minute) => ({ kind: 'weekly', dow: w, hour, minute });
  } else if (monthly) {
    const m = monthly;
    rest = s.slice(m[0].length);
    const day = number(m[1]);
    make = (hour, minute) => (day === null || day < 1 || day > 31 ? 'date_invalid' : { kind: 'monthly', day, hour, minute });
  } else if (relative) {
    const m = relative;
    rest = s.slice(m[0].length);
    const d = addDays(today.year, today.month, today.day, ['今天', '明天', '后天'].indexOf(m[1]));
    make = (hour, minute) => ({ kind: 'once', ...d, hour, minute });
  } else if (weekday) {
    const m = weekday;
    rest = s.slice(m[0].length);
    const dow = WEEKDAYS[m[2]];
    const todayDow = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    make = (hour, minute) => {
      let ahead = (dow - todayDow + 7) % 7;
      // 下周三: the Wednesday of the week after this one (weeks start on Monday).
      if (m[1]) ahead = 7 - ((todayDow + 6) % 7) + ((dow + 6) % 7);
      let d = addDays(today.year, today.month, today.day, ahead);
      if (!m[1] && zonedTime(d.year, d.month, d.day, hour, minute, tz) <= now) d = addDays(today.year, today.month, today.day, ahead + 7);
      return { kind: 'once', ...d, hour, minute };
    };
  } else if (dated) {
    const m = dated;
    rest = s.slice(m[0].length);
    const explicitYear = m[1] ? Number(m[1]) : null;
    const month = number(m[2]);
    const day = number(m[3]);
    make = (hour, minute) => {
      if (month === null || day === null || month < 1 || month > 12 || day < 1) return 'date_invalid';
      let year = explicitYear ?? today.year;
      // Without a year, a date already past this year means next year (11月25日 said in December).
      if (explicitYear === null && zonedTime(year, month, Math.min(day, daysInMonth(year, month)), hour, minute, tz) <= now) year += 1;
      if (day > daysInMonth(year, month)) return 'date_invalid';
      return { kind: 'once', year, month, day, hour, minute };
    };
  } else {
    // A time alone (下午3点半 交材料): the next such time, today or tomorrow.
    rest = s;
    make = (hour, minute) => {
      const ahead = zonedTime(today.year, today.month, today.day, hour, minute, tz) > now ? 0 : 1;
      return { kind: 'once', ...addDays(today.year, today.month, today.day, ahead), hour, minute };
    };
  }
  const time = parseTime(rest);
  if (!time) return { ok: false, error: 'time_unclear' };
  const schedule = make(time.hour, time.minute);
  if (typeof schedule === 'string') return { ok: false, error: schedule };
  const message = time.rest.replace(/^[\s,，:：]+/, '').trim();
  if (message === '') return { ok: false, error: 'text_missing' };
  if (schedule.kind === 'once' && onceAt(schedule, tz) <= now) return { ok: false, error: 'in_past' };
  return { ok: true, schedule, message };
}

/** The instant of a one-shot reminder. */
export function onceAt(s: Extract<ReminderSchedule, { kind: 'once' }>, tz: string): Date {
  return zonedTime(s.year, s.month, s.day, s.hour, s.minute, tz);
}

/** The cron pattern (minute hour day month weekday) BullMQ runs, in the estate's zone. */
export function cronPattern(s: ReminderSchedule): string {
  switch (s.kind) {
    case 'daily':
      return `${s.minute} ${s.hour} * * *`;
    case 'weekly':
      return `${s.minute} ${s.hour} * * ${s.dow}`;
    case 'monthly':
      return `${s.minute} ${s.hour} ${s.day} * *`;
    case 'once':
      return `${s.minute} ${s.hour} ${s.day} ${s.month} *`;
  }
}

function firesOn(s: ReminderSchedule, date: { year: number; month: number; day: number }): boolean {
  switch (s.kind) {
    case 'daily':
      return true;
    case 'weekly':
      return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() === s.dow;
    case 'monthly':
      // Like cron: a month without that day (31st in April) is skipped.
      return date.day === s.day;
    case 'once':
      return date.year === s.year && date.month === s.month && date.day === s.day;
  }
}

/** The first firing strictly after `after`, or null (a one-shot already past). */
export function nextFiring(s: ReminderSchedule, after: Date, tz: string): Date | null {
  if (s.kind === 'once') {
    const at = onceAt(s, tz);
    return at > after ? at : null;
  }
  const p = localParts(after, tz);
  for (let i = 0; i <= 62; i++) {
    const d = addDays(p.year, p.month, p.day, i);
    if (!firesOn(s, d)) continue;
    const at = zonedTime(d.year, d.month, d.day, s.hour, s.minute, tz);
    if (at > after) return at;
  }
  return null;
}

/** The latest firing at or before `at`, or null. */
export function lastFiring(s: ReminderSchedule, at: Date, tz: string): Date | null {
  if (s.kind === 'once') {
    const t = onceAt(s, tz);
    return t <= at ? t : null;
  }
  const p = localParts(at, tz);
  for (let i = 0; i <= 62; i++) {
    const d = addDays(p.year, p.month, p.day, -i);
    if (!firesOn(s, d)) continue;
    const t = zonedTime(d.year, d.month, d.day, s.hour, s.minute, tz);
    if (t <= at) return t;
  }
  return null;
}
