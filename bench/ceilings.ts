import pg from 'pg';
import { createQueueFactory, type QueueBackendSpec } from '../src/queue/backend.js';
import { COMMAND_JOB_OPTIONS } from '../src/queue/job-options.js';

/**
 * Raw BullMQ: `jobs` no-op jobs added one `add` at a time (at most `window` in flight, as the
 * handler does) while a worker with `concurrency` drains them. Jobs per second, add to complete.
 */
export async function bullmqCeiling(spec: QueueBackendSpec, jobs: number, concurrency: number, window = 64): Promise<number> {
  const factory = await createQueueFactory({ ...spec, prefix: `${spec.prefix}-noop` });
  try {
    const q = factory.queue<{ i: number }>('noop');
    let done = 0;
    let finish!: () => void;
    const all = new Promise<void>((r) => (finish = r));
    const worker = factory.worker<{ i: number }>('noop', async () => {}, { concurrency });
    worker.on('completed', () => {
      if (++done === jobs) finish();
    });
    await worker.waitUntilReady();
    // Warm the connections and scripts before timing.
    await q.add('warm', { i: -1 }, { ...COMMAND_JOB_OPTIONS, jobId: 'warm' });
    while (done < 1) await new Promise((r) => setTimeout(r, 5));
    done = 0;
    const t0 = performance.now();
    let next = 0;
    const producer = async () => {
      while (next < jobs) {
        const i = next++;
        await q.add('noop', { i }, { ...COMMAND_JOB_OPTIONS, jobId: `n-${i}` });
      }
    };
    await Promise.all(Array.from({ length: window }, producer));
    await all;
    const rate = jobs / ((performance.now() - t0) / 1000);
    await worker.close();
    await q.obliterate({ force: true }).catch(() => {});
    return rate;
  } finally {
    await factory.close();
  }
}

/** Postgres: single-row INSERT transactions (autocommit, so one round trip each) from `pool` clients for `seconds`. */
export async function postgresInsertCeiling(url: string, pool: number, seconds: number): Promise<number> {
  const p = new pg.Pool({ connectionString: url, max: pool });
  try {
    await p.query('create table if not exists bench_insert_ceiling (id bigserial primary key, key text not null, created_at timestamptz not null)');
    await p.query('truncate bench_insert_ceiling');
    let n = 0;
    const until = performance.now() + seconds * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: pool }, async (_, c) => {
        while (performance.now() < until) {
          await p.query('insert into bench_insert_ceiling (key, created_at) values ($1, now())', [`c${c}-${n}`]);
          n++;
        }
      }),
    );
    const rate = n / ((performance.now() - t0) / 1000);
    await p.query('drop table bench_insert_ceiling');
    return rate;
  } finally {
    await p.end();
  }
}
