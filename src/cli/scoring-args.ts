import { parseFlags, type RefusedFlags } from './parse-flags.js';

/** The usage of `linli scoring`. */
export const SCORING_USAGE = `usage:
  linli scoring rules <estate> [--set rules.json]        this month's rules as JSON; --set: new rules from next month
  linli scoring sheet <estate> <YYYY-MM> <file.xlsx|file.csv> [--panelist <platform:user-id>]
                                                         the month's score sheet: units × criteria, evidence; a panelist's points so far
  linli scoring import-sheet <estate> <YYYY-MM> <file.xlsx|file.csv> --panelist <platform:user-id>
                                                         a panelist's filled sheet, checked cell by cell (once per file)
  linli scoring export --estate <code> --year <YYYY> <file.xlsx>   the year's archive: scores, evidence, appeals, results, credits
  linli scoring year-end <estate> <YYYY> [--plan NAME] [--diligent 8-2-301,9-1-102]   the year's subsidies as credits
  linli scoring reverse <estate> P<id> <reason>          reverse a credit with a correction`;

/** What `linli scoring …` asks for, its command line checked. */
export type ScoringRequest =
  | { sub: 'rules'; estate: string; set: string | undefined }
  | { sub: 'sheet'; estate: string; month: string; file: string; panelist: { platform: string; userId: string } | null }
  | { sub: 'import-sheet'; estate: string; month: string; file: string; panelist: { platform: string; userId: string } }
  | { sub: 'export'; estate: string; year: number; file: string }
  | { sub: 'year-end'; estate: string; year: number; plan: string | undefined; diligent: string[] }
  | { sub: 'reverse'; estate: string; paymentId: number; reason: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Parse `linli scoring` arguments strictly: each subcommand its own positionals and flags. */
export function parseScoringArgs(args: readonly string[]): { ok: true; request: ScoringRequest } | RefusedFlags {
  const [sub, ...tail] = args;
  const fail = (why: string): RefusedFlags => ({ ok: false, code: 2, text: `${why}\n${SCORING_USAGE}` });
  if (sub === undefined || sub === '--help' || sub === '-h') return sub === undefined ? fail('which subcommand?') : { ok: false, code: 0, text: SCORING_USAGE };
  if (sub === 'rules') {
    const p = parseFlags(tail, { set: 'string' }, { min: 1, max: 1 }, SCORING_USAGE);
    return p.ok ? { ok: true, request: { sub, estate: p.positionals[0], set: p.flags.set } } : p;
  }
  if (sub === 'sheet' || sub === 'import-sheet' || sub === 'upload') {
    const p = parseFlags(tail, { panelist: 'string' }, { min: 3, max: 3 }, SCORING_USAGE);
    if (!p.ok) return p;
    const [estate, month, file] = p.positionals;
    if (!MONTH.test(month)) return fail(`the month is YYYY-MM, not "${month}"`);
    if (!/\.(xlsx|csv)$/i.test(file)) return fail(`the sheet is a .xlsx or .csv file, not "${file}"`);
    const who = p.flags.panelist;
    const colon = who?.indexOf(':') ?? -1;
    if (who !== undefined && colon < 1) return fail('give --panelist platform:user-id');
    const panelist = who === undefined ? null : { platform: who.slice(0, colon), userId: who.slice(colon + 1) };
    if (sub === 'sheet') return { ok: true, request: { sub, estate, month, file, panelist } };
    if (panelist === null) return fail('give --panelist platform:user-id');
    return { ok: true, request: { sub: 'import-sheet', estate, month, file, panelist } };
  }
  if (sub === 'export') {
    const p = parseFlags(tail, { estate: 'string', year: 'string' }, { min: 1, max: 1 }, SCORING_USAGE);
    if (!p.ok) return p;
    const [file] = p.positionals;
    const year = /^\d{4}$/.test(p.flags.year ?? '') ? Number(p.flags.year) : Number.NaN;
    if (p.flags.estate === undefined) return fail('give --estate <code>');
    if (!(year >= 2000 && year <= 2100)) return fail('give --year YYYY');
    if (!/\.xlsx$/i.test(file)) return fail(`the archive is a .xlsx file, not "${file}"`);
    return { ok: true, request: { sub, estate: p.flags.estate, year, file } };
  }
  if (sub === 'year-end') {
    const p = parseFlags(tail, { plan: 'string', diligent: 'string' }, { min: 2, max: 2 }, SCORING_USAGE);
    if (!p.ok) return p;
    const [estate, y] = p.positionals;
    const year = /^\d{4}$/.test(y) ? Number(y) : Number.NaN;
    if (!(year >= 2000 && year <= 2100)) return fail('give the year (YYYY)');
    return { ok: true, request: { sub, estate, year, plan: p.flags.plan, diligent: (p.flags.diligent ?? '').split(',').filter(Boolean) } };
  }
  if (sub === 'reverse') {
    // The reason is the rest of the line, several words unquoted.
    const p = parseFlags(tail, {}, { min: 3, max: 64 }, SCORING_USAGE);
    if (!p.ok) return p.text.startsWith('missing argument') ? fail('give the credit (P<id>) and a reason') : p;
    const [estate, ref, ...reason] = p.positionals;
    const id = /^P?(\d{1,12})$/i.exec(ref)?.[1];
    if (id === undefined) return fail(`a credit is P<id>, not "${ref}"`);
    return { ok: true, request: { sub, estate, paymentId: Number(id), reason: reason.join(' ') } };
  }
  return fail(`unknown subcommand "${sub}"`);
}
