import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Kysely, Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { loginFailure } from './pg-reachable.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Loads the migration files in migrations/ (sortable names) through dynamic import. */
class DirectoryMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
    const out: Record<string, Migration> = {};
    for (const f of files) {
      out[f.replace(/\.(ts|js)$/, '')] = (await import(pathToFileURL(path.join(MIGRATIONS_DIR, f)).href)) as Migration;
    }
    return out;
  }
}

/** A migration failed; the database is left at the last good migration. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    super(`migration ${migration ?? '?'} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

function isOtherSchemaGone(error: unknown, ours: string): boolean {
  const m = error instanceof Error ? /schema "([^"]+)" does not exist|relation "([^".]+)\./.exec(error.message) : null;
  return m !== null && (m[1] ?? m[2]) !== ours;
}

/** Bring the schema up to date; returns the names of the migrations applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema; pin them to ours, so several
  // schemas (one per test file, or per tenant) in one database each keep their own.
  // The first query is where a wrong DATABASE_URL shows: say so in one line, not a driver stack.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db).catch((e: unknown) => {
    throw loginFailure(e) ?? e;
  });
  const migrator = new Migrator({ db, provider: new DirectoryMigrationProvider(), migrationTableSchema: rows[0].schema });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely reads every schema's tables to find its own; another schema dropped meanwhile (a
  // tenant removed, a test finishing) fails that read. It is not ours: read again.
  for (let i = 0; i < 5 && isOtherSchemaGone(error, rows[0].schema); i++) {
    await new Promise((r) => setTimeout(r, 50 * (i + 1)));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) throw new MigrationError(results?.find((r) => r.status === 'Error')?.migrationName, error);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
