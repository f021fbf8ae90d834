import pg from 'pg';
import { inject } from 'vitest';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { manualClock } from '../../src/clock.js';
import type { Config } from '../../src/config.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoEstate } from '../../src/demo/seed-demo-estate.js';
import { silentLogger } from '../../src/log.js';
import type { IncomingMessage } from '../../src/messages/incoming-message.js';
import { createQueueFactory, type QueueFactory } from '../../src/queue/backend.js';
import { commandJobId, messageKey } from '../../src/queue/job-ids.js';
import { JOBS_QUEUE, outboundQueue } from '../../src/queue/queue-names.js';
import type { Services } from '../../src/runtime/services.js';
import { waitForEmpty, waitForJob } from '../../src/runtime/settle.js';
import { startBot, type Bot } from '../../src/runtime/start-bot.js';
import { startWorker } from '../../src/runtime/start-worker.js';
import { queueOutbound } from '../../src/outbound/queue-outbound.js';
import { initTestDb, type TestDb } from './db.js';

/** The whole pipeline on real services, driven like the console: say(name, text) → replies. */
export interface Pipeline {
  t: TestDb;
  factory: QueueFactory;
  clock: ReturnType<typeof manualClock>;
  bot: Bot;
  adapter: ConsoleAdapter;
  /** Every line the bot printed so far. */
  printed: string[];
  /** Build the message `name: text` would be (same id if `messageId` given: a redelivery). */
  message(name: string, text: string, messageId?: string): IncomingMessage;
  /** Deliver a message and wait for its replies; returns the lines printed meanwhile. */
  deliver(msg: IncomingMessage): Promise<string[]>;
  say(name: string, text: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Start the pipeline for one test file, on Redis or on BullMQ's Postgres backend. */
export async function startPipeline(name: string, backend: 'redis' | 'postgres', opts: { seed?: boolean; now?: Date; env?: Record<string, string> } = {}): Promise<Pipeline> {
  const t = await initTestDb(name);
  const prefix = `t-${name}-${process.pid}`;
  let factory: QueueFactory;
  if (backend === 'redis') {
    factory = await createQueueFactory({ kind: 'redis', url: inject('redisUrl'), prefix });
  } else {
    const schema = `q_${name}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const admin = new pg.Client({ connectionString: t.baseUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    factory = await createQueueFactory({ kind: 'postgres', url: t.baseUrl, schema, prefix });
  }
  const clock = manualClock(opts.now ?? new Date('2026-11-20T12:00:00Z'));
  if (opts.seed !== false) await seedDemoEstate(t.db, clock.now());
  const config: Config = loadConfig(opts.env ?? {});
  const services: Services = { config, db: t.db, databaseUrl: t.url, factory, log: silentLogger, close: async () => {} };
  const worker = await startWorker(factory, { db: t.db, clock, outbound: queueOutbound(factory), log: silentLogger }, 4);
  const printed: string[] = [];
  const adapter = new ConsoleAdapter((s) => printed.push(...s.replace(/\n$/, '').split('\n')));
  const bot = await startBot(services, [adapter]);
  const jobs = factory.queue(JOBS_QUEUE);
  const out = factory.queue(outboundQueue('console'));
  let seq = 0;
  const message = (who: string, text: string, messageId?: string): IncomingMessage => ({
    ...adapter.toMessage(`${who}: ${text}`, clock.now())!,
    messageId: messageId ?? `m${++seq}`,
  });
  const deliver = async (msg: IncomingMessage) => {
    const before = printed.length;
    const handled = await bot.receive(msg);
    if (handled === 'queued') await waitForJob(jobs, commandJobId(messageKey(msg)), 20_000);
    await waitForEmpty(out, 20_000);
    return printed.slice(before);
  };
  return {
    t,
    factory,
    clock,
    bot,
    adapter,
    printed,
    message,
    deliver,
    say: (who, text) => deliver(message(who, text)),
    close: async () => {
      await bot.stop();
      await worker.close();
      await waitForEmpty(jobs, 5_000).catch(() => {});
      await jobs.obliterate({ force: true }).catch(() => {});
      await out.obliterate({ force: true }).catch(() => {});
      await factory.close();
      await t.destroy();
    },
  };
}
