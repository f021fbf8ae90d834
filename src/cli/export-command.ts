import { writeFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { exportLedger } from '../books/export-ledger.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { translator } from '../i18n/translator.js';
import { chooseEstate } from './choose-estate.js';
import { parseFlags } from './parse-flags.js';
import type { FileCommandOptions } from './table-file.js';

const USAGE =
  'usage: linli export ledger --estate <code> [--zone Z] [--from YYYY-MM --to YYYY-MM] [--sheet grid|rows] <file.xlsx|file.csv>';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Parse `linli export` arguments strictly (months and the sheet are checked here too, before any database). */
export function parseExportArgs(args: readonly string[]) {
  const p = parseFlags(args, { estate: 'string', zone: 'string', from: 'string', to: 'string', sheet: 'string' }, { min: 2, max: 2 }, USAGE);
  if (!p.ok) return p;
  const refuse = (why: string) => ({ ok: false as const, code: 2 as const, text: `${why}\n${USAGE}` });
  if (p.positionals[0] !== 'ledger') return refuse(`unknown export "${p.positionals[0]}" (there is: ledger)`);
  for (const k of ['from', 'to'] as const) if (p.flags[k] !== undefined && !MONTH.test(p.flags[k]!)) return refuse(`--${k} must be YYYY-MM`);
  if (p.flags.sheet !== undefined && p.flags.sheet !== 'grid' && p.flags.sheet !== 'rows') return refuse('--sheet must be grid or rows');
  return p;
}

/** '1, 2, 3, 4' → '1–4' when the codes are consecutive numbers; else the list. */
function describeCodes(codes: string[]): string {
  const n = codes.map(Number).sort((a, b) => a - b);
  const consecutive = n.length > 2 && n.every((x, i) => Number.isInteger(x) && (i === 0 || x === n[i - 1] + 1));
  return consecutive ? `${n[0]}–${n[n.length - 1]}` : codes.join(', ');
}

/**
 * `linli export ledger --estate X [--zone Z] [--from --to] <file>`: writes the 台账 (a staff file:
 * residents' names are in it). An .xlsx has the grid and every ledger row; a .csv one of them
 * (`--sheet grid`, the default, or `--sheet rows`). Exit 0 when written, 1 when not, 2 on bad usage.
 */
export async function runExportCommand(
  args: string[],
  db: Kysely<Database>,
  out: (line: string) => void,
  clock: Clock,
  options: Partial<Pick<FileCommandOptions, 't'>> = {},
): Promise<number> {
  const t = options.t ?? translator('en');
  const parsed = parseExportArgs(args);
  if (!parsed.ok) return (out(parsed.text), parsed.code);
  const file = parsed.positionals[1];
  const { zone, from, to, sheet } = parsed.flags;
  const ext = /\.(xlsx|csv)$/i.exec(file)?.[1].toLowerCase();
  if (ext === undefined) return (out(t.t('books_format_bad', { file })), 2);
  if (from !== undefined && to !== undefined && from > to) return (out(t.t('books_month_range', {})), 2);

  const estate = await chooseEstate(db, parsed.flags.estate ?? null, out, t, false);
  if (estate === null) return 1;
  let zoneId: number | null = null;
  if (zone !== undefined) {
    const zones = await db.selectFrom('zones').select(['id', 'code']).where('estate_id', '=', estate.id).orderBy('code').execute();
    const found = zones.find((z) => z.code === zone);
    if (found === undefined) {
      out(zones.length === 0 ? t.t('books_no_zones', { zone }) : t.t('books_zone_unknown', { zone, list: describeCodes(zones.map((z) => z.code)) }));
      return 1;
    }
    zoneId = found.id;
  }
  const format = ext === 'xlsx' ? 'xlsx' : sheet === 'rows' ? 'csv-rows' : 'csv-grid';
  const r = await exportLedger(db, estate, { zoneId, from: from ?? null, to: to ?? null, format }, clock.now());
  await writeFile(file, r.buffer);
  out(t.t('books_exported', { estate: estate.code, file, households: r.households, rows: r.rows }));
  return 0;
}
