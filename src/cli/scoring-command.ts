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

const USAGE = `usage:
  linli scoring rules <estate> [--set rules.json]        this month's rules as JSON; --set: new rules from next month
  linli scoring sheet <estate> <YYYY-MM> <file.csv>      the month's blank score sheet (CSV; no xlsx library is installed)
  linli scoring upload <estate> <YYYY-MM> <file.csv> --panelist <platform:user-id>   a panelist's filled sheet
  linli scoring year-end <estate> <YYYY> [--plan NAME] [--diligent 8-2-301,9-1-102]   the year's subsidies as credits
  linli scoring reverse <estate> P<id> <reason>          reverse a credit with a correction`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** `linli scoring`: rules, the monthly sheet out and back in, year-end credits and their reversal. */
export async function runScoringCommand(args: string[], db: Kysely<Database>, out: (line: string) => void, now: Date = new Date()): Promise<number> {
  const [sub, estateCode, a, b] = args;
  const fail = (why: string) => {
    out(`${why}\n${USAGE}`);
    return 2;
  };
  if (!sub || !estateCode) return fail('which subcommand and estate?');
  const estate = await db.selectFrom('estates').selectAll().where('code', '=', estateCode).executeTakeFirst();
  if (!estate) return fail(`no estate with code "${estateCode}"`);
  const isMonth = (m: string | undefined) => m !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(m);
  try {
    if (sub === 'rules') {
      const file = flag(args, '--set');
      if (!file) {
        out(JSON.stringify(await rulesForMonth(db, estate.id, currentMonth(now, estate.time_zone)), null, 2));
        return 0;
      }
      const rules = JSON.parse(await fs.readFile(file, 'utf8')) as ScoringRules;
      const from = await db.transaction().execute((tx) => setRules(tx, estate, rules, null, now));
      out(`rules saved; they apply from ${from}`);
      return 0;
    }
    if (sub === 'sheet') {
      if (!isMonth(a) || !b) return fail('give the month (YYYY-MM) and the file to write');
      const round = await ensureRound(db, estate, a!, now);
      const units = await unitsInScope(db, estate.id, round.rules);
      await fs.writeFile(b, buildSheet(round.rules, units.map((u) => u.code)));
      out(`${b}: ${units.length} units, ${round.rules.criteria.length} criteria (CSV)`);
      return 0;
    }
    if (sub === 'upload') {
      const who = flag(args, '--panelist');
      if (!isMonth(a) || !b || !who || !who.includes(':')) return fail('give the month, the file and --panelist platform:user-id');
      const [platform, ...rest] = who.split(':');
      const member = await db
        .selectFrom('members as m')
        .innerJoin('roles as r', 'r.member_id', 'm.id')
        .select('m.id')
        .where('m.platform', '=', platform)
        .where('m.platform_user_id', '=', rest.join(':'))
        .where('r.estate_id', '=', estate.id)
        .where('r.role', '=', 'panelist')
        .executeTakeFirst();
      if (!member) return fail(`${who} is not a panelist of ${estateCode}`);
      const round = await ensureRound(db, estate, a!, now);
      if (round.status !== 'open' || now >= new Date(round.closes_at)) return fail(`scoring for ${a} is closed`);
      const units = new Map((await unitsInScope(db, estate.id, round.rules)).map((u) => [u.code, u.id]));
      const rows = readSheet(round.rules, await fs.readFile(b, 'utf8'));
      for (const r of rows) if (!units.has(r.unit)) throw new SheetError(r.line, `${r.unit} is not a unit scored this month`);
      await db.transaction().execute(async (tx) => {
        for (const r of rows) await saveScores(tx, round.id, member.id, units.get(r.unit)!, r.points, 'sheet', now);
        await tx.insertInto('audit_log').values({ estate_id: estate.id, actor_member_id: member.id, action: 'scoring.sheet', subject: `round ${a}`, detail: JSON.stringify({ rows: rows.length }), created_at: now }).execute();
      });
      out(`${rows.length} units scored from ${b}`);
      return 0;
    }
    if (sub === 'year-end') {
      const year = Number(a);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) return fail('give the year');
      const planName = flag(args, '--plan');
      const plan = await db.selectFrom('fee_plans').selectAll().where('estate_id', '=', estate.id).$if(planName !== undefined, (q) => q.where('name', '=', planName!)).orderBy('id').executeTakeFirst();
      if (!plan) return fail(planName ? `no fee plan "${planName}"` : 'the estate has no fee plan');
      const diligent = (flag(args, '--diligent') ?? '').split(',').filter(Boolean);
      const credits = await db.transaction().execute((tx) => writeYearEndCredits(tx, estate, year, plan, diligent, null, now));
      for (const c of credits) out(`P${c.paymentId}  ${c.roomCode}  ${yuan(c.fen)} yuan  ${c.why}${c.unit ? ` (${c.unit}, ${c.flags} flags)` : ''}`);
      out(`${credits.length} credits on ${plan.name}`);
      return 0;
    }
    if (sub === 'reverse') {
      const id = /^P?(\d+)$/i.exec(a ?? '')?.[1];
      if (!id || !b) return fail('give the credit (P<id>) and a reason');
      const row = await db.transaction().execute((tx) => reverseCredit(tx, Number(id), null, args.slice(3).join(' '), now));
      out(row === null ? `P${id} was already reversed` : `P${id} reversed by P${row}`);
      return 0;
    }
  } catch (e) {
    if (e instanceof SheetError || e instanceof YearEndError || e instanceof InvalidRulesError || e instanceof SyntaxError) return fail(e.message);
    throw e;
  }
  return fail(`unknown subcommand "${sub}"`);
}
