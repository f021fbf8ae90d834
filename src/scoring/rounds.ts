import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { ScoringRoundsTable } from '../db/tables/scoring.js';
import { currentMonth } from '../time/month.js';
import { addDays, zonedTime } from '../time/zoned-time.js';
import { rulesForMonth } from './rules-repository.js';
import type { ScoringRules } from './rules.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A month's scoring round of one estate. */
export type Round = Selectable<ScoringRoundsTable>;

/** When a month's round closes: the start of the day after `closeDay`, in the estate's zone. */
export function roundClosesAt(month: string, closeDay: number, timeZone: string): Date {
  const [y, m] = month.split('-').map(Number);
  const next = addDays(y, m, closeDay, 1);
  return zonedTime(next.year, next.month, next.day, 0, 0, timeZone);
}

/** The round of `month`, created with the rules then in force if it does not exist yet. */
export async function ensureRound(db: Db, estate: { id: number; time_zone: string }, month: string, now: Date): Promise<Round> {
  const known = await roundOf(db, estate.id, month);
  if (known) return known;
  const rules = await rulesForMonth(db, estate.id, month);
  await db
    .insertInto('scoring_rounds')
    .values({ estate_id: estate.id, month, rules: JSON.stringify(rules), closes_at: roundClosesAt(month, rules.closeDay, estate.time_zone), created_at: now })
    .onConflict((c) => c.columns(['estate_id', 'month']).doNothing())
    .execute();
  return (await roundOf(db, estate.id, month))!;
}

/** The round of an estate's month, if any. */
export async function roundOf(db: Db, estateId: number, month: string): Promise<Round | null> {
  return (await db.selectFrom('scoring_rounds').selectAll().where('estate_id', '=', estateId).where('month', '=', month).executeTakeFirst()) ?? null;
}

/** The round panelists score now: this month's while it is open (created on first use), else null. */
export async function openRound(db: Db, estate: { id: number; time_zone: string }, now: Date): Promise<Round | null> {
  const round = await ensureRound(db, estate, currentMonth(now, estate.time_zone), now);
  return round.status === 'open' && now < new Date(round.closes_at) ? round : null;
}

/** The latest published round, if any. */
export async function latestPublishedRound(db: Db, estateId: number): Promise<Round | null> {
  return (await db.selectFrom('scoring_rounds').selectAll().where('estate_id', '=', estateId).where('status', '=', 'published').orderBy('month', 'desc').executeTakeFirst()) ?? null;
}

/** A unit the panel scores, with its label ('8-2'). */
export interface ScoredUnit {
  id: number;
  code: string;
  buildingId: number;
}

/** The units a round's rules cover, in natural order (2-1 before 10-1). */
export async function unitsInScope(db: Db, estateId: number, rules: ScoringRules): Promise<ScoredUnit[]> {
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .select(['u.id', 'u.code as unit', 'b.code as building', 'b.id as buildingId'])
    .where('b.estate_id', '=', estateId)
    .$if(rules.buildings.length > 0, (q) => q.where('b.code', 'in', rules.buildings))
    .execute();
  return rows
    .map((r) => ({ id: r.id, code: `${r.building}-${r.unit}`, buildingId: r.buildingId }))
    .sort((a, b) => compareUnitCodes(a.code, b.code));
}

/** Natural order of unit codes. */
export function compareUnitCodes(a: string, b: string): number {
  const [a1, a2] = a.split('-').map(Number);
  const [b1, b2] = b.split('-').map(Number);
  return a1 - b1 || a2 - b2;
}

/** Mark an estate's open rounds whose closing time has passed as closed; returns those just closed. */
export async function closeDueRounds(db: Db, estateId: number | null, now: Date): Promise<Round[]> {
  return db
    .updateTable('scoring_rounds')
    .set({ status: 'closed' })
    .where('status', '=', 'open')
    .where('closes_at', '<=', now)
    .$if(estateId !== null, (q) => q.where('estate_id', '=', estateId!))
    .returningAll()
    .execute();
}

/**
 * The round the panel is deciding: a closed one not yet published, else a published one with an
 * appeal under review, else this month's open round.
 */
export async function roundForPanel(db: Db, estate: { id: number; time_zone: string }, now: Date): Promise<Round | null> {
  await closeDueRounds(db, estate.id, now);
  const closed = await db.selectFrom('scoring_rounds').selectAll().where('estate_id', '=', estate.id).where('status', '=', 'closed').orderBy('month', 'desc').executeTakeFirst();
  if (closed) return closed;
  const appealed = await db
    .selectFrom('scoring_rounds as r')
    .selectAll('r')
    .where('r.estate_id', '=', estate.id)
    .where('r.status', '=', 'published')
    .where((eb) => eb.exists(eb.selectFrom('scoring_appeals as a').select('a.id').whereRef('a.round_id', '=', 'r.id').where('a.status', '=', 'open')))
    .orderBy('r.month', 'desc')
    .executeTakeFirst();
  if (appealed) return appealed;
  return openRound(db, estate, now);
}

/** A unit of the round's scope by its code ('8-2'), or null. */
export async function unitInRound(db: Db, round: Round, code: string): Promise<ScoredUnit | null> {
  return (await unitsInScope(db, round.estate_id, round.rules)).find((u) => u.code === code) ?? null;
}
