import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { migrateQueueSchema } from '../queue/backend.js';
import { withDatabase } from './with-database.js';

/** `linli migrate`: apply the schema migrations (and BullMQ's, when the queues run on Postgres). */
export async function runMigrateCommand(config: Config, log: Logger, io: { stdout: { write(s: string): unknown } }): Promise<number> {
  return withDatabase(config, log, async (_db, { applied, url }) => {
    if (!config.redisUrl) await migrateQueueSchema(url, 'bullmq');
    io.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema already up to date\n');
    return 0;
  });
}
