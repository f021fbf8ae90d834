import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { consoleUserId } from '../../src/adapters/console/identity.js';
import { manualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/connect.js';
import { seedDemoEstate } from '../../src/demo/seed-demo-estate.js';
import { silentLogger } from '../../src/log.js';
import { queueOutbound } from '../../src/outbound/queue-outbound.js';
import { createQueueFactory } from '../../src/queue/backend.js';
import { messageKey } from '../../src/queue/job-ids.js';
import { JOBS_QUEUE } from '../../src/queue/queue-names.js';
import { UnsafeRedisError, checkRedisSettings } from '../../src/runtime/redis-settings.js';
import type { ScheduleProvider } from '../../src/queue/schedule-spec.js';
import { scheduleProviders } from '../../src/runtime/schedules.js';
import { startBot } from '../../src/runtime/start-bot.js';
import { startWorker } from '../../src/runtime/start-worker.js';
import { initTestDb } from '../support/db.js';
import { groupMessage, recordingAdapter, sleep, startCrashableRedis, startTcpProxy, until } from './harness.js';

const staff = consoleUserId('刘雅玲');

/** Bot and worker in this process, the worker's Postgres behind a proxy we can cut. */
async function rig(name: string, redisUrl: string) {
  const t = await initTestDb(name);
  await seedDemoEstate(t.db, new Date());
  const base = new URL(t.url);
  const proxy = await startTcpProxy({ host: base.hostname, port: Number(base.port || 5432) });
  base.port = String(proxy.port);
  const workerDb = createDb(base.toString(), { max: 4 });
  const factory = await createQueueFactory({ kind: 'redis', url: redisUrl, prefix: `${name}-${process.pid}` });
  const adapter = recordingAdapter();
  const worker = await startWorker(factory, { db: workerDb, clock: manualClock(new Date()), outbound: queueOutbound(factory), log: silentLogger }, 4, { lockMs: 2000 });
  const bot = await startBot({ config: loadConfig({ LINLI_FLOOD_BURST: '1000' }), db: t.db, databaseUrl: t.url, factory, log: silentLogger, close: async () => {} }, [adapter]);
  let seq = 0;
  const send = async (n: number, room = '9-1-101') => {
    const keys: string[] = [];
    for (let i = 0; i < n; i++) {
      // A different sum each time: the same sum by the same hand within 30 minutes is held back as a double send.
      const msg = groupMessage(staff, `收费 ${room} ${5 * (1 + (seq % 120))}`, `${name}-${++seq}`);
      keys.push(messageKey(msg));
      await bot.receive(msg);
    }
    return keys;
  };
  const effects = async (keys: string[]) => (await t.db.selectFrom('payments').select('source_key').where('source_key', 'in', keys).execute()).length;
  return {
    t, proxy, factory, adapter, worker, bot, send, effects,
    close: async () => {
      await bot.stop();
      await worker.close();
      await factory.close();
      await workerDb.destroy();
      await proxy.close();
      await t.destroy();
    },
  };
}

describe('outages', () => {
  const provider: ScheduleProvider = async () => [{ id: 'sched-rel-test', name: 'record-delivery', data: { outboxKey: 'x', platform: 'console', chatId: 'c', status: 'sent', reason: null, at: new Date(0).toISOString(), text: null }, repeat: { every: 3_600_000 } }];
  beforeAll(() => void scheduleProviders.push(provider));
  afterAll(() => void scheduleProviders.splice(scheduleProviders.indexOf(provider), 1));

  it('Redis crashing (with AOF) mid-stream: commands wait and go through, none lost or doubled', async () => {
    const redis = await startCrashableRedis();
    const r = await rig('rel_redis_crash', redis.url);
    try {
      const first = await r.send(10);
      await redis.crash();
      // Messages arriving while Redis is down wait in the client, then go.
      const during = r.send(10);
      await sleep(1000);
      await redis.start();
      const keys = [...first, ...(await during), ...(await r.send(5))];
      expect(await until(async () => (await r.effects(keys)) === keys.length && r.adapter.sent.length >= keys.length, 20_000)).toBe(true);
      await sleep(300);
      expect(await r.effects(keys)).toBe(25);
      expect(r.adapter.sent).toHaveLength(25);
    } finally {
      await r.close();
      await redis.stop();
    }
  }, 30_000);

  it('Redis restarted empty: the job schedulers come back', async () => {
    const redis = await startCrashableRedis({ persist: false });
    const r = await rig('rel_redis_empty', redis.url);
    try {
      const jobs = r.factory.queue(JOBS_QUEUE);
      expect((await jobs.getJobSchedulers()).map((s) => s.key)).toContain('sched-rel-test');
      await redis.crash();
      await redis.start();
      expect(await until(async () => (await jobs.getJobSchedulers().catch(() => [])).some((s) => s.key === 'sched-rel-test'), 10_000)).toBe(true);
    } finally {
      await r.close();
      await redis.stop();
    }
  }, 30_000);

  it('Postgres unreachable for a few seconds: jobs fail, retry, and all land once', async () => {
    const r = await rig('rel_pg_cut', inject('redisUrl'));
    try {
      const before = await r.send(5);
      await until(async () => (await r.effects(before)) === 5, 10_000);
      r.proxy.cut();
      const during = await r.send(10, '9-1-102');
      await sleep(2500);
      r.proxy.restore();
      const keys = [...before, ...during];
      expect(await until(async () => (await r.effects(keys)) === 15 && r.adapter.sent.length >= 15, 25_000)).toBe(true);
      await sleep(300);
      expect(await r.effects(keys)).toBe(15);
      expect(r.adapter.sent).toHaveLength(15);
    } finally {
      await r.close();
    }
  }, 40_000);

  it('start-up refuses a Redis that may evict keys, with one clear line', async () => {
    const lru = await startCrashableRedis({ persist: false, args: ['--maxmemory-policy', 'allkeys-lru'] });
    try {
      const err = await checkRedisSettings(lru.url).catch((e) => e);
      expect(err).toBeInstanceOf(UnsafeRedisError);
      expect(err.message).toMatch(/maxmemory-policy is "allkeys-lru".*noeviction/);
      expect(err.message).not.toContain('\n');
    } finally {
      await lru.stop();
    }
    const ok = await startCrashableRedis({ persist: false, args: ['--maxmemory-policy', 'noeviction'] });
    try {
      await expect(checkRedisSettings(ok.url)).resolves.toBeUndefined();
    } finally {
      await ok.stop();
    }
  });
});
