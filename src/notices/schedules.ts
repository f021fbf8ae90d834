import type { Kysely } from 'kysely';
import type { Database, Reminder } from '../db/database.js';
import type { ScheduleSpec } from '../queue/schedule-spec.js';
import { estateSchedules } from './notice-settings.js';
import { onceAt } from '../time/reminder-schedule.js';
import { noticeCron } from './week.js';

/** How often the catch-up tick looks for a weekly notice missed while the bot was down. */
export const CATCH_UP_EVERY_MS = 10 * 60_000;

/** Scheduler id of a reminder. */
export function reminderSchedulerId(reminderId: number): string {
  return `sched-reminder-${reminderId}`;
}

/**
 * The scheduler of an active reminder: its cron in the estate's zone; a one-shot whose time
 * passed while nothing ran gets an interval instead, which BullMQ runs at once (it then fires late, once).
 */
export function reminderSpec(r: Pick<Reminder, 'id' | 'schedule' | 'cron' | 'time_zone'>, now: Date): ScheduleSpec<'fire-reminder'> {
  const overdue = r.schedule.kind === 'once' && onceAt(r.schedule, r.time_zone) <= now;
  return {
    id: reminderSchedulerId(r.id),
    name: 'fire-reminder',
    data: { reminderId: r.id },
    repeat: overdue ? { every: 60_000 } : { pattern: r.cron, tz: r.time_zone },
  };
}

/** Weekly notice and daily tally per estate, and the catch-up tick. */
export async function noticeSchedules(db: Kysely<Database>): Promise<ScheduleSpec[]> {
  const specs: ScheduleSpec[] = [{ id: 'sched-notice-catch-up', name: 'post-weekly-notice', data: { estateId: null }, repeat: { every: CATCH_UP_EVERY_MS }, atStart: true }];
  for (const e of await estateSchedules(db)) {
    specs.push({ id: `sched-notice-${e.estateId}`, name: 'post-weekly-notice', data: { estateId: e.estateId }, repeat: { pattern: noticeCron(e.notice), tz: e.timeZone } });
    specs.push({ id: `sched-tally-${e.estateId}`, name: 'daily-tally', data: { estateId: e.estateId }, repeat: { pattern: `${e.tally.minute} ${e.tally.hour} * * *`, tz: e.timeZone } });
  }
  return specs;
}

/** Every active reminder, from Postgres: a Redis that lost its data gets them back at worker start. */
export async function reminderSchedules(db: Kysely<Database>): Promise<ScheduleSpec[]> {
  const rows = await db.selectFrom('reminders').select(['id', 'schedule', 'cron', 'time_zone']).where('status', '=', 'active').orderBy('id').execute();
  const now = new Date();
  return rows.map((r) => reminderSpec(r, now));
}
