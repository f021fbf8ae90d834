import path from 'node:path';
import type { Kysely } from 'kysely';
import { BackupError } from '../backup/backup-format.js';
import { restoreBackup } from '../backup/restore-backup.js';
import { writeBackup } from '../backup/write-backup.js';
import { parseFlags, type RefusedFlags } from './parse-flags.js';

const USAGE = {
  backup: "usage: linli backup <file>    every table, as gzip'd JSON lines with a SHA-256 (e.g. linli-2026-12-01.jsonl.gz)",
  restore: 'usage: linli restore <file>   load a backup into an empty, migrated database (checksum checked first)',
};

/** Parse `linli backup|restore <file>` strictly. */
export function parseBackupArgs(cmd: 'backup' | 'restore', args: readonly string[]): { ok: true; file: string } | RefusedFlags {
  const p = parseFlags(args, {}, { min: 1, max: 1 }, USAGE[cmd]);
  return p.ok ? { ok: true, file: p.positionals[0] } : p;
}

/** `linli backup <file>` / `linli restore <file>`; a refusal is one line on stderr (exit 1). */
export async function runBackupCommand(
  cmd: 'backup' | 'restore',
  args: string[],
  db: Kysely<any>,
  io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } },
): Promise<number> {
  const parsed = parseBackupArgs(cmd, args);
  if (!parsed.ok) return (io.stderr.write(`${parsed.text}\n`), parsed.code);
  const file = path.resolve(parsed.file);
  try {
    if (cmd === 'backup') {
      const b = await writeBackup(db, file);
      io.stdout.write(`backup ${b.file}: ${b.rows} rows in ${b.tables} tables, sha256 ${b.sha256}\n`);
    } else {
      const r = await restoreBackup(db, file);
      io.stdout.write(`restored ${r.file}: ${r.rows} rows in ${r.tables} tables (migration ${r.migration})\n`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return 1;
  }
}
