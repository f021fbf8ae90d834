import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { manualClock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import { messageKey } from '../src/queue/job-ids.js';
import type { BenchEnv } from './environment.js';
import { messageSource } from './load.js';
import { keyOfOutbox, startBenchPipeline } from './pipeline.js';
import type { City } from './seed-city.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ScaleOutResult {
  workers: number;
  commands: number;
  deliveries: number;
  seconds: number;
  perSecond: number;
  /** Commands recorded in processed_commands (must equal commands). */
  processed: number;
  /** Replies sent more than once for one outbox key (must be 0). */
  duplicateReplies: number;
  /** Pay claims written to the ledger vs pay commands answered with a P-ref (must match). */
  claimsWritten: number;
  claimsAnswered: number;
  exactlyOnce: boolean;
}

/** Start `linli start --role worker` as a separate process and wait until it runs. */
async function startWorkerProcess(env: BenchEnv, prefix: string, concurrency: number): Promise<ChildProcess> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: env.databaseUrl,
    LINLI_QUEUE_PREFIX: prefix,
    LINLI_WORKER_CONCURRENCY: String(concurrency),
    LOG_LEVEL: 'info',
  };
  if (env.redisUrl) childEnv.REDIS_URL = env.redisUrl;
  else delete childEnv.REDIS_URL;
  const child = spawn(process.execPath, ['bin/linli.js', 'start', '--role', 'worker'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`worker process did not start in 60 s: ${err}`)), 60_000);
    child.stderr!.on('data', (b: Buffer) => {
      err = (err + b.toString()).slice(-2000);
      if (err.includes('linli running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited (${code}): ${err}`));
    });
  });
  child.stderr!.resume();
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * `workers` worker processes against the same Redis/Postgres; this process is the bot (handler
 * and recording sender). Every message is delivered twice, as platforms sometimes do.
 */
export async function runScaleOut(env: BenchEnv, city: City, pending: City['pendingClaims'], workers: number, commands: number, concurrency: number, window: number): Promise<ScaleOutResult> {
  const prefix = `${env.prefix}-so${workers}`;
  const run = `so${workers}`;
  const p = await startBenchPipeline({
    spec: { ...env.queueSpec, prefix },
    db: env.db,
    clock: manualClock(new Date()),
    workerConcurrency: 0,
    senderConcurrency: 8,
  });
  const children: ChildProcess[] = [];
  try {
    children.push(...(await Promise.all(Array.from({ length: workers }, () => startWorkerProcess(env, prefix, concurrency)))));
    const source = messageSource(city, 1000 + workers, run, pending);
    // Warm up (connections, prepared paths) before timing.
    const warm = Array.from({ length: 20 }, () => source.next().msg);
    for (const m of warm) await p.receive(m);
    await p.waitForReplies(warm.map(messageKey), 30_000);

    const keys: string[] = [];
    const t0 = performance.now();
    let deliveries = 0;
    for (let i = 0; i < commands; i++) {
      while (keys.length - answered(p.firstReply, keys) >= window) await new Promise((r) => setTimeout(r, 2));
      const { msg } = source.next();
      keys.push(messageKey(msg));
      // The same platform message, delivered twice.
      p.receive(msg).catch(() => {});
      p.receive({ ...msg }).catch(() => {});
      deliveries += 2;
    }
    const missing = await p.waitForReplies(keys, 120_000);
    const last = Math.max(...keys.map((k) => p.firstReply.get(k) ?? 0));
    const seconds = (last - t0) / 1000;
    // Let stray duplicates (if any) surface before counting.
    await new Promise((r) => setTimeout(r, 500));

    const all = [...warm.map(messageKey), ...keys];
    const processed = await countProcessed(env.db, run);
    const seen = new Map<string, number>();
    for (const s of p.sent) seen.set(s.outboxKey, (seen.get(s.outboxKey) ?? 0) + 1);
    const duplicateReplies = [...seen.values()].filter((n) => n > 1).length;
    const claimsAnswered = new Set(p.sent.filter((s) => source.kinds.get(keyOfOutbox(s.outboxKey)) === 'pay' && /已登记 P\d+|已登記 P\d+/.test(s.text)).map((s) => s.outboxKey)).size;
    const claimsWritten = Number(
      (await sql<{ n: string }>`select count(*) as n from payments where source_key like ${`telegram-%-${run}-%`}`.execute(env.db)).rows[0].n,
    );
    return {
      workers,
      commands: commands - missing,
      deliveries,
      seconds,
      perSecond: (commands - missing) / seconds,
      processed,
      duplicateReplies,
      claimsWritten,
      claimsAnswered,
      exactlyOnce: missing === 0 && processed === all.length && duplicateReplies === 0 && claimsWritten === claimsAnswered,
    };
  } finally {
    await Promise.all(children.map(stop));
    await p.close();
  }
}

function answered(replies: Map<string, number>, keys: string[]): number {
  let n = 0;
  for (let i = keys.length - 1; i >= 0 && i >= keys.length - 5000; i--) if (replies.has(keys[i])) n++;
  return n + Math.max(0, keys.length - 5000);
}

async function countProcessed(db: Kysely<Database>, run: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from processed_commands where key like ${`telegram-%-${run}-%`}`.execute(db);
  return Number(rows[0].n);
}
