import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDb } from '../src/db/connect.js';
import type { Database } from '../src/db/database.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { pgReachable } from '../src/db/pg-reachable.js';
import type { QueueBackendSpec } from '../src/queue/backend.js';
import { migrateQueueSchema } from '../src/queue/backend.js';

/** Where the bench runs: its own database and its own queue namespace, never the shared ones. */
export interface BenchEnv {
  backend: 'redis' | 'postgres';
  /** URL of the bench's own database. */
  databaseUrl: string;
  redisUrl: string | null;
  prefix: string;
  /** The queue backend the pipeline (and the worker processes) use. */
  queueSpec: QueueBackendSpec;
  /** Pool size of every Postgres pool the bench opens (the app's default). */
  poolSize: number;
  db: Kysely<Database>;
  close(): Promise<void>;
}

export interface EnvOptions {
  backend?: 'redis' | 'postgres';
  /** Name of the database the bench creates and drops. */
  databaseName: string;
  /** Server to create it on (any database URL on that server); default DATABASE_URL or the local one. */
  serverUrl?: string;
  redisUrl?: string;
  poolSize: number;
  keep?: boolean;
  log: (line: string) => void;
}

const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

/** Does a Redis answer PING at url (quickly)? */
export async function redisAnswers(url: string): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Redis if REDIS_URL is set or the local Redis answers, else the Postgres queue backend. */
export async function defaultBackend(redisUrl = process.env.REDIS_URL): Promise<'redis' | 'postgres'> {
  if (redisUrl) return 'redis';
  return (await redisAnswers(LOCAL_REDIS)) ? 'redis' : 'postgres';
}

/** Create (fresh) the bench database, migrate it, and pick the queue backend. */
export async function openBenchEnv(opts: EnvOptions): Promise<BenchEnv> {
  const backend = opts.backend ?? (await defaultBackend(opts.redisUrl));
  let serverUrl = opts.serverUrl ?? process.env.DATABASE_URL ?? LOCAL_PG;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!(await pgReachable(serverUrl, 1500))) {
    if (opts.serverUrl ?? process.env.DATABASE_URL) throw new Error(`bench: cannot reach Postgres at ${serverUrl}`);
    opts.log(`no Postgres at ${LOCAL_PG}: starting an embedded one in .linli/bench`);
    const emb = await startEmbeddedPostgres('.linli/bench', 54349, opts.log);
    serverUrl = emb.url;
    stopEmbedded = emb.stop;
  }
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${opts.databaseName} with (force)`);
  await admin.query(`create database ${opts.databaseName}`);
  await admin.end();
  const databaseUrl = withDatabase(serverUrl, opts.databaseName);
  const db = createDb(databaseUrl, { max: opts.poolSize });
  await migrateToLatest(db);

  const redisUrl = backend === 'redis' ? (opts.redisUrl ?? process.env.REDIS_URL ?? LOCAL_REDIS) : null;
  if (backend === 'redis' && !(await redisAnswers(redisUrl!))) throw new Error(`bench: no Redis at ${redisUrl}`);
  const prefix = `linli-bench-${process.pid}`;
  const queueSpec: QueueBackendSpec =
    backend === 'redis'
      ? { kind: 'redis', url: redisUrl!, prefix }
      : { kind: 'postgres', url: databaseUrl, schema: 'bullmq', prefix };
  if (queueSpec.kind === 'postgres') await migrateQueueSchema(databaseUrl, 'bullmq');

  return {
    backend,
    databaseUrl,
    redisUrl,
    prefix,
    queueSpec,
    poolSize: opts.poolSize,
    db,
    close: async () => {
      await db.destroy();
      if (redisUrl) await deleteKeys(redisUrl, `${prefix}*`);
      if (!opts.keep) {
        const a = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
        await a.connect();
        await a.query(`drop database if exists ${opts.databaseName} with (force)`);
        await a.end();
      }
      await stopEmbedded?.();
    },
  };
}

/** Delete the bench's own keys (SCAN + UNLINK of its prefix only; the shared Redis is never flushed). */
export async function deleteKeys(url: string, pattern: string): Promise<number> {
  const r = new Redis(url, { maxRetriesPerRequest: 3 });
  let n = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) n += await r.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
  return n;
}
