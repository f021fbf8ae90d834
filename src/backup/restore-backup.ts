import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { appliedMigrations, appTables, ident, type AppTable } from './app-tables.js';
import { BACKUP_VERSION, BackupError, type BackupHeader, type TableLine, type TrailerLine } from './backup-format.js';
import { restoreSequences, withTriggersOff } from './restore-guards.js';

// Rows sent per INSERT, and a cap on the bytes of one batch: memory stays bounded for a big table.
const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 << 20;

/** What a restore loaded, for the operator. */
export interface RestoreSummary {
  file: string;
  tables: number;
  rows: number;
  migration: string;
}

/** The lines of a gzip'd backup; a damaged or foreign file is a BackupError naming it. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const input = createReadStream(file).on('error', (e) => gunzip.destroy(e));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    // Split by hand: readline does not pass on a damaged gzip stream's error everywhere.
    for await (const chunk of input.pipe(gunzip)) {
      const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
    rest += decoder.end();
    if (rest !== '') yield rest;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') throw new BackupError(`cannot read ${file}: ${code}`, { cause: e });
    throw new BackupError(`${file} is damaged or not a linli backup (${code ?? (e as Error).message}); nothing was restored`, { cause: e });
  }
}

function parseLine<T>(file: string, line: string | undefined, what: string): T {
  try {
    if (line === undefined) throw new Error('end of file');
    return JSON.parse(line) as T;
  } catch {
    throw new BackupError(`${file} is damaged or not a linli backup (${what} unreadable); nothing was restored`);
  }
}

/**
 * Load a backup written by writeBackup into this database, which must be migrated to the same
 * level and hold no rows. One transaction: the checksum, the row counts and every constraint are
 * checked before it commits, so a damaged file restores nothing. The ledger's append-only
 * triggers are off for the load only; sequences are set past the restored ids.
 */
export async function restoreBackup(db: Kysely<any>, file: string): Promise<RestoreSummary> {
  const lines = linesOf(file);
  const hash = createHash('sha256');
  const next = async (): Promise<string | undefined> => {
    const r = await lines.next();
    if (r.done) return undefined;
    return r.value;
  };
  try {
    return await restoreFrom(db, file, next, hash);
  } finally {
    await lines.return(undefined);
  }
}

async function restoreFrom(db: Kysely<any>, file: string, next: () => Promise<string | undefined>, hash: Hash): Promise<RestoreSummary> {
  const headerText = await next();
  const header = parseLine<BackupHeader>(file, headerText, 'header');
  if (header.format !== 'linli-backup') throw new BackupError(`${file} is not a linli backup`);
  if (header.version !== BACKUP_VERSION) throw new BackupError(`${file} is backup format ${header.version}; this linli reads format ${BACKUP_VERSION}`);
  hash.update(`${headerText}\n`);

  let rows = 0;
  await db.transaction().execute(async (tx) => {
    const tables = new Map((await appTables(tx)).map((t) => [t.name, t]));
    await refuseUnlessReady(tx, header, tables);
    await withTriggersOff(tx, [...tables.keys()], async () => {
      for (const expected of header.tables) {
        const text = await next();
        const open = parseLine<TableLine>(file, text, `table ${expected.name}`);
        hash.update(`${text}\n`);
        if (open.table !== expected.name || open.rows !== expected.rows)
          throw new BackupError(`${file} is damaged (table ${expected.name} out of place); nothing was restored`);
        const target = tables.get(open.table)!;
        const unknown = open.columns.filter((c) => !target.columns.includes(c));
        if (unknown.length > 0 || open.columns.length !== target.columns.length) {
          throw new BackupError(`restore refused: table ${open.table} has other columns here (${unknown.join(', ') || 'fewer in the backup'})`);
        }
        let batch: string[] = [];
        let bytes = 0;
        for (let i = 0; i < open.rows; i++) {
          const row = await next();
          if (row === undefined) throw new BackupError(`${file} is truncated (in table ${open.table}); nothing was restored`);
          hash.update(`${row}\n`);
          batch.push(row);
          bytes += row.length;
          if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
            await insertRows(tx, target, open.columns, batch);
            batch = [];
            bytes = 0;
          }
        }
        await insertRows(tx, target, open.columns, batch);
        rows += open.rows;
      }
      const end = parseLine<TrailerLine>(file, await next(), 'checksum');
      if (!end.end || end.sha256 !== hash.digest('hex')) throw new BackupError(`${file} is damaged (checksum mismatch); nothing was restored`);
      if ((await next()) !== undefined) throw new BackupError(`${file} has data after its checksum; nothing was restored`);
    });
    await restoreSequences(tx, [...tables.values()]);
  });
  return { file, tables: header.tables.length, rows, migration: header.migrations.at(-1) ?? '(none)' };
}

/** Refuse, in one line, a database at another migration, with other tables, or with any row. */
async function refuseUnlessReady(tx: Kysely<any>, header: BackupHeader, tables: Map<string, AppTable>): Promise<void> {
  const here = await appliedMigrations(tx);
  if (here.join('\n') !== header.migrations.join('\n')) {
    throw new BackupError(
      `restore refused: the backup is at migration ${header.migrations.at(-1) ?? '(none)'}, this database at ${here.at(-1) ?? '(none)'}; restore with the linli version that wrote the backup`,
    );
  }
  const names = header.tables.map((t) => t.name);
  const missing = names.filter((n) => !tables.has(n));
  const extra = [...tables.keys()].filter((n) => !names.includes(n));
  if (missing.length || extra.length) throw new BackupError(`restore refused: tables differ (${[...missing, ...extra].join(', ')})`);
  for (const name of names) {
    const { rows } = await sql<{ any: boolean }>`select exists (select 1 from ${sql.raw(ident(name))}) as any`.execute(tx);
    if (rows[0].any) throw new BackupError(`restore refused: this database is not empty (table ${name} has rows); restore into a new, migrated database`);
  }
}

/** Insert JSON rows as Postgres parses them (no number or date passes through JavaScript). */
async function insertRows(tx: Kysely<any>, table: AppTable, columns: string[], rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = columns.map(ident).join(', ');
  const t = ident(table.name);
  await sql`insert into ${sql.raw(t)} (${sql.raw(cols)})
    select ${sql.raw(cols)} from json_populate_recordset(null::${sql.raw(t)}, ${`[${rows.join(',')}]`}::json)`.execute(tx);
}
