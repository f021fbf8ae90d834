import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { translator } from '../i18n/translator.js';
import type { Locale } from '../commands/locale.js';
import { figuresCsv } from '../performance/figures-csv.js';
import { figuresWorkbook } from '../performance/figures-xlsx.js';
import { monthlyFigures } from '../performance/monthly-figures.js';
import { renderReport } from '../performance/render-report.js';
import { reportMonth } from '../performance/report-month.js';
import { parseFlags } from './parse-flags.js';

const USAGE = 'usage: linli report <estate> [--month YYYY-MM] [--csv | --xlsx FILE]   monthly figures per grid worker and property company (--xlsx: a workbook with a sheet each)';

/** Parse `linli report` arguments strictly (the month is checked against the estate's time zone later). */
export function parseReportArgs(args: readonly string[]) {
  const parsed = parseFlags(args, { month: 'string', csv: 'boolean', xlsx: 'string' }, { min: 1, max: 1 }, USAGE);
  if (parsed.ok && parsed.flags.csv && parsed.flags.xlsx !== undefined) return { ok: false as const, code: 2 as const, text: `give --csv or --xlsx, not both\n${USAGE}` };
  return parsed;
}

/** `linli report <estate> [--month YYYY-MM] [--csv | --xlsx FILE]`: the monthly report as text, as CSV, or as an .xlsx workbook. */
export async function runReportCommand(args: string[], db: Kysely<Database>, out: (s: string) => void, clock: Clock): Promise<number> {
  const parsed = parseReportArgs(args);
  if (!parsed.ok) return (out(parsed.text), parsed.code);
  const [code] = parsed.positionals;
  const monthArg = parsed.flags.month ?? null;
  const estate = await db.selectFrom('estates').selectAll().where('code', '=', code).executeTakeFirst();
  if (!estate) {
    out(`linli: no estate "${code}" (linli estates lists them)`);
    return 2;
  }
  const now = clock.now();
  const month = reportMonth(monthArg, now, estate.time_zone);
  if (month === null) {
    out(`linli: --month "${monthArg}" is not a month; write YYYY-MM`);
    return 2;
  }
  const figures = await monthlyFigures(db, estate, month, now);
  const { t } = translator(estate.locale as Locale);
  if (parsed.flags.xlsx !== undefined) {
    const file = parsed.flags.xlsx;
    try {
      await figuresWorkbook(t, figures, estate.name).xlsx.writeFile(file);
    } catch (e) {
      out(`linli: cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
    out(`wrote ${file}: ${figures.workers.length} grid workers, ${figures.companies.length} property companies, ${month}`);
  } else if (parsed.flags.csv) out(figuresCsv(figures).replace(/\n$/, ''));
  else out(renderReport(t, figures, estate.name));
  return 0;
}
