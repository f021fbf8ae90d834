import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { evidenceOfRound } from './evidence.js';
import { rankUnits, sameRanking, type Placed } from './ranking.js';
import { compareUnitCodes, unitsInScope, type Round, type ScoredUnit } from './rounds.js';
import { cardsOfRound } from './scores.js';
import { scoreUnit, type UnitScore } from './unit-score.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A round's figures for every unit in scope, as they stand now. */
export interface RoundFigures {
  units: ScoredUnit[];
  scores: UnitScore[];
  placed: Placed[];
}

/** Score and rank every unit of a round from what the panel recorded and decided. */
export async function computeRound(db: Db, round: Round): Promise<RoundFigures> {
  const rules = round.rules;
  const [units, cards, evidence, bonusRows] = await Promise.all([
    unitsInScope(db, round.estate_id, rules),
    cardsOfRound(db, round.id),
    evidenceOfRound(db, round.id),
    db.selectFrom('scoring_bonuses').select(['unit_id', 'item', (eb) => eb.fn.countAll<string>().as('n')]).where('round_id', '=', round.id).groupBy(['unit_id', 'item']).execute(),
  ]);
  const scores = units.map((u) =>
    scoreUnit(rules, {
      unitId: u.id,
      cards: cards.get(u.id) ?? [],
      evidence: evidence.get(u.id) ?? [],
      bonuses: bonusRows.filter((b) => b.unit_id === u.id).map((b) => ({ item: b.item, count: Number(b.n) })),
    }),
  );
  const code = new Map(units.map((u) => [u.id, u.code]));
  const placed = rankUnits(rules, scores, (a, b) => compareUnitCodes(code.get(a)!, code.get(b)!));
  return { units, scores, placed };
}

/** The last published placing of a round (its latest version), or null before publication. */
export async function publishedPlacing(db: Db, roundId: number): Promise<{ version: number; placed: Placed[]; scores: UnitScore[] } | null> {
  const last = await db.selectFrom('scoring_publications').select('version').where('round_id', '=', roundId).orderBy('version', 'desc').executeTakeFirst();
  if (!last) return null;
  const rows = await db.selectFrom('scoring_results').selectAll().where('round_id', '=', roundId).where('version', '=', last.version).execute();
  return { version: last.version, placed: rows.map((r) => ({ unitId: r.unit_id, rank: r.rank, flag: r.flag })), scores: rows.map((r) => r.detail) };
}

/**
 * Publish a round's results as a new version (the first publication, or after an appeal).
 * Returns the figures, the version, and whether the placing differs from the last published one.
 */
export async function publishRound(tx: Transaction<Database>, round: Round, actorId: number | null, appealId: number | null, now: Date): Promise<RoundFigures & { version: number; changed: boolean }> {
  const figures = await computeRound(tx, round);
  const before = await publishedPlacing(tx, round.id);
  const version = (before?.version ?? 0) + 1;
  await tx.insertInto('scoring_publications').values({ round_id: round.id, version, appeal_id: appealId, published_by: actorId, created_at: now }).execute();
  const placedBy = new Map(figures.placed.map((p) => [p.unitId, p]));
  await tx
    .insertInto('scoring_results')
    .values(figures.scores.map((s) => ({ round_id: round.id, version, unit_id: s.unitId, status: s.status, total_centi: s.total, rank: placedBy.get(s.unitId)!.rank, flag: placedBy.get(s.unitId)!.flag, detail: JSON.stringify(s) })))
    .execute();
  if (before === null) {
    const appealUntil = new Date(now.getTime() + round.rules.appealDays * 24 * 3600 * 1000);
    await tx.updateTable('scoring_rounds').set({ status: 'published', published_at: now, appeal_until: appealUntil }).where('id', '=', round.id).execute();
  }
  return { ...figures, version, changed: before === null || !sameRanking(before.placed, figures.placed) };
}

/** Flags per unit over a year of published rounds (each round's latest version). */
export async function flagsOfYear(db: Db, estateId: number, year: number): Promise<{ unitId: number; flags: number }[]> {
  const rounds = await db.selectFrom('scoring_rounds').select('id').where('estate_id', '=', estateId).where('status', '=', 'published').where('month', 'like', `${year}-%`).execute();
  const counts = new Map<number, number>();
  for (const r of rounds) {
    const p = await publishedPlacing(db, r.id);
    for (const x of p?.placed ?? []) if (x.flag) counts.set(x.unitId, (counts.get(x.unitId) ?? 0) + 1);
  }
  return [...counts].map(([unitId, flags]) => ({ unitId, flags }));
}
