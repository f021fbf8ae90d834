import { lastFiring, type ReminderSchedule } from '../time/reminder-schedule.js';
import { localParts } from '../time/zoned-time.js';

/** When an estate's weekly notice goes out: weekday (0 = Sunday) and wall-clock time. */
export interface NoticeTime {
  weekday: number;
  hour: number;
  minute: number;
}

/** The default: Sunday 20:00 in the estate's time zone. */
export const DEFAULT_NOTICE_TIME: NoticeTime = { weekday: 0, hour: 20, minute: 0 };

function weekly(t: NoticeTime): ReminderSchedule {
  return { kind: 'weekly', dow: t.weekday, hour: t.hour, minute: t.minute };
}

/** The latest scheduled notice time at or before `at`: the slot a run at `at` belongs to. */
export function noticeSlot(t: NoticeTime, at: Date, tz: string): Date {
  return lastFiring(weekly(t), at, tz)!;
}

/** Cron pattern for the weekly notice. */
export function noticeCron(t: NoticeTime): string {
  return `${t.minute} ${t.hour} * * ${t.weekday}`;
}

/**
 * The ISO week of a slot's local date, 'YYYY-Www': the (group, week) key that makes the notice
 * exactly-once. A notice covers the seven days up to its slot.
 */
export function weekKey(slot: Date, tz: string): string {
  const p = localParts(slot, tz);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow); // the Thursday of this ISO week decides its year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a notice at `slot` covers: the week before it. */
export function noticePeriod(slot: Date): { from: Date; to: Date } {
  return { from: new Date(slot.getTime() - 7 * 86_400_000), to: slot };
}
