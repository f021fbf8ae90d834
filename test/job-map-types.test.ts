import { describe, expect, it } from 'vitest';
import { processors } from '../jobs/processors.js';
import { JOB_NAMES } from '../src/runtime/start-worker.js';
import type { JobsQueue } from '../src/queue/jobs-queue.js';
import type { ScheduleSpec } from '../src/queue/schedule-spec.js';

// The compiler is the test here: `npx tsc --noEmit` fails if any line marked @ts-expect-error
// compiles, that is, if a producer could queue a job with a payload its name does not take.
// The function is never called; vitest only checks that every name has its processor.
function producers(jobs: JobsQueue): void {
  void jobs.add('fire-reminder', { reminderId: 1 });
  // @ts-expect-error a reminder's firing carries the reminder, not an estate
  void jobs.add('fire-reminder', { estateId: 1 });
  // @ts-expect-error no job has this name
  void jobs.add('fire-reminders', { reminderId: 1 });
  void jobs.addBulk([{ name: 'daily-tally', data: { estateId: null } }, { name: 'record-deliveries', data: { items: [] } }]);
  // @ts-expect-error the daily tally runs for an estate
  void jobs.addBulk([{ name: 'daily-tally', data: { reminderId: 1 } }]);
  void jobs.upsertJobScheduler('sched-ticket-sla-sweep', { every: 60_000 }, { name: 'ticket-sla-sweep', data: { estateId: null } });
  // @ts-expect-error the sweep's payload is an estate, not a reminder
  void jobs.upsertJobScheduler('sched-ticket-sla-sweep', { every: 60_000 }, { name: 'ticket-sla-sweep', data: { reminderId: 1 } });
}

const fine: ScheduleSpec = { id: 'sched-reminder-1', name: 'fire-reminder', data: { reminderId: 1 }, repeat: { every: 60_000 } };
// @ts-expect-error a schedule's payload must be the one its job name takes
const wrong: ScheduleSpec = { id: 'sched-reminder-1', name: 'fire-reminder', data: { estateId: 1 }, repeat: { every: 60_000 } };

describe('the job map', () => {
  it('has one processor for every job name a producer can queue', () => {
    expect(typeof producers).toBe('function');
    expect([fine.name, wrong.name]).toEqual(['fire-reminder', 'fire-reminder']);
    expect(Object.keys(processors).sort()).toEqual([...JOB_NAMES].sort());
  });
});
