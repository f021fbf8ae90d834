import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { noticeSchedules, reminderSchedules } from '../notices/schedules.js';
import type { JobsQueue } from '../queue/jobs-queue.js';
import { SCHEDULED_JOB_OPTIONS } from '../queue/job-options.js';
import type { ScheduleProvider, ScheduleSpec, SchedulerPort } from '../queue/schedule-spec.js';
import { scoringSchedules } from '../scoring/schedule.js';
import { ticketSchedules } from '../tickets/schedule.js';
import { patrolSchedules } from '../grid/patrol-schedule.js';
import { councilSchedules } from '../council/schedule.js';
import { claimDigestSchedules } from '../ledger/digest-schedule.js';
import { committeeSchedules } from '../committee/committee-schedule.js';

/** Every feature's provider; a feature adds its own here. */
export const scheduleProviders: ScheduleProvider[] = [noticeSchedules, reminderSchedules, ticketSchedules, councilSchedules, scoringSchedules, patrolSchedules, claimDigestSchedules, committeeSchedules];

/** Upsert one job scheduler (idempotent). */
export async function upsertSchedule(queue: JobsQueue, s: ScheduleSpec): Promise<void> {
  const repeat = 'every' in s.repeat ? { every: s.repeat.every } : { pattern: s.repeat.pattern, tz: s.repeat.tz };
  await queue.upsertJobScheduler(s.id, repeat, { name: s.name, data: s.data, opts: SCHEDULED_JOB_OPTIONS });
}

/** The scheduler port processors use to add or drop one scheduler on the jobs queue. */
export function queueSchedulerPort(queue: JobsQueue): SchedulerPort {
  return { upsert: (s) => upsertSchedule(queue, s), remove: async (id) => void (await queue.removeJobScheduler(id)) };
}

/**
 * Make the queue's job schedulers match the providers: upsert each (idempotent, safe from
 * several workers at once) and remove 'sched-' schedulers nobody lists any more.
 */
export async function syncSchedules(queue: JobsQueue, db: Kysely<Database>, providers: ScheduleProvider[] = scheduleProviders): Promise<number> {
  const specs = (await Promise.all(providers.map((p) => p(db)))).flat();
  for (const s of specs) {
    await upsertSchedule(queue, s);
    // Retried through an outage like the scheduled runs (it once had one attempt: a worker started
    // as Postgres dropped lost its catch-up until the next start).
    if (s.atStart) await queue.add(s.name, s.data, { ...SCHEDULED_JOB_OPTIONS, jobId: `${s.id}-start-${Date.now()}` });
  }
  const wanted = new Set(specs.map((s) => s.id));
  const existing = await queue.getJobSchedulers(0, -1);
  for (const e of existing) {
    const id = (e as { key?: string; id?: string }).key ?? (e as { id?: string }).id;
    if (id && id.startsWith('sched-') && !wanted.has(id)) await queue.removeJobScheduler(id);
  }
  return specs.length;
}
