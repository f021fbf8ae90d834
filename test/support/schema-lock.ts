import pg from 'pg';

const SCHEMA_LOCK = 7_470_001;

/**
 * Run `fn` while holding a database-wide advisory lock. Test files run side by side, and Kysely's
 * migrator reads the catalogue of every schema: a schema dropped by one file while another
 * migrates fails the migration. Creating, migrating and dropping test schemas take this lock.
 */
export async function withSchemaLock<T>(baseUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Drop a test schema (under the schema lock). */
export async function dropTestSchema(baseUrl: string, schema: string): Promise<void> {
  await withSchemaLock(baseUrl, (admin) => admin.query(`drop schema if exists ${schema} cascade`));
}
