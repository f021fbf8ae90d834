import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUserId } from '../../src/adapters/console/identity.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoEstate } from '../../src/demo/seed-demo-estate.js';
import { silentLogger } from '../../src/log.js';
import { createQueueFactory, type QueueFactory } from '../../src/queue/backend.js';
import { commandJobId, messageKey } from '../../src/queue/job-ids.js';
import { JOBS_QUEUE } from '../../src/queue/queue-names.js';
import { startBot, type Bot } from '../../src/runtime/start-bot.js';
import { initTestDb, type TestDb } from '../support/db.js';
import { groupMessage, recordingAdapter, spawnWorker, startCrashableRedis, until, type CrashableRedis, type WorkerProcess } from './harness.js';

// Worker processes (`linli start --role worker`) killed at the worst moments, against a private
// Redis. A Postgres table lock held by the test stops a job mid-transaction, so the kill lands
// before the commit; freezing Redis after the commit holds the worker between commit and "done".
describe('a worker killed mid-job', () => {
  let t: TestDb;
  let redis: CrashableRedis;
  let factory: QueueFactory;
  let bot: Bot;
  const adapter = recordingAdapter();
  const workers: WorkerProcess[] = [];
  let env: Parameters<typeof spawnWorker>[0];
  let seq = 0;
  const staff = consoleUserId('刘雅玲');

  // Workers take seconds to boot: the next one boots while the current one is being killed.
  const spawn = () => {
    const w = spawnWorker(env);
    workers.push(w);
    return w;
  };
  const worker = async () => {
    const w = spawn();
    await w.ready;
    return w;
  };
  const lockPayments = async () => {
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    await c.query('begin');
    await c.query('lock table payments in share mode');
    return c;
  };
  const active = (id: string) => until(async () => (await factory.queue(JOBS_QUEUE).getJob(id))?.getState().then((s) => s === 'active') ?? false, 10_000, 20);
  const paymentsFor = (key: string) => t.db.selectFrom('payments').select(['id', 'amount_fen']).where('source_key', '=', key).execute();
  const repliesFor = (room: string) => adapter.sent.filter((s) => s.text.includes(room));

  beforeAll(async () => {
    t = await initTestDb('rel_crash');
    await seedDemoEstate(t.db, new Date());
    redis = await startCrashableRedis({ persist: false });
    const prefix = `rel-crash-${process.pid}`;
    factory = await createQueueFactory({ kind: 'redis', url: redis.url, prefix });
    bot = await startBot({ config: loadConfig({}), db: t.db, databaseUrl: t.url, factory, log: silentLogger, close: async () => {} }, [adapter]);
    env = { DATABASE_URL: t.url, REDIS_URL: redis.url, LINLI_QUEUE_PREFIX: prefix, LINLI_JOB_LOCK_MS: '1500' };
  });
  afterAll(async () => {
    redis?.resume();
    for (const w of workers) w.child.kill('SIGKILL');
    await bot?.stop();
    await factory?.close();
    await redis?.stop();
    await t?.destroy();
  });

  it('before its commit: the next worker does the job, once', async () => {
    const w1 = await worker();
    const next = spawn();
    const lock = await lockPayments();
    const msg = groupMessage(staff, '收费 7-1-101 10', `crash-${++seq}`);
    await bot.receive(msg);
    expect(await active(commandJobId(messageKey(msg)))).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    w1.child.kill('SIGKILL');
    await w1.exited;
    await lock.query('rollback');
    await lock.end();
    expect(await paymentsFor(messageKey(msg))).toEqual([]);
    await next.ready;
    expect(await until(async () => repliesFor('7-1-101').length > 0, 15_000)).toBe(true);
    expect(await paymentsFor(messageKey(msg))).toEqual([{ id: expect.any(Number), amount_fen: 1000 }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(repliesFor('7-1-101')).toHaveLength(1);
  }, 90_000);

  it('after its commit but before it reported done: the next worker re-runs it, with no second effect or reply', async () => {
    const w1 = workers[workers.length - 1];
    await w1.ready;
    const next = spawn();
    const lock = await lockPayments();
    const msg = groupMessage(staff, '收费 7-1-102 15', `crash-${++seq}`);
    const key = messageKey(msg);
    await bot.receive(msg);
    expect(await active(commandJobId(key))).toBe(true);
    redis.pause();
    await lock.query('commit');
    await lock.end();
    const committed = await until(async () => (await t.db.selectFrom('processed_commands').select('key').where('key', '=', key).execute()).length === 1, 10_000, 20);
    expect(committed).toBe(true);
    w1.child.kill('SIGKILL');
    await w1.exited;
    redis.resume();
    await next.ready;
    expect(await until(async () => repliesFor('7-1-102').length > 0, 15_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await paymentsFor(key)).toHaveLength(1);
    expect(repliesFor('7-1-102')).toHaveLength(1);
    // The dead worker's job is taken over once its lock lapses, re-run, and finishes.
    const job = (await factory.queue(JOBS_QUEUE).getJob(commandJobId(key)))!;
    expect(await until(async () => (await job.getState()) === 'completed', 10_000)).toBe(true);
    expect(await paymentsFor(key)).toHaveLength(1);
    expect(repliesFor('7-1-102')).toHaveLength(1);
  }, 90_000);

  it('on SIGTERM finishes its in-flight job, then exits cleanly within a bounded time', async () => {
    const w = workers[workers.length - 1];
    for (const o of workers) if (o !== w) o.child.kill('SIGKILL');
    const lock = await lockPayments();
    const msg = groupMessage(staff, '收费 7-1-201 20', `crash-${++seq}`);
    await bot.receive(msg);
    expect(await active(commandJobId(messageKey(msg)))).toBe(true);
    const t0 = Date.now();
    w.child.kill('SIGTERM');
    setTimeout(() => void lock.query('commit').then(() => lock.end()), 1000);
    const how = await w.exited;
    expect(how).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await paymentsFor(messageKey(msg))).toHaveLength(1);
    const job = await factory.queue(JOBS_QUEUE).getJob(commandJobId(messageKey(msg)));
    expect(await job?.getState()).toBe('completed');
  }, 20_000);
});
