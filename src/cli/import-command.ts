import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { importRoster } from '../roster/import-roster.js';
import { parseFlags } from './parse-flags.js';

const USAGE = 'usage: linli import <file.csv> [--estate <code>]';
const DEFAULT_ESTATE = { code: 'default', name: '小区', time_zone: 'Asia/Shanghai' } as const;

/** Parse `linli import` arguments strictly. */
export function parseImportArgs(args: readonly string[]) {
  return parseFlags(args, { estate: 'string' }, { min: 1, max: 1 }, USAGE);
}

/**
 * `linli import <file.csv> [--estate <code>]`: loads a household roster. Prints counts and
 * one line per refused row, never a name or phone number. Returns the exit code: 0 when
 * every row was taken, 1 when some were refused or the import could not run, 2 on bad usage.
 */
export async function runImportCommand(args: string[], db: Kysely<Database>, out: (line: string) => void): Promise<number> {
  const parsed = parseImportArgs(args);
  if (!parsed.ok) return (out(parsed.text), parsed.code);
  const [file] = parsed.positionals;

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    out(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return 1;
  }

  const estate = await chooseEstate(db, parsed.flags.estate ?? null, out);
  if (estate === null) return 1;

  const r = await importRoster(db, estate.id, text);
  out(`estate ${estate.code}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.errors.length} refused`);
  for (const e of r.errors) out(`line ${e.line}: ${e.reason}`);
  return r.errors.length > 0 ? 1 : 0;
}

/** The estate named by --estate; else the only one; else a new 'default' when there is none. */
async function chooseEstate(
  db: Kysely<Database>,
  code: string | null,
  out: (line: string) => void,
): Promise<{ id: number; code: string } | null> {
  const estates = await db.selectFrom('estates').select(['id', 'code']).orderBy('code').execute();
  const codes = estates.map((e) => e.code).join(', ');
  if (code !== null) {
    const found = estates.find((e) => e.code === code);
    if (found === undefined) out(`no estate with code ${code}` + (estates.length > 0 ? ` (estates: ${codes})` : ''));
    return found ?? null;
  }
  if (estates.length === 1) return estates[0];
  if (estates.length > 1) {
    out(`several estates (${codes}); choose one with --estate <code>`);
    return null;
  }
  await db.insertInto('estates').values(DEFAULT_ESTATE).onConflict((oc) => oc.column('code').doNothing()).execute();
  const created = await db.selectFrom('estates').select(['id', 'code']).where('code', '=', DEFAULT_ESTATE.code).executeTakeFirstOrThrow();
  out(`no estate yet: created estate ${DEFAULT_ESTATE.code} (${DEFAULT_ESTATE.name}, ${DEFAULT_ESTATE.time_zone})`);
  return created;
}
