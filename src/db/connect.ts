import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { prepareHotStatements } from './prepared.js';

// bigint (bigserial ids, count(*)) arrives as a string; we keep it so.
// numeric sums are parsed to numbers: fen totals stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Options for a connection pool. */
export interface DbOptions {
  max?: number;
  /** Postgres schema to use (search_path); tests give each file its own. */
  schema?: string;
  /** Prepare hot statements once per connection (`prepareHotStatements`); default on. */
  prepare?: boolean;
}

/** Open a pooled Kysely instance on `url`. The caller destroys it. */
export function createDb(url: string, opts: DbOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
  });
  // A dropped idle client must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Nor may a client dropped while checked out between two queries of a transaction (Postgres
  // restarting, a network cut): without a listener pg throws that as an uncaught exception.
  // The transaction's next query fails instead, and the job is retried.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    if (opts.prepare !== false) prepareHotStatements(client);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
