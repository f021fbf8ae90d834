import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { localMonthBounds } from '../grid/local-day.js';
import { patrolMinutes } from '../grid/patrol-minutes.js';
import { patrolSettings } from '../grid/patrol-settings.js';
import { localDayKey } from '../time/zoned-time.js';
import { averageHundredths, questionResults, surveyScore } from '../survey/survey-figures.js';
import { doorAnswersByMember, surveysInMonth, type SurveyMonth } from './survey-month.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A grid worker's month. Ratings in hundredths (450 = 4.50). */
export interface WorkerMonth {
  memberId: number;
  name: string | null;
  zone: string | null;
  /** Local days whose patrol minutes reached the target. */
  daysOnTarget: number;
  /** Local days with any patrol. */
  daysPatrolled: number;
  minutes: number;
  autoClosed: number;
  visits: number;
  /** Survey answers recorded door to door. */
  doorAnswers: number;
  accepted: number;
  resolved: number;
  resolvedOnTime: number;
  rating: number | null;
  ratings: number;
}

/** A property-service company's month. */
export interface CompanyMonth {
  id: number;
  name: string;
  tickets: number;
  resolved: number;
  resolvedOnTime: number;
  rating: number | null;
  ratings: number;
  /** The score of its service-rating surveys closing in the month, in hundredths. */
  surveyScore: number | null;
}

/** The month's figures of an estate. */
export interface MonthlyFigures {
  month: string;
  targetMinutes: number;
  workers: WorkerMonth[];
  companies: CompanyMonth[];
  surveys: SurveyMonth[];
}

/** Counts of `ticket_events` of `kind` per actor in [from, to), with how many came before the ticket's resolve deadline. */
async function eventsByActor(db: Db, estateId: number, kind: string, from: Date, to: Date): Promise<Map<number, { n: number; onTime: number }>> {
  const { rows } = await sql<{ actor: number; n: string; on_time: string }>`
    select e.actor_member_id as actor, count(*) as n, count(*) filter (where e.created_at <= t.resolve_due_at) as on_time
    from ticket_events e join tickets t on t.id = e.ticket_id
    where t.estate_id = ${estateId} and e.kind = ${kind} and e.created_at >= ${from} and e.created_at < ${to} and e.actor_member_id is not null
    group by e.actor_member_id`.execute(db);
  return new Map(rows.map((r) => [r.actor, { n: Number(r.n), onTime: Number(r.on_time) }]));
}

/** Ratings given in [from, to), by the ticket's owner (or company). */
async function ratingsIn(db: Db, estateId: number, from: Date, to: Date): Promise<{ owner: number | null; company: number | null; rating: number }[]> {
  const { rows } = await sql<{ owner: number | null; company: number | null; rating: number }>`
    select t.owner_member_id as owner, t.property_company_id as company, (e.detail->>'rating')::int as rating
    from ticket_events e join tickets t on t.id = e.ticket_id
    where t.estate_id = ${estateId} and e.kind = 'rated' and e.created_at >= ${from} and e.created_at < ${to}`.execute(db);
  return rows;
}

