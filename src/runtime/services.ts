import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { StartupError, type Config } from '../config.js';
import { createDb } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrateToLatest } from '../db/migrate.js';
import { checkDatabaseUrl } from '../db/pg-reachable.js';
import type { Logger } from '../log.js';
import { createQueueFactory, type QueueFactory } from '../queue/backend.js';
import { checkRedisSettings } from './redis-settings.js';

/** The shared parts a process runs on: Postgres (migrated) and the queue backend. */
export interface Services {
  config: Config;
  db: Kysely<Database>;
  databaseUrl: string;
  factory: QueueFactory;
  log: Logger;
  close(): Promise<void>;
}

/** Wait (bounded) until this pool's connection is the only one left on the database. */
async function drainConnections(db: Kysely<Database>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`.execute(db);
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Log queue connection errors, at most one line per place and error per 10 s (a restart is noisy). */
function queueErrorLogger(log: Logger): (where: string, e: Error) => void {
  const last = new Map<string, number>();
  return (where, e) => {
    const k = `${where}:${e.message}`;
    const now = Date.now();
    if ((last.get(k) ?? 0) > now - 10_000) return;
    last.set(k, now);
    log.warn(`${where}: ${e.message}`);
  };
}

/** Another `linli console` already prints this database's console replies; a second would get half of them. */
export class ConsoleTakenError extends StartupError {
  constructor(holder: string) {
    super(
      'LINLI_DATA_DIR',
      `another linli console (${holder}) is running on this database, and the console's replies would be split between the two; close it first, or give this one its own LINLI_DATA_DIR (or DATABASE_URL / LINLI_QUEUE_PREFIX)`,
    );
    this.name = 'ConsoleTakenError';
  }
}

/** Hold, for this process's life, the one console seat of this database and queue prefix. */
async function claimConsole(url: string, prefix: string): Promise<() => Promise<void>> {
  const c = new pg.Client({ connectionString: url, application_name: `linli console pid ${process.pid}` });
  c.on('error', () => {});
  await c.connect();
  const key = `linli-console:${prefix}`;
  const { rows } = await c.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [key]);
  if (!rows[0].ok) {
    const holder = await c.query<{ app: string }>(
      `select a.application_name as app from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.objid = hashtext($1)::oid and l.granted limit 1`,
      [key],
    );
    await c.end();
    throw new ConsoleTakenError(holder.rows[0]?.app.replace(/^linli console /, '') || 'another process');
  }
  return async () => {
    await c.end().catch(() => {});
  };
}

/**
 * Open Postgres (embedded when DATABASE_URL is unset), migrate, and pick the queue backend.
 * Every failure to start is a StartupError: one line naming the setting. `console` claims the
 * console seat, so that replies go only to the terminal that sent the message.
 */
export async function openServices(config: Config, log: Logger, opts: { migrate?: boolean; console?: boolean } = {}): Promise<Services> {
  // Redis first: a refused or evicting Redis fails before an embedded Postgres is started for nothing.
  if (config.redisUrl) await checkRedisSettings(config.redisUrl);
  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (databaseUrl) {
    await checkDatabaseUrl(databaseUrl);
  } else {
    const emb = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, (l) => log.info(l));
    databaseUrl = emb.url;
    stopEmbedded = emb.stop;
  }
  const db = createDb(databaseUrl, { max: 10, prepare: config.pgPrepare });
  let releaseConsole: (() => Promise<void>) | null = null;
  try {
    if (opts.console) releaseConsole = await claimConsole(databaseUrl, config.queuePrefix);
    if (opts.migrate !== false) {
      const applied = await migrateToLatest(db);
      if (applied.length) log.info(`migrations applied: ${applied.join(', ')}`);
    }
    let factory: QueueFactory;
    if (config.redisUrl) {
      factory = await createQueueFactory({ kind: 'redis', url: config.redisUrl, prefix: config.queuePrefix }, queueErrorLogger(log));
    } else {
      factory = await createQueueFactory({ kind: 'postgres', url: databaseUrl, schema: 'bullmq', prefix: config.queuePrefix }, queueErrorLogger(log));
    }
    log.debug(`queues on ${factory.spec.kind}`);
    return {
      config,
      db,
      databaseUrl,
      factory,
      log,
      close: async () => {
        await factory.close();
        await releaseConsole?.();
        // BullMQ's Postgres backend ends its LISTEN client in the background; stopping the
        // embedded server under it would surface as a connection error at exit.
        if (stopEmbedded) await drainConnections(db, 3000);
        await db.destroy();
        await stopEmbedded?.();
      },
    };
  } catch (e) {
    await releaseConsole?.();
    await db.destroy();
    await stopEmbedded?.();
    throw e;
  }
}
