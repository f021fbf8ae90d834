import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDb } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

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

/**
 * A fresh, migrated schema in the database at `baseUrl`: a pool whose search_path is the schema,
 * and a URL that selects it (for child processes).
 */
export async function freshSchema(baseUrl: string, schema: string, max = 10): Promise<{ db: Kysely<Database>; url: string }> {
  const db = createDb(baseUrl, { schema, max });
  await withSchemaLock(baseUrl, async (admin) => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.query(`create schema ${schema}`);
    await migrateToLatest(db);
  });
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { db, url: url.toString() };
}
