import type { Worker } from 'bullmq';
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../src/clock.js';
import { silentLogger } from '../src/log.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import { createQueueFactory, type QueueFactory } from '../src/queue/backend.js';
import { JOBS_QUEUE, outboundQueue } from '../src/queue/queue-names.js';
import { queueSchedulerPort, syncSchedules } from '../src/runtime/schedules.js';
import { runJob } from '../src/runtime/start-worker.js';
import type { WorkerDeps } from '../jobs/worker-deps.js';
import { initTestDb, type TestDb } from './support/db.js';
import { startPrivateRedis } from './support/services.js';
import { pay, seedFixture, type Fixture } from './support/notices-fixture.js';

// Sunday 22 Nov 2026, 20:00 in Shanghai.
const SLOT = new Date('2026-11-22T12:00:00Z');
const MIN = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('weekly notice through BullMQ: two workers, double firing, restart across the scheduled time', () => {
  let t: TestDb;
  let f: Fixture;
  let factory: QueueFactory;
  const clock = manualClock(new Date(SLOT.getTime() - MIN));
  const workers: Worker[] = [];

  beforeAll(async () => {
    t = await initTestDb('notices_queue');
    f = await seedFixture(t.db);
    await pay(t.db, f, '1-1-102', 1500, new Date('2026-11-17T11:30:00Z'));
    factory = await createQueueFactory({ kind: 'redis', url: inject('redisUrl'), prefix: `t-notices-${process.pid}` });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await factory.queue(JOBS_QUEUE).obliterate({ force: true }).catch(() => {});
    await factory.queue(outboundQueue('console')).obliterate({ force: true }).catch(() => {});
    await factory.close();
    await t.destroy();
  });

  /** A worker process as start-up makes it: schedulers synced from Postgres, then the jobs queue. */
  async function startWorker(): Promise<Worker> {
    const jobs = factory.queue(JOBS_QUEUE);
    const deps: WorkerDeps = { db: t.db, clock, outbound: queueOutbound(factory), log: silentLogger, schedules: queueSchedulerPort(jobs) };
    await syncSchedules(jobs, t.db);
    const w = factory.worker(JOBS_QUEUE, (job) => runJob(job, deps), { concurrency: 4 });
    workers.push(w);
    return w;
  }

  async function settle(until: () => Promise<boolean>) {
    const jobs = factory.queue(JOBS_QUEUE);
    for (let i = 0; i < 500; i++) {
      const c = await jobs.getJobCounts('waiting', 'active', 'prioritized');
      if (Object.values(c).every((n) => n === 0) && (await until())) return;
      await sleep(20);
    }
    throw new Error('queue did not settle');
  }

  const notices = () => t.db.selectFrom('posted_notices').select(['group_id', 'week', 'late', 'outbox_key']).orderBy('week').orderBy('group_id').execute();
  const outboxCount = async () => Number((await t.db.selectFrom('outbox').select((e) => e.fn.countAll<string>().as('n')).where('key', 'like', 'notice-%').executeTakeFirstOrThrow()).n);

  it('posts one notice per group for the week when the scheduler fires twice on two workers', async () => {
    const a = await startWorker();
    const b = await startWorker();
    await Promise.all([a.waitUntilReady(), b.waitUntilReady()]);
    const jobs = factory.queue(JOBS_QUEUE);
    const names = (await jobs.getJobSchedulers(0, -1)).map((s) => (s as { key?: string }).key ?? (s as { id?: string }).id).filter((id) => /^sched-(notice|tally|reminder)-/.test(id!)).sort();
    expect(names).toEqual([`sched-notice-${f.estateId}`, 'sched-notice-catch-up', `sched-tally-${f.estateId}`]);

    clock.set(SLOT);
    // The estate's scheduler fires twice (and the catch-up tick too), picked up by both workers.
    await jobs.addBulk([
      { name: 'post-weekly-notice', data: { estateId: f.estateId }, opts: { jobId: 'fire-1' } },
      { name: 'post-weekly-notice', data: { estateId: f.estateId }, opts: { jobId: 'fire-2' } },
      { name: 'post-weekly-notice', data: { estateId: null }, opts: { jobId: 'fire-3' } },
      { name: 'post-weekly-notice', data: { estateId: f.estateId }, opts: { jobId: 'fire-4' } },
    ]);
    await settle(async () => (await outboxCount()) === 2);
    expect(await notices()).toEqual([
      { group_id: f.groups.estate.id, week: '2026-W47', late: false, outbox_key: `notice-${f.groups.estate.id}-2026-W47-r1` },
      { group_id: f.groups.zoneB.id, week: '2026-W47', late: false, outbox_key: `notice-${f.groups.zoneB.id}-2026-W47-r1` },
    ]);
    // One outbound job per group: the jobId is the outbox key.
    const out = await factory.queue(outboundQueue('console')).getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(out.map((j) => j.id).sort()).toEqual([`out-notice-${f.groups.estate.id}-2026-W47-r1`, `out-notice-${f.groups.zoneB.id}-2026-W47-r1`]);
    expect((out.find((j) => j.id === `out-notice-${f.groups.estate.id}-2026-W47-r1`)!.data as { text: string }).text).toContain('1栋：1-1-102 15元');
  });

  it('after a restart across the next scheduled time, posts that week once, marked late', async () => {
    // Both workers stop a minute before the next Sunday 20:00 and come back 40 minutes after it.
    clock.set(new Date(SLOT.getTime() + 7 * 24 * 60 * MIN - MIN));
    await Promise.all(workers.splice(0).map((w) => w.close()));
    clock.set(new Date(SLOT.getTime() + 7 * 24 * 60 * MIN + 40 * MIN));
    // Two processes start at once; each syncs the schedulers (the catch-up tick runs at once).
    await Promise.all([startWorker(), startWorker()]);
    await settle(async () => (await outboxCount()) === 4);
    // A scheduler firing late as well changes nothing.
    await factory.queue(JOBS_QUEUE).add('post-weekly-notice', { estateId: f.estateId }, { jobId: 'late-fire' });
    await settle(async () => true);
    const w48 = (await notices()).filter((n) => n.week === '2026-W48');
    expect(w48.map((n) => [n.group_id, n.late])).toEqual([
      [f.groups.estate.id, true],
      [f.groups.zoneB.id, true],
    ]);
    expect(await outboxCount()).toBe(4);
  });
});

