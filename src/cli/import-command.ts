import type { Kysely } from 'kysely';
import { renderReason } from '../books/row-reason.js';
import type { Database } from '../db/database.js';
import { translator } from '../i18n/translator.js';
import { importRoster } from '../roster/import-roster.js';
import { rosterSheet } from '../roster/roster-sheet.js';
import { chooseEstate } from './choose-estate.js';
import { parseFlags } from './parse-flags.js';
import { type FileCommandOptions, readSheets } from './table-file.js';

const USAGE = 'usage: linli import <file.xlsx|file.csv> [--estate <code>]';
const DEFAULTS: FileCommandOptions = { maxBytes: 20 * 2 ** 20, t: translator('en') };

/** Parse `linli import` arguments strictly. */
export function parseImportArgs(args: readonly string[]) {
  return parseFlags(args, { estate: 'string' }, { min: 1, max: 1 }, USAGE);
}

/**
 * `linli import <file> [--estate <code>]`: loads a household roster (.xlsx, or CSV in UTF-8,
 * GBK/GB18030 or UTF-16). Prints counts and one line per refused or warned-about row, never a
 * name or phone number, in the admin's language. Returns the exit code: 0 when every row was
 * taken, 1 when some were refused or the import could not run, 2 on bad usage.
 */
export async function runImportCommand(
  args: string[],
  db: Kysely<Database>,
  out: (line: string) => void,
  options: Partial<FileCommandOptions> = {},
): Promise<number> {
  const o = { ...DEFAULTS, ...options };
  const parsed = parseImportArgs(args);
  if (!parsed.ok) return (out(parsed.text), parsed.code);
  const [file] = parsed.positionals;

  const sheets = await readSheets(file, o, out);
  if (sheets === null) return 1;

  const estate = await chooseEstate(db, parsed.flags.estate ?? null, out, o.t, true);
  if (estate === null) return 1;

  const r = await importRoster(db, estate.id, rosterSheet(sheets).records);
  out(o.t.t('books_roster_result', { estate: estate.code, added: r.added, updated: r.updated, unchanged: r.unchanged, refused: r.errors.length, warned: r.warnings.length }));
  const lines = [
    ...r.errors.map((e) => ({ line: e.line, text: o.t.t('books_line', { line: e.line, reason: renderReason(o.t, e.reason) }) })),
    ...r.warnings.map((w) => ({ line: w.line, text: o.t.t('books_warning', { line: w.line, reason: renderReason(o.t, w.reason) }) })),
  ].sort((a, b) => a.line - b.line);
  for (const l of lines) out(l.text);
  return r.errors.length > 0 ? 1 : 0;
}
