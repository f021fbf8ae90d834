import { inject } from 'vitest';
import type { Adapter } from '../../src/adapters/adapter.js';
import { manualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoEstate } from '../../src/demo/seed-demo-estate.js';
import { silentLogger } from '../../src/log.js';
import type { IncomingMessage } from '../../src/messages/incoming-message.js';
import type { OutgoingAttachment, ReplyButton } from '../../src/outbox/outgoing-message.js';
import { queueOutbound } from '../../src/outbound/queue-outbound.js';
import { createQueueFactory, type QueueFactory } from '../../src/queue/backend.js';
import { JOBS_QUEUE, outboundQueue } from '../../src/queue/queue-names.js';
import type { Services } from '../../src/runtime/services.js';
import { startBot, type Bot } from '../../src/runtime/start-bot.js';
import { startWorker } from '../../src/runtime/start-worker.js';
import { initTestDb, type TestDb } from '../support/db.js';

/** One call the sender made on the adapter's port. */
export interface PortCall {
  chatId: string;
  text: string;
  mentions: string[];
}

/** An image or file that reached a chat. */
export interface ShownFile {
  chatId: string;
  fileName: string;
  size: number;
}

/**
 * The adapter under test, wrapped so the suite sees what it hands the core (IncomingMessages)
 * and what the sender asks it to send; the adapter itself is untouched.
 */
export class Recording implements Adapter {
  readonly received: IncomingMessage[] = [];
  readonly calls: PortCall[] = [];
  /** Images and files the sender handed the port. */
  readonly files: ShownFile[] = [];
  private readonly pending = new Set<Promise<void>>();
  readonly platform;
  readonly port;

  constructor(readonly inner: Adapter) {
    this.platform = inner.platform;
    this.port = {
      maxLength: inner.port.maxLength,
      measure: inner.port.measure,
      send: async (chatId: string, text: string, mentions: string[], extra?: { buttons?: ReplyButton[] }) => {
        await inner.port.send(chatId, text, mentions, extra);
        this.calls.push({ chatId, text, mentions });
      },
      ...(inner.port.sendAttachment
        ? {
            sendAttachment: async (chatId: string, a: OutgoingAttachment) => {
              await inner.port.sendAttachment!(chatId, a);
              this.files.push({ chatId, fileName: a.fileName, size: a.bytes.length });
            },
          }
        : {}),
    };
  }

  pace(chatId: string): Promise<void> {
    return this.inner.pace?.(chatId) ?? Promise.resolve();
  }

  start(onMessage: (msg: IncomingMessage) => Promise<void>): Promise<void> {
    return this.inner.start(async (msg) => {
      this.received.push(msg);
      const p = onMessage(msg);
      this.pending.add(p);
      try {
        await p;
      } finally {
        this.pending.delete(p);
      }
    });
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  /** Wait until `n` messages have reached the core (the platform delivers asynchronously). */
  async waitForReceived(n: number, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.received.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    await Promise.all([...this.pending]);
  }
}

/** The real pipeline (handler → queue → worker → Postgres → outbound → sender) around one adapter. */
export interface Harness {
  t: TestDb;
  factory: QueueFactory;
  bot: Bot;
  rec: Recording;
  /** Wait until every job and outgoing message has been processed. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Start the pipeline for one test file: its own Postgres schema and Redis prefix, the demo estate seeded. */
export async function startHarness(name: string, adapter: Adapter): Promise<Harness> {
  const t = await initTestDb(name);
  const factory = await createQueueFactory({ kind: 'redis', url: inject('redisUrl'), prefix: `t-${name}-${process.pid}` });
  const clock = manualClock(new Date('2026-11-20T12:00:00Z'));
  await seedDemoEstate(t.db, clock.now());
  const services: Services = { config: loadConfig({}), db: t.db, databaseUrl: t.url, factory, log: silentLogger, close: async () => {} };
  const worker = await startWorker(factory, { db: t.db, clock, outbound: queueOutbound(factory), log: silentLogger }, 4);
  const rec = new Recording(adapter);
  const bot = await startBot(services, [rec]);
  const jobs = factory.queue(JOBS_QUEUE);
  const out = factory.queue(outboundQueue(adapter.platform));
  // Job schedulers (ticket sweeps, reminders) keep delayed jobs in the jobs queue for ever: wait only
  // for what is waiting or running there; outgoing retries (delayed) do count.
  const idle = async (q: typeof jobs, states: Array<'waiting' | 'active' | 'delayed' | 'prioritized'>) => {
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      const c = await q.getJobCounts(...states);
      if (Object.values(c).every((n) => n === 0)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await idle(jobs, ['waiting', 'active', 'prioritized']);
      await idle(out, ['waiting', 'active', 'delayed', 'prioritized']);
    }
  };
  return {
    t,
    factory,
    bot,
    rec,
    settle,
    close: async () => {
      await bot.stop();
      await worker.close();
      await jobs.obliterate({ force: true }).catch(() => {});
      await out.obliterate({ force: true }).catch(() => {});
      await factory.close();
      await t.destroy();
    },
  };
}