/** Everything the monthly report shows, for local month `ym` ('YYYY-MM') of an estate. */
export async function monthlyFigures(db: Db, estate: { id: number; time_zone: string }, ym: string, now: Date): Promise<MonthlyFigures> {
  const tz = estate.time_zone;
  const { from, to } = localMonthBounds(ym, tz);
  const settings = await patrolSettings(db, estate.id);
  const workers = await db
    .selectFrom('roles as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .leftJoin('zones as z', 'z.id', 'r.zone_id')
    .select(['m.id', 'm.display_name', 'z.name as zone', 'z.code as zoneCode'])
    .where('r.estate_id', '=', estate.id)
    .where('r.role', '=', 'grid_worker')
    .orderBy('z.code')
    .orderBy('m.id')
    .execute();
  const patrols = await db.selectFrom('patrols').select(['member_id', 'started_at', 'ended_at', 'auto_closed']).where('estate_id', '=', estate.id).where('started_at', '>=', from).where('started_at', '<', to).execute();
  const visits = await db
    .selectFrom('field_notes')
    .select(['member_id', (e) => e.fn.countAll<string>().as('n')])
    .where('estate_id', '=', estate.id)
    .where('kind', '=', 'visit')
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy('member_id')
    .execute();
  const accepted = await eventsByActor(db, estate.id, 'accepted', from, to);
  const resolved = await eventsByActor(db, estate.id, 'resolved', from, to);
  const ratings = await ratingsIn(db, estate.id, from, to);
  const door = await doorAnswersByMember(db, estate.id, from, to);
  const seen = new Set<number>();
  const out: WorkerMonth[] = [];
  for (const w of workers) {
    if (seen.has(w.id)) continue;
    seen.add(w.id);
    const mine = patrols.filter((p) => p.member_id === w.id);
    const perDay = new Map<string, number>();
    for (const p of mine) {
      const day = localDayKey(p.started_at, tz);
      perDay.set(day, (perDay.get(day) ?? 0) + patrolMinutes({ startedAt: p.started_at, endedAt: p.ended_at }, now, settings.autoCloseMinutes));
    }
    const r = ratings.filter((x) => x.owner === w.id).map((x) => x.rating);
    out.push({
      memberId: w.id,
      name: w.display_name,
      zone: w.zone,
      daysOnTarget: [...perDay.values()].filter((m) => m >= settings.targetMinutes).length,
      daysPatrolled: perDay.size,
      minutes: [...perDay.values()].reduce((a, b) => a + b, 0),
      autoClosed: mine.filter((p) => p.auto_closed).length,
      visits: Number(visits.find((v) => v.member_id === w.id)?.n ?? 0),
      doorAnswers: door.get(w.id) ?? 0,
      accepted: accepted.get(w.id)?.n ?? 0,
      resolved: resolved.get(w.id)?.n ?? 0,
      resolvedOnTime: resolved.get(w.id)?.onTime ?? 0,
      rating: averageHundredths(r),
      ratings: r.length,
    });
  }
  return {
    month: ym,
    targetMinutes: settings.targetMinutes,
    workers: out,
    companies: await companyFigures(db, estate.id, from, to, ratings),
    surveys: await surveysInMonth(db, estate.id, from, to),
  };
}

async function companyFigures(db: Db, estateId: number, from: Date, to: Date, ratings: { company: number | null; rating: number }[]): Promise<CompanyMonth[]> {
  // A company ended before the month has nothing to show for it.
  const companies = await db
    .selectFrom('property_companies')
    .select(['id', 'name'])
    .where('estate_id', '=', estateId)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', from)]))
    .orderBy('id')
    .execute();
  const out: CompanyMonth[] = [];
  for (const c of companies) {
    const filed = await db.selectFrom('tickets').select((e) => e.fn.countAll<string>().as('n')).where('property_company_id', '=', c.id).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirstOrThrow();
    const { rows } = await sql<{ n: string; on_time: string }>`
      select count(*) as n, count(*) filter (where e.created_at <= t.resolve_due_at) as on_time
      from ticket_events e join tickets t on t.id = e.ticket_id
      where t.property_company_id = ${c.id} and e.kind = 'resolved' and e.created_at >= ${from} and e.created_at < ${to}`.execute(db);
    const r = ratings.filter((x) => x.company === c.id).map((x) => x.rating);
    const surveys = await db.selectFrom('surveys').select(['id', 'questions']).where('property_company_id', '=', c.id).where('closes_at', '>', from).where('closes_at', '<=', to).execute();
    const scores: number[] = [];
    for (const s of surveys) {
      const answers = await db.selectFrom('survey_answers').select('scores').where('survey_id', '=', s.id).execute();
      const score = surveyScore(questionResults(s.questions, answers.map((a) => a.scores)));
      if (score !== null) scores.push(score);
    }
    out.push({
      id: c.id,
      name: c.name,
      tickets: Number(filed.n),
      resolved: Number(rows[0]?.n ?? 0),
      resolvedOnTime: Number(rows[0]?.on_time ?? 0),
      rating: averageHundredths(r),
      ratings: r.length,
      surveyScore: scores.length === 0 ? null : Math.floor((scores.reduce((a, b) => a + b, 0) * 2 + scores.length) / (scores.length * 2)),
    });
  }
  return out;
}
