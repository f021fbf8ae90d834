import { promises as fs } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { currentMonth } from '../time/month.js';
import { yuan } from '../i18n/money.js';
import { reverseCredit, writeYearEndCredits, YearEndError } from '../scoring/credits.js';
import { writeArchiveXlsx } from '../scoring/archive-xlsx.js';
import { scoringArchive } from '../scoring/archive.js';
import { SheetRefused } from '../scoring/panel-sheet.js';
import { SheetFileError } from '../scoring/sheet-file.js';
import { InvalidRulesError, type ScoringRules } from '../scoring/rules.js';
import { rulesForMonth, setRules } from '../scoring/rules-repository.js';
import { SheetError } from '../scoring/sheet.js';
import { writeYearEndNotices } from '../scoring/year-end-notice.js';
import { parseScoringArgs, SCORING_USAGE } from './scoring-args.js';
import { runSheetCommand } from './scoring-sheet-command.js';

/** `linli scoring`: rules, the monthly sheet out and back in, year-end credits and their reversal. */
export async function runScoringCommand(args: string[], db: Kysely<Database>, out: (line: string) => void, now: Date = new Date()): Promise<number> {
  const parsed = parseScoringArgs(args);
  if (!parsed.ok) return (out(parsed.text), parsed.code);
  const req = parsed.request;
  const fail = (why: string) => {
    out(`${why}\n${SCORING_USAGE}`);
    return 2;
  };
  const estate = await db.selectFrom('estates').selectAll().where('code', '=', req.estate).executeTakeFirst();
  if (!estate) return fail(`no estate with code "${req.estate}"`);
  try {
    if (req.sub === 'rules') {
      if (!req.set) {
        out(JSON.stringify(await rulesForMonth(db, estate.id, currentMonth(now, estate.time_zone)), null, 2));
        return 0;
      }
      const rules = JSON.parse(await fs.readFile(req.set, 'utf8')) as ScoringRules;
      const from = await db.transaction().execute((tx) => setRules(tx, estate, rules, null, now));
      out(`rules saved; they apply from ${from}`);
      return 0;
    }
    if (req.sub === 'sheet' || req.sub === 'import-sheet') {
      const code = await runSheetCommand(req, db, estate, out, now);
      return typeof code === 'string' ? fail(code) : code;
    }
    if (req.sub === 'export') {
      await writeArchiveXlsx(req.file, await scoringArchive(db, estate.id, req.year), estate.time_zone);
      out(`${req.file}: 红"栋"力 ${req.year} of ${estate.code} (results, scores, evidence, bonuses, appeals, credits, rules)`);
      return 0;
    }
    if (req.sub === 'year-end') {
      const { plan: planName } = req;
      const plan = await db.selectFrom('fee_plans').selectAll().where('estate_id', '=', estate.id).$if(planName !== undefined, (q) => q.where('name', '=', planName as string)).orderBy('id').executeTakeFirst();
      if (!plan) return fail(planName ? `no fee plan "${planName}"` : 'the estate has no fee plan');
      const { credits, messages } = await db.transaction().execute(async (tx) => {
        const written = await writeYearEndCredits(tx, estate, req.year, plan, req.diligent, null, now);
        return { credits: written, messages: await writeYearEndNotices(tx, estate, req.year, plan, written, now) };
      });
      for (const c of credits) out(`P${c.paymentId}  ${c.roomCode}  ${yuan(c.fen)} yuan  ${c.why}${c.unit ? ` (${c.unit}, ${c.flags} flags)` : ''}`);
      out(`${credits.length} credits on ${plan.name}${messages ? `; ${messages} messages (the notice to the groups, a private word to each household) go out with the next hourly scoring tick` : ''}`);
      return 0;
    }
    const row = await db.transaction().execute((tx) => reverseCredit(tx, req.paymentId, null, req.reason, now));
    out(row === null ? `P${req.paymentId} was already reversed` : `P${req.paymentId} reversed by P${row}`);
    return 0;
  } catch (e) {
    if (e instanceof SheetError) {
      // Every bad cell, by line and column; the usage would only hide them.
      out(`${req.sub === 'import-sheet' ? req.file : 'the sheet'} was not imported; nothing changed:`);
      for (const problem of e.problems) out(`  ${problem}`);
      return 1;
    }
    if (e instanceof SheetRefused || e instanceof SheetFileError) {
      out(e.message);
      return 1;
    }
    if (e instanceof YearEndError || e instanceof InvalidRulesError || e instanceof SyntaxError) return fail(e.message);
    throw e;
  }
}
