import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { appliedMigrations, appTables, ident, type AppTable } from './app-tables.js';
import { BACKUP_VERSION, type BackupHeader, type TableLine, type TrailerLine } from './backup-format.js';

// Rows fetched per round trip: memory stays at a few batches whatever the size of the database.
const FETCH_ROWS = 1000;

/** What a backup holds, for the operator. */
export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  sha256: string;
}

/**
 * Write every application table to `file` as gzip'd JSON lines: a header (format, migrations,
 * row counts), then per table a line naming its columns followed by one row_to_json line per
 * row, then the SHA-256 of all that. Read in one repeatable-read snapshot, so the copy is
 * consistent while the bot keeps running; streamed through a cursor, so memory stays bounded.
 * Written to `<file>.partial` and renamed at the end: a failed backup never looks like a good one.
 */
export async function writeBackup(db: Kysely<any>, file: string, now: Date = new Date()): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const hash = createHash('sha256');
  let total = 0;
  let tableCount = 0;
  let digest = '';
  try {
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        const tables = await appTables(tx);
        tableCount = tables.length;
        const counts: BackupHeader['tables'] = [];
        for (const t of tables) {
          const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.raw(ident(t.name))}`.execute(tx);
          counts.push({ name: t.name, rows: Number(rows[0].n) });
        }
        const { rows: version } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(tx);
        const header: BackupHeader = {
          format: 'linli-backup',
          version: BACKUP_VERSION,
          createdAt: now.toISOString(),
          postgres: version[0].v,
          migrations: await appliedMigrations(tx),
          tables: counts,
        };
        async function* lines(): AsyncGenerator<string> {
          const emit = (line: string) => {
            hash.update(line);
            return line;
          };
          yield emit(`${JSON.stringify(header)}\n`);
          for (const [i, t] of tables.entries()) {
            const open: TableLine = { table: t.name, columns: t.columns, rows: counts[i].rows };
            yield emit(`${JSON.stringify(open)}\n`);
            for await (const batch of rowsOf(tx, t)) {
              total += batch.length;
              yield emit(`${batch.join('\n')}\n`);
            }
          }
          digest = hash.digest('hex');
          const end: TrailerLine = { end: true, sha256: digest };
          yield `${JSON.stringify(end)}\n`;
        }
        await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
      });
    await fs.rename(partial, file);
  } catch (e) {
    await fs.rm(partial, { force: true });
    throw e;
  }
  return { file, tables: tableCount, rows: total, sha256: digest };
}

/** One table's rows as JSON text, in key order, a batch at a time through a cursor. */
async function* rowsOf(tx: Kysely<any>, t: AppTable): AsyncGenerator<string[]> {
  const order = t.key.length > 0 ? t.key.map(ident).join(', ') : 'r::text';
  await sql`declare linli_backup no scroll cursor for
    select row_to_json(r)::text as j from ${sql.raw(ident(t.name))} r order by ${sql.raw(order)}`.execute(tx);
  try {
    for (;;) {
      const { rows } = await sql<{ j: string }>`fetch ${sql.raw(String(FETCH_ROWS))} from linli_backup`.execute(tx);
      if (rows.length === 0) break;
      yield rows.map((r) => r.j);
    }
  } finally {
    await sql`close linli_backup`.execute(tx);
  }
}
