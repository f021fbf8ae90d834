import { GROUP_COMMIT_DEFAULTS } from '../jobs/group-commit.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { handleMessage, type Handled } from '../handlers/handle-message.js';
import { DEFAULT_FLOOD_LIMITS, floodGuard } from '../handlers/flood-guard.js';
import { queuePorts } from '../handlers/queue-ports.js';
import { systemClock, type Clock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import { silentLogger } from '../src/log.js';
import type { IncomingMessage } from '../src/messages/incoming-message.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import { queueReporter, startSender } from '../src/outbound/sender.js';
import type { SendPort } from '../src/outbound/send-port.js';
import { createQueueFactory, type QueueBackendSpec, type QueueFactory } from '../src/queue/backend.js';
import type { OutboundJob } from '../src/queue/job-data.js';
import { messageKey } from '../src/queue/job-ids.js';
import { JOBS_QUEUE, outboundQueue } from '../src/queue/queue-names.js';
import { startWorker } from '../src/runtime/start-worker.js';

/** One message sent by the recording sender. */
export interface SentRecord {
  outboxKey: string;
  chatId: string;
  text: string;
  at: number;
}

/**
 * The real pipeline in one process: handler → jobs queue → worker (Postgres) → outbox →
 * outbound queue → sender, whose platform port only records what it would send and when.
 */
export interface BenchPipeline {
  factory: QueueFactory;
  /** A message enters the adapter at `enteredAt` (performance.now() time; default now). */
  receive(msg: IncomingMessage, enteredAt?: number): Promise<Handled>;
  /** First reply time per message key. */
  firstReply: Map<string, number>;
  entered: Map<string, number>;
  sent: SentRecord[];
  /** Wait until the jobs queue is empty (deliveries still being recorded), so one phase does not load the next. */
  drain(timeoutMs: number): Promise<void>;
  /** Resolves when every key has a reply (or after `timeoutMs`); returns how many are missing. */
  waitForReplies(keys: string[], timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

export interface PipelineOptions {
  spec: QueueBackendSpec;
  db: Kysely<Database>;
  clock: Clock;
  /** Worker concurrency; 0 runs no worker here (worker processes elsewhere). */
  workerConcurrency: number;
  senderConcurrency: number;
  /** Pace hook, as an adapter gives it. */
  pace?: (chatId: string) => Promise<void>;
  /** The platform port's own time (scaled clocks), default performance.now(). */
  now?: () => number;
  /** False to measure without group commit. */
  groupCommit?: boolean;
}

/** Outbox keys are `<message key>-r<n>` (worker replies), `-h<n>` (handler answers) or `-fail`. */
export const keyOfOutbox = (outboxKey: string) => outboxKey.replace(/-(r\d+|h\d+|fail)$/, '');

export async function startBenchPipeline(opts: PipelineOptions): Promise<BenchPipeline> {
  const factory = await createQueueFactory(opts.spec);
  const now = opts.now ?? (() => performance.now());
  const current = new AsyncLocalStorage<string>();
  // The sender's jobs run inside a context holding their outbox key, so the port knows what it sends.
  const senderFactory: QueueFactory = {
    ...factory,
    worker: (name, processor, wopts) =>
      factory.worker(name, ((job: { data: OutboundJob }) => current.run(job.data.outboxKey, () => processor(job as never))) as never, wopts),
  };
  const sent: SentRecord[] = [];
  const firstReply = new Map<string, number>();
  const entered = new Map<string, number>();
  const waiters = new Set<() => void>();
  const port: SendPort = {
    maxLength: 4096,
    send: async (chatId, text) => {
      const outboxKey = current.getStore() ?? '?';
      const at = now();
      sent.push({ outboxKey, chatId, text, at });
      const key = keyOfOutbox(outboxKey);
      if (!firstReply.has(key)) firstReply.set(key, at);
      for (const w of waiters) w();
    },
  };
  const deps = { db: opts.db, clock: opts.clock, outbound: queueOutbound(factory), log: silentLogger };
  const worker = opts.workerConcurrency > 0 ? await startWorker(factory, deps, opts.workerConcurrency, { groupCommit: opts.groupCommit === false ? false : GROUP_COMMIT_DEFAULTS }) : null;
  // As the bot runs it: flood control in front of the queue ports.
  const ports = floodGuard(queuePorts(factory.queue(JOBS_QUEUE), queueOutbound(factory)), systemClock, DEFAULT_FLOOD_LIMITS);
  const sender = startSender({
    factory: senderFactory,
    platform: 'telegram',
    port,
    reporter: queueReporter(factory, JOBS_QUEUE),
    log: silentLogger,
    pace: opts.pace,
    concurrency: opts.senderConcurrency,
  });
  await Promise.all([worker?.waitUntilReady(), sender.waitUntilReady()]);
  return {
    factory,
    firstReply,
    entered,
    sent,
    receive: async (msg, enteredAt) => {
      entered.set(messageKey(msg), enteredAt ?? now());
      return handleMessage(msg, ports);
    },
    drain: async (timeoutMs) => {
      // Waiting and running jobs only: job schedulers (notices, SLA sweeps) keep a delayed job for ever.
      const q = factory.queue(JOBS_QUEUE);
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const c = await q.getJobCounts('waiting', 'active', 'prioritized');
        if (Object.values(c).every((n) => n === 0)) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    waitForReplies: async (keys, timeoutMs) => {
      const missing = () => keys.reduce((n, k) => n + (firstReply.has(k) ? 0 : 1), 0);
      const until = Date.now() + timeoutMs;
      while (missing() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return missing();
    },
    close: async () => {
      await sender.close();
      await worker?.close();
      for (const name of [JOBS_QUEUE, outboundQueue('telegram')]) await factory.queue(name).obliterate({ force: true }).catch(() => {});
      await factory.close();
    },
  };
}
