import type { Transaction } from 'kysely';
import type { Database, FeePlan } from '../db/database.js';
import { flagsOfYear } from './results.js';
import { rulesForMonth } from './rules-repository.js';
import { unitsInScope } from './rounds.js';
import { headSubsidyFen, percentOfYearFen, yearEndWinners } from './year-end.js';

/** One credit row written for the year end. */
export interface YearEndCredit {
  paymentId: number;
  householdId: number;
  roomCode: string;
  fen: number;
  why: 'unit' | 'head' | 'head_diligent';
  /** The winning unit ('8-2') for a unit credit. */
  unit: string | null;
  flags: number | null;
}

/** A year-end run was asked for something the estate does not have. */
export class YearEndError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'YearEndError';
  }
}

/**
 * The year's subsidies as credit rows on `plan`: every household of the units with most red
 * flags (the rules of December say how many places and how much), and every 三长 (a member with
 * the head role) for their bound household, more when an admin named their room as diligent.
 * Source keys fix each row, so running it again writes nothing new. Returns the rows of this run.
 */
export async function writeYearEndCredits(
  tx: Transaction<Database>,
  estate: { id: number },
  year: number,
  plan: FeePlan,
  diligentRooms: string[],
  actorId: number | null,
  now: Date,
): Promise<YearEndCredit[]> {
  const rules = await rulesForMonth(tx, estate.id, `${year}-12`);
  const winners = yearEndWinners(await flagsOfYear(tx, estate.id, year), rules.yearEnd.topUnits);
  const units = new Map((await unitsInScope(tx, estate.id, { ...rules, buildings: [] })).map((u) => [u.id, u.code]));
  const out: YearEndCredit[] = [];
  const credit = async (householdId: number, roomCode: string, fen: number, key: string, why: YearEndCredit['why'], unit: string | null, flags: number | null) => {
    if (fen <= 0) return;
    const row = await tx
      .insertInto('payments')
      .values({ estate_id: estate.id, household_id: householdId, fee_plan_id: plan.id, kind: 'credit', amount_fen: fen, months: 0, method: `红栋力${year}`, member_id: actorId, corrects_id: null, source_key: key, created_at: now })
      .onConflict((c) => c.column('source_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) out.push({ paymentId: row.id, householdId, roomCode, fen, why, unit, flags });
  };
  const unitFen = percentOfYearFen(plan.amount_fen, rules.yearEnd.unitPercent);
  for (const w of winners) {
    const households = await tx.selectFrom('households').select(['id', 'room_code']).where('unit_id', '=', w.unitId).orderBy('room_code').execute();
    for (const h of households) await credit(h.id, h.room_code, unitFen, `scoring-${estate.id}-${year}-unit-${h.id}`, 'unit', units.get(w.unitId) ?? null, w.flags);
  }
  const heads = await tx
    .selectFrom('roles as r')
    .innerJoin('bindings as bi', (j) => j.onRef('bi.member_id', '=', 'r.member_id').on('bi.status', '=', 'confirmed'))
    .innerJoin('households as h', (j) => j.onRef('h.id', '=', 'bi.household_id').onRef('h.estate_id', '=', 'r.estate_id'))
    .select(['h.id', 'h.room_code'])
    .distinct()
    .where('r.estate_id', '=', estate.id)
    .where('r.role', '=', 'head')
    .orderBy('h.room_code')
    .execute();
  for (const unknown of diligentRooms.filter((room) => !heads.some((h) => h.room_code === room))) {
    throw new YearEndError(`${unknown} is not the household of a building or unit head`);
  }
  for (const h of heads) {
    const diligent = diligentRooms.includes(h.room_code);
    await credit(h.id, h.room_code, headSubsidyFen(rules.yearEnd, plan.amount_fen, diligent), `scoring-${estate.id}-${year}-head-${h.id}`, diligent ? 'head_diligent' : 'head', null, null);
  }
  await tx
    .insertInto('audit_log')
    .values({ estate_id: estate.id, actor_member_id: actorId, action: 'scoring.year-end', subject: `year ${year}`, detail: JSON.stringify({ planId: plan.id, credits: out.map((c) => c.paymentId), diligentRooms }), created_at: now })
    .execute();
  return out;
}

/**
 * Reverse a credit: a credit row of the opposite amount naming it (the original stays, as the
 * ledger is append-only). Once per credit; returns the new row's id, or null if it was reversed already.
 */
export async function reverseCredit(tx: Transaction<Database>, paymentId: number, actorId: number | null, reason: string, now: Date): Promise<number | null> {
  const original = await tx.selectFrom('payments').selectAll().where('id', '=', paymentId).where('kind', '=', 'credit').where('corrects_id', 'is', null).executeTakeFirst();
  if (!original) throw new YearEndError(`P${paymentId} is not a credit`);
  const row = await tx
    .insertInto('payments')
    .values({ estate_id: original.estate_id, household_id: original.household_id, fee_plan_id: original.fee_plan_id, kind: 'credit', amount_fen: -original.amount_fen, months: 0, method: original.method, member_id: actorId, corrects_id: original.id, source_key: `reverse-${original.id}`, created_at: now })
    .onConflict((c) => c.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await tx
    .insertInto('audit_log')
    .values({ estate_id: original.estate_id, actor_member_id: actorId, action: 'credit.reverse', subject: `P${original.id}`, detail: JSON.stringify({ correction: row.id, reason }), created_at: now })
    .execute();
  return row.id;
}
