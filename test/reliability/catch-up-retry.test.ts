import type { Kysely } from 'kysely';
import { afterAll, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { createQueueFactory } from '../../src/queue/backend.js';
import { jobsQueue } from '../../src/queue/jobs-queue.js';
import { JOBS_QUEUE } from '../../src/queue/queue-names.js';
import type { ScheduleSpec } from '../../src/queue/schedule-spec.js';
import { syncSchedules } from '../../src/runtime/schedules.js';
import { commandBackoff } from '../../src/runtime/start-worker.js';
import { until } from './harness.js';

// The 3000-command chaos soak ended with 8 jobs "failed for good": the catch-up runs workers queue
// at start (sweeps, the weekly notice), given one attempt, met the Postgres outage a worker had
// started into. They are retried through an outage now, like the scheduled runs.
const factory = await createQueueFactory({ kind: 'redis', url: inject('redisUrl'), prefix: `t-catchup-${process.pid}` });
afterAll(async () => {
  await factory.queue(JOBS_QUEUE).obliterate({ force: true }).catch(() => {});
  await factory.close();
});

it('a start-up catch-up run that meets a database outage is retried until it runs, not failed', async () => {
  const spec: ScheduleSpec = { id: 'sched-council-sweep', name: 'council-sweep', data: { estateId: null }, repeat: { pattern: '0 0 1 1 *', tz: 'UTC' }, atStart: true };
  await syncSchedules(jobsQueue(factory), {} as Kysely<Database>, [async () => [spec]]);
  let calls = 0;
  const worker = factory.worker(
    JOBS_QUEUE,
    async () => {
      // Postgres unreachable for the first two tries.
      if (++calls <= 2) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    },
    { settings: { backoffStrategy: commandBackoff } },
  );
  worker.on('error', () => {});
  try {
    const q = factory.queue(JOBS_QUEUE);
    expect(await until(async () => (await q.getJobCounts('completed')).completed === 1, 15_000, 100)).toBe(true);
    const [job] = await q.getJobs(['completed']);
    expect(job.id).toMatch(/^sched-council-sweep-start-/);
    expect(calls).toBe(3);
    expect((await q.getJobCounts('failed')).failed).toBe(0);
  } finally {
    await worker.close();
  }
}, 30_000);
