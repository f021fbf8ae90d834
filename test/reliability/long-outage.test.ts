import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consoleUserId } from '../../src/adapters/console/identity.js';
import { manualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/connect.js';
import { startEmbeddedPostgres, type EmbeddedDb } from '../../src/db/embedded.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDemoEstate } from '../../src/demo/seed-demo-estate.js';
import { translator } from '../../src/i18n/translator.js';
import type { Logger } from '../../src/log.js';
import { queueOutbound } from '../../src/outbound/queue-outbound.js';
import { createQueueFactory } from '../../src/queue/backend.js';
import { commandJobId, messageKey } from '../../src/queue/job-ids.js';
import { COMMAND_JOB_OPTIONS, COMMAND_RETRY, outageHorizonMs } from '../../src/queue/job-options.js';
import { JOBS_QUEUE } from '../../src/queue/queue-names.js';
import { startBot } from '../../src/runtime/start-bot.js';
import { startWorker } from '../../src/runtime/start-worker.js';
import { freePort } from '../support/services.js';
import { groupMessage, recordingAdapter, sleep, until } from './harness.js';

const zh = translator('zh-Hans');
const staff = consoleUserId('刘雅玲');

/** A logger that keeps every line, to count what an outage costs in log volume. */
function keepingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const put = (level: string) => (msg: string) => void lines.push(`${level} ${msg}`);
  const log: Logger & { lines: string[] } = { lines, debug: () => {}, info: put('info'), warn: put('warn'), error: put('error'), child: () => log };
  return log;
}

describe('a Postgres outage longer than a retry burst', () => {
  let dir: string;
  let port: number;
  let pg: EmbeddedDb;
  const note = () => {};

  beforeAll(async () => {
    // Our own Postgres, never the shared one: we stop it under the worker.
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-outage-'));
    chmodSync(dir, 0o755);
    port = await freePort();
    pg = await startEmbeddedPostgres(dir, port, note);
    const db = createDb(pg.url);
    await migrateToLatest(db);
    await seedDemoEstate(db, new Date());
    await db.destroy();
  }, 300_000);
  afterAll(async () => {
    await pg?.stop().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('retries for minutes, tells each member once that it is delayed, lands every command once, and logs a few lines', async () => {
    expect(outageHorizonMs()).toBeGreaterThan(50 * 60_000);
    const log = keepingLogger();
    const db = createDb(pg.url, { max: 4 });
    const factory = await createQueueFactory({ kind: 'redis', url: inject('redisUrl'), prefix: `long-outage-${process.pid}` });
    const adapter = recordingAdapter();
    const worker = await startWorker(factory, { db, clock: manualClock(new Date()), outbound: queueOutbound(factory), log }, 4, { lockMs: 5000, outageLogMs: 10_000 });
    const bot = await startBot({ config: loadConfig({ LINLI_FLOOD_BURST: '1000' }), db, databaseUrl: pg.url, factory, log, close: async () => {} }, [adapter]);
    let seq = 0;
    const send = async (n: number, room: string) => {
      const keys: string[] = [];
      for (let i = 0; i < n; i++) {
        // A different sum each time: the same sum by the same hand within 30 minutes is held as a double send.
        seq += 1;
        const msg = groupMessage(staff, `收费 ${room} ${5 * seq}`, `lo-${seq}`);
        keys.push(messageKey(msg));
        await bot.receive(msg);
      }
      return keys;
    };
    const effects = async (keys: string[]) => (await db.selectFrom('payments').select('source_key').where('source_key', 'in', keys).execute()).length;
    const shown = (text: string) => adapter.sent.filter((s) => s.text === text).length;
    try {
      const before = await send(3, '9-1-101');
      expect(await until(async () => (await effects(before)) === 3, 30_000)).toBe(true);

      await pg.stop();
      const linesBefore = log.lines.length;
      const during = await send(8, '9-1-102');
      // One command with a short horizon: it fails for good while Postgres is still down, and
      // the member hears it anyway (the notice does not need Postgres).
      const doomed = groupMessage(staff, '收费 9-1-103 5', `lo-${++seq}`);
      await factory.queue(JOBS_QUEUE).add('collect', {
        key: messageKey(doomed), platform: 'console', chatId: doomed.chatId, isPrivate: false, messageId: doomed.messageId, senderId: staff,
        receivedAt: new Date().toISOString(), locale: 'zh-Hans', command: { intent: 'collect', room: '9-1-103', amountFen: 500, months: null, ref: null, rating: null, text: null } as never, attachments: [],
      }, { ...COMMAND_JOB_OPTIONS, attempts: 3, jobId: commandJobId(messageKey(doomed)) });

      // Longer than the old burst of 5 attempts (1+2+4+8 s = 15 s).
      await sleep(25_000);
      expect(shown(zh.t('command_delayed'))).toBe(8);
      expect(shown(zh.t('command_failed_outage'))).toBe(1);
      const outageLines = log.lines.slice(linesBefore).filter((l) => l.startsWith('error'));
      // ~9 jobs × 5 attempts failed meanwhile; the log says so in a line per interval (10 s here),
      // plus one line for the command that failed for good.
      expect(outageLines.filter((l) => /database unavailable/.test(l)).length).toBeGreaterThanOrEqual(1);
      expect(outageLines.length, outageLines.join('\n')).toBeLessThanOrEqual(5);

      pg = await startEmbeddedPostgres(dir, port, note);
      const keys = [...before, ...during];
      expect(await until(async () => (await effects(keys)) === 11, 120_000, 500)).toBe(true);
      expect(await until(() => adapter.sent.filter((s) => s.text.startsWith('已收费')).length >= 11, 30_000)).toBe(true);
      await sleep(1000);
      expect(await effects(keys)).toBe(11);
      expect(adapter.sent.filter((s) => s.text.startsWith('已收费'))).toHaveLength(11);
      // Each member was told once: no second delay notice, no failure notice for what went through.
      expect(shown(zh.t('command_delayed'))).toBe(8);
      expect(shown(zh.t('command_failed_outage'))).toBe(1);
      expect(await effects([messageKey(doomed)])).toBe(0);
      // The notices' outbox rows are written once Postgres is back, with why they were sent.
      expect(await until(async () => (await db.selectFrom('outbox').select('key').where('key', 'like', '%-delay').execute()).length === 8, 30_000)).toBe(true);
      expect(log.lines.some((l) => /database available again/.test(l))).toBe(true);
      expect(COMMAND_RETRY.delayNoticeAfter).toBeGreaterThan(1);
    } finally {
      await bot.stop();
      await worker.close();
      await factory.queue(JOBS_QUEUE).obliterate({ force: true }).catch(() => {});
      await factory.close();
      await db.destroy();
    }
  }, 300_000);
});
