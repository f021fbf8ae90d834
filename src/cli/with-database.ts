import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { createDb } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Logger } from '../log.js';

/**
 * Run `fn` on the configured (or embedded) database, after migrating it; close it afterwards.
 * `fn` also gets the names of the migrations that were applied now and the database URL.
 */
export async function withDatabase<T>(
  config: Config,
  log: Logger,
  fn: (db: Kysely<Database>, info: { applied: string[]; url: string }) => Promise<T>,
): Promise<T> {
  const emb = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, (l) => log.info(l));
  const url = config.databaseUrl ?? emb!.url;
  const db = createDb(url, { max: 4, prepare: config.pgPrepare });
  try {
    const applied = await migrateToLatest(db);
    return await fn(db, { applied, url });
  } finally {
    await db.destroy();
    await emb?.stop();
  }
}
