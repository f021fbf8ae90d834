import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { dropTestSchema, freshSchema, withSchemaLock } from './schema-lock.js';

export { dropTestSchema, withSchemaLock };

/** A migrated, empty schema of its own for one test file. */
export interface TestDb {
  db: Kysely<Database>;
  /** Connection URL whose search_path is the test's schema (for child processes). */
  url: string;
  baseUrl: string;
  schema: string;
  destroy(): Promise<void>;
}

/** Create (fresh) schema `name` in the test database and migrate it. */
export async function initTestDb(name: string): Promise<TestDb> {
  const baseUrl = inject('databaseUrl');
  const schema = `t_${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`.slice(0, 60);
  const { db, url } = await freshSchema(baseUrl, schema);
  return {
    db,
    url,
    baseUrl,
    schema,
    destroy: async () => {
      await db.destroy();
    },
  };
}

/** Empty every application table (keeps the schema and its migrations). */
export async function clearDatabase(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(db);
  if (rows.length === 0) return;
  await sql.raw(`truncate ${rows.map((r) => `"${r.tablename}"`).join(', ')} restart identity cascade`).execute(db);
}
