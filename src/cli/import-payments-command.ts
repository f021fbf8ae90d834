import type { Kysely } from 'kysely';
import { importPayments, paymentSheet } from '../books/import-payments.js';
import { renderReason } from '../books/row-reason.js';
import type { Database } from '../db/database.js';
import { translator } from '../i18n/translator.js';
import { chooseEstate } from './choose-estate.js';
import { parseFlags } from './parse-flags.js';
import { type FileCommandOptions, readSheets } from './table-file.js';

const USAGE = 'usage: linli import-payments <file.xlsx|file.csv> --estate <code>';

/** Parse `linli import-payments` arguments strictly. */
export function parseImportPaymentsArgs(args: readonly string[]) {
  return parseFlags(args, { estate: 'string' }, { min: 1, max: 1 }, USAGE);
}

/**
 * `linli import-payments <file> --estate <code>`: appends a payment history (room, plan, amount,
 * date paid, months or period, method, collector) to the ledger. Prints counts and one line per
 * refused row. Exit 0 when every row was booked or already there, 1 otherwise, 2 on bad usage.
 */
export async function runImportPaymentsCommand(
  args: string[],
  db: Kysely<Database>,
  out: (line: string) => void,
  options: Partial<FileCommandOptions> = {},
): Promise<number> {
  const o = { maxBytes: 20 * 2 ** 20, t: translator('en'), ...options };
  const parsed = parseImportPaymentsArgs(args);
  if (!parsed.ok) return (out(parsed.text), parsed.code);
  const [file] = parsed.positionals;
  const sheets = await readSheets(file, o, out);
  if (sheets === null) return 1;
  const estate = await chooseEstate(db, parsed.flags.estate ?? null, out, o.t, false);
  if (estate === null) return 1;
  const input = paymentSheet(sheets, estate.time_zone);
  if (input === null) {
    out(o.t.t('books_no_table', { file, cols: '房号、金额' }));
    return 1;
  }
  const r = await importPayments(db, estate, input);
  out(o.t.t('books_payments_result', { estate: estate.code, added: r.added, unchanged: r.unchanged, refused: r.errors.length }));
  for (const e of r.errors) out(o.t.t('books_line', { line: e.line, reason: renderReason(o.t, e.reason) }));
  return r.errors.length > 0 ? 1 : 0;
}