describe('job schedulers come back from Postgres when Redis loses its data', () => {
  it('rebuilds notice, tally and reminder schedulers on a fresh Redis', async () => {
    const t = await initTestDb('notices_redis_loss');
    const f = await seedFixture(t.db);
    await t.db
      .insertInto('reminders')
      .values({ estate_id: f.estateId, platform: 'console', chat_id: 'g-estate', created_by: f.staffId, schedule: JSON.stringify({ kind: 'monthly', day: 1, hour: 9, minute: 0 }), cron: '0 9 1 * *', time_zone: 'Asia/Shanghai', message: '交费', source_key: 'k1', created_at: new Date() })
      .execute();
    const ids = async (url: string) => {
      const factory = await createQueueFactory({ kind: 'redis', url, prefix: 'linli' });
      try {
        const q = factory.queue(JOBS_QUEUE);
        await syncSchedules(q, t.db);
        return (await q.getJobSchedulers(0, -1)).map((s) => (s as { key?: string }).key ?? (s as { id?: string }).id).filter((id) => /^sched-(notice|tally|reminder)-/.test(id!)).sort();
      } finally {
        await factory.close();
      }
    };
    const expected = ['sched-notice-' + f.estateId, 'sched-notice-catch-up', 'sched-reminder-1', 'sched-tally-' + f.estateId].sort();
    // A Redis that lost everything is a new, empty Redis: each gets the schedulers at worker start.
    for (let i = 0; i < 2; i++) {
      const redis = await startPrivateRedis();
      try {
        expect(await ids(redis.url)).toEqual(expected);
      } finally {
        await redis.stop();
      }
    }
    await t.destroy();
  });
});
