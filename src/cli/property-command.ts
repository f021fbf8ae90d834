import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { companiesOf, companyNamed, endCompany, engageCompany, takenCategories } from '../committee/companies.js';
import { openRatingSurvey } from '../committee/rating-survey.js';
import { serviceCategories } from '../committee/service-categories.js';
import type { Database, Estate } from '../db/database.js';
import { reportMonth } from '../performance/report-month.js';
import { currentMonth } from '../time/month.js';
import { minutes } from './estates-command.js';
import { parsePropertyArgs, type PropertyRequest } from './property-args.js';

type Out = (line: string) => void;

/** Print one line, then exit with `code`. */
function said(out: Out, line: string, code: number): number {
  out(line);
  return code;
}

const sla = (m: number | null) => (m === null ? 'estate default' : m % 1440 === 0 ? `${m / 1440}d` : m % 60 === 0 ? `${m / 60}h` : `${m}m`);

/** `linli property list|add|end|rate …`: the property-service companies of an estate. */
export async function runPropertyCommand(args: string[], db: Kysely<Database>, out: Out, clock: Clock): Promise<number> {
  const parsed = parsePropertyArgs(args);
  if (!parsed.ok) return said(out, parsed.text, parsed.code);
  const req = parsed.request;
  const estate = await db.selectFrom('estates').selectAll().where('code', '=', req.estate).executeTakeFirst();
  if (!estate) return said(out, `linli: no estate "${req.estate}" (linli estates lists them)`, 2);
  const now = clock.now();
  switch (req.sub) {
    case 'list':
      return list(db, estate, out);
    case 'add':
      return add(db, estate, req, out, now);
    case 'end': {
      const company = await companyNamed(db, estate.id, req.name);
      if (!company || company.ended_at !== null) return said(out, `linli: estate ${estate.code} has no property company "${req.name}" in service`, 2);
      const staff = await db.transaction().execute(async (tx) => {
        const n = await endCompany(tx, company.id, now);
        await tx.insertInto('audit_log').values({ estate_id: estate.id, actor_member_id: null, action: 'property.end', subject: company.name, detail: JSON.stringify({ staff: n }), created_at: now }).execute();
        return n;
      });
      out(`${company.name} no longer serves ${estate.code}: new tickets of ${company.categories.join(', ')} go to the grid; ${staff} staff lost the property role`);
      return 0;
    }
    case 'rate': {
      const company = await companyNamed(db, estate.id, req.name);
      if (!company || company.ended_at !== null) return said(out, `linli: estate ${estate.code} has no property company "${req.name}" in service`, 2);
      const ym = req.month === undefined ? currentMonth(now, estate.time_zone) : reportMonth(req.month, now, estate.time_zone);
      if (ym === null) return said(out, `linli: --month "${req.month}" is not a month; write YYYY-MM`, 2);
      const opened = await db.transaction().execute((tx) => openRatingSurvey(tx, estate, company, ym, now));
      if (opened === null) return said(out, `linli: ${ym} is over; a rating opens for this month or a later one`, 2);
      out(`${opened.created ? 'opened' : 'already open'}: S${opened.survey.id} ${opened.survey.title}, until the end of ${ym}${opened.created ? ' (announced in the residents’ groups within 5 minutes)' : ''}`);
      return 0;
    }
  }
}

async function list(db: Kysely<Database>, estate: Estate, out: Out): Promise<number> {
  const companies = await companiesOf(db, estate.id);
  if (companies.length === 0) return said(out, `estate ${estate.code} has no property company (linli property add)`, 0);
  for (const c of companies) {
    const staff = await db.selectFrom('roles').select((e) => e.fn.countAll<string>().as('n')).where('role', '=', 'property').where('property_company_id', '=', c.id).executeTakeFirstOrThrow();
    const trial = c.trial_until === null ? '' : `  trial until ${c.trial_until}${c.trial_poll ? ' then a poll' : ''}${c.trial_closed_at ? ' (ended)' : ''}`;
    const state = c.ended_at === null ? '' : `  ENDED ${c.ended_at.toISOString().slice(0, 10)}`;
    out(`${c.name}  serves ${c.categories.join(', ')}  accept ${sla(c.accept_minutes)} resolve ${sla(c.resolve_minutes)}  staff ${staff.n}${trial}${state}`);
  }
  return 0;
}

async function add(db: Kysely<Database>, estate: Estate, req: Extract<PropertyRequest, { sub: 'add' }>, out: Out, now: Date): Promise<number> {
  const served = serviceCategories(req.serves);
  if (!served.ok) return said(out, `linli: unknown service or ticket category "${served.unknown}" (维修, 保洁, 保安, 绿化, or a category)`, 2);
  const accept = req.accept === undefined ? null : minutes(req.accept);
  const resolve = req.resolve === undefined ? null : minutes(req.resolve);
  if ((req.accept !== undefined && accept === null) || (req.resolve !== undefined && resolve === null)) return said(out, 'linli: --accept and --resolve take a time such as 30m, 4h or 2d', 2);
  if (accept !== null && resolve !== null && resolve < accept) return said(out, 'linli: --resolve must not be sooner than --accept', 2);
  let trialUntil: string | null = null;
  if (req.trialUntil !== undefined) {
    trialUntil = /^\d{4}-(0[1-9]|1[0-2])$/.test(req.trialUntil) ? req.trialUntil : null;
    if (trialUntil === null) return said(out, `linli: --trial-until "${req.trialUntil}" is not a month; write YYYY-MM`, 2);
    if (trialUntil < currentMonth(now, estate.time_zone)) return said(out, `linli: --trial-until ${trialUntil} is already over`, 2);
  }
  const taken = await takenCategories(db, estate.id, req.name, served.categories);
  if (taken.length > 0) return said(out, `linli: ${taken.map((x) => `${x.category} is served by ${x.company}`).join('; ')} (end it first: linli property end)`, 2);
  const terms = { categories: served.categories, acceptMinutes: accept, resolveMinutes: resolve, trialUntil, trialPoll: req.trialPoll };
  const { created } = await db.transaction().execute(async (tx) => {
    const r = await engageCompany(tx, estate.id, req.name, terms, now);
    await tx.insertInto('audit_log').values({ estate_id: estate.id, actor_member_id: null, action: 'property.engage', subject: req.name, detail: JSON.stringify(terms), created_at: now }).execute();
    return r;
  });
  out(`${created ? 'engaged' : 'updated'}: ${req.name} serves ${served.categories.join(', ')} in ${estate.code} (accept ${sla(accept)}, resolve ${sla(resolve)})${trialUntil ? `, on trial until ${trialUntil}${req.trialPoll ? ', then a poll on continuing' : ''}` : ''}`);
  if (created) out(`invite its staff: linli invite ${estate.code} --role property --company ${req.name}`);
  return 0;
}
