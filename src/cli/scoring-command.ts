import { promises as fs } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { currentMonth } from '../time/month.js';
import { yuan } from '../i18n/money.js';
import { reverseCredit, writeYearEndCredits, YearEndError } from '../scoring/credits.js';
import { ensureRound, unitsInScope } from '../scoring/rounds.js';
import { InvalidRulesError, type ScoringRules } from '../scoring/rules.js';
import { rulesForMonth, setRules } from '../scoring/rules-repository.js';
import { saveScores } from '../scoring/scores.js';
import { buildSheet, readSheet, SheetError } from '../scoring/sheet.js';
import { parseScoringArgs, SCORING_USAGE } from './scoring-args.js';

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
    if (req.sub === 'sheet') {
      const round = await ensureRound(db, estate, req.month, now);
      const units = await unitsInScope(db, estate.id, round.rules);
      await fs.writeFile(req.file, buildSheet(round.rules, units.map((u) => u.code)));
      out(`${req.file}: ${units.length} units, ${round.rules.criteria.length} criteria (CSV)`);
      return 0;
    }
    if (req.sub === 'upload') {
      const member = await db
        .selectFrom('members as m')
        .innerJoin('roles as r', 'r.member_id', 'm.id')
        .select('m.id')
        .where('m.platform', '=', req.platform)
        .where('m.platform_user_id', '=', req.userId)
        .where('r.estate_id', '=', estate.id)
        .where('r.role', '=', 'panelist')
        .executeTakeFirst();
      if (!member) return fail(`${req.platform}:${req.userId} is not a panelist of ${req.estate}`);
      const round = await ensureRound(db, estate, req.month, now);
      if (round.status !== 'open' || now >= new Date(round.closes_at)) return fail(`scoring for ${req.month} is closed`);
      const units = new Map((await unitsInScope(db, estate.id, round.rules)).map((u) => [u.code, u.id]));
      const rows = readSheet(round.rules, await fs.readFile(req.file, 'utf8'));
      for (const r of rows) if (!units.has(r.unit)) throw new SheetError(r.line, `${r.unit} is not a unit scored this month`);
      await db.transaction().execute(async (tx) => {
        for (const r of rows) await saveScores(tx, round.id, member.id, units.get(r.unit) as number, r.points, 'sheet', now);
        await tx.insertInto('audit_log').values({ estate_id: estate.id, actor_member_id: member.id, action: 'scoring.sheet', subject: `round ${req.month}`, detail: JSON.stringify({ rows: rows.length }), created_at: now }).execute();
      });
      out(`${rows.length} units scored from ${req.file}`);
      return 0;
    }
    if (req.sub === 'year-end') {
      const { plan: planName } = req;
      const plan = await db.selectFrom('fee_plans').selectAll().where('estate_id', '=', estate.id).$if(planName !== undefined, (q) => q.where('name', '=', planName as string)).orderBy('id').executeTakeFirst();
      if (!plan) return fail(planName ? `no fee plan "${planName}"` : 'the estate has no fee plan');
      const credits = await db.transaction().execute((tx) => writeYearEndCredits(tx, estate, req.year, plan, req.diligent, null, now));
      for (const c of credits) out(`P${c.paymentId}  ${c.roomCode}  ${yuan(c.fen)} yuan  ${c.why}${c.unit ? ` (${c.unit}, ${c.flags} flags)` : ''}`);
      out(`${credits.length} credits on ${plan.name}`);
      return 0;
    }
    const row = await db.transaction().execute((tx) => reverseCredit(tx, req.paymentId, null, req.reason, now));
    out(row === null ? `P${req.paymentId} was already reversed` : `P${req.paymentId} reversed by P${row}`);
    return 0;
  } catch (e) {
    if (e instanceof SheetError || e instanceof YearEndError || e instanceof InvalidRulesError || e instanceof SyntaxError) return fail(e.message);
    throw e;
  }
}
