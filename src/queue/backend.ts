import { MetricsTime, Queue, QueueEvents, Worker, createPostgresBackend, runMigrations, type Processor, type WorkerOptions } from 'bullmq';
import pg from 'pg';

/** Where the queues live: Redis (production default) or Postgres (BullMQ's own backend). */
export type QueueBackendSpec =
  | { kind: 'redis'; url: string; prefix: string; /** Default true; false only to measure without it. */ autoPipelining?: boolean }
  | { kind: 'postgres'; url: string; schema: string; prefix: string };

/**
 * Builds BullMQ queues and workers on one backend, and closes all it built.
 * Queue names are `<prefix>-<name>`; nothing else in the code knows which backend runs. A queue is
 * made once per name and shared (do not close one alone: close() closes all).
 */
export interface QueueFactory {
  readonly spec: QueueBackendSpec;
  queue<D = unknown>(name: string): Queue<D>;
  worker<D = unknown>(name: string, processor: Processor<D>, opts?: Partial<WorkerOptions>): Worker<D>;
  events(name: string): QueueEvents;
  close(): Promise<void>;
}

/**
 * ioredis auto-pipelining on every queue and worker connection: the commands issued in one tick
 * (the handler's adds, the outbound addBulks, the delivery reports, and a worker's job completions
 * and fetches for its concurrent jobs) leave in one socket write, which is what a command costs on
 * this machine. Blocking reads are never pipelined.
 */
export const AUTO_PIPELINING = {
  enableAutoPipelining: true,
  autoPipeliningIgnoredCommands: ['bzpopmin', 'bzpopmax', 'bzmpop', 'blpop', 'brpop', 'brpoplpush', 'blmove', 'blmpop', 'xread', 'xreadgroup', 'wait'],
} as const;

/** BullMQ's Postgres backend keeps its tables in its own schema; create or upgrade them. */
export async function migrateQueueSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await runMigrations(client, schema);
  } finally {
    await client.end();
  }
}

/** Create a factory; for Postgres, first run BullMQ's own migrations. */
export async function createQueueFactory(spec: QueueBackendSpec, onError: (where: string, e: Error) => void = () => {}): Promise<QueueFactory> {
  if (spec.kind === 'postgres') await migrateQueueSchema(spec.url, spec.schema);
  const made: Array<{ close(): Promise<void> }> = [];
  const full = (name: string) => (spec.kind === 'postgres' ? `${spec.prefix}-${name}` : name);
  const connection =
    spec.kind === 'redis'
      ? { url: spec.url, maxRetriesPerRequest: null }
      : { connectionString: spec.url, schema: spec.schema, max: 10 };
  // The Postgres backend namespaces by schema and queue name; Redis by key prefix.
  const base = spec.kind === 'redis' ? { connection, prefix: spec.prefix } : { connection };
  // Queues and workers alike (on workers it was once off: a SIGTERM test hung once on a busy machine; 8 runs in a row pass with it).
  const pipelined = spec.kind === 'redis' && spec.autoPipelining !== false ? { ...base, connection: { ...connection, ...AUTO_PIPELINING } } : base;
  const backend = spec.kind === 'postgres' ? createPostgresBackend : undefined;
  // BullMQ's own per-minute counts of completed and failed jobs (kept a week; recorded by the same
  // script that finishes a job, so no extra round trip), which /metrics reports.
  const metrics = spec.kind === 'redis' ? { metrics: { maxDataPoints: MetricsTime.ONE_WEEK } } : {};
  const track = <T extends { close(): Promise<void>; on(event: 'error', f: (e: Error) => void): unknown }>(x: T, where: string | null): T => {
    made.push(x);
    // A queue's connection errors (Redis restarting) are expected and retried; without a listener
    // BullMQ prints each one as an unhandled error. Workers get theirs from whoever starts them.
    if (where !== null) x.on('error', (e) => onError(where, e));
    return x;
  };
  // One Queue (and its connection) per name for the factory's life: a page view or a /metrics
  // scrape asks for queues on every request, and must not open a connection each time.
  const queues = new Map<string, Queue>();
  return {
    spec,
    queue: <D>(name: string) => {
      let q = queues.get(name);
      if (!q) {
        q = track(new (Queue as any)(full(name), pipelined, backend) as Queue, `queue ${name}`);
        queues.set(name, q);
      }
      return q as unknown as Queue<D>;
    },
    worker: <D>(name: string, processor: Processor<D>, opts: Partial<WorkerOptions> = {}) =>
      track(new (Worker as any)(full(name), processor, { ...pipelined, ...metrics, ...opts }, backend) as Worker<D>, null),
    events: (name: string) => track(new (QueueEvents as any)(full(name), base, backend) as QueueEvents, `events ${name}`),
    close: async () => {
      queues.clear();
      const all = made.splice(0).reverse();
      await Promise.allSettled(all.map((x) => x.close()));
    },
  };
}
