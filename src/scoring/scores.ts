import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { ScoreCard } from './unit-score.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Record (or correct) a panelist's points for a unit; the round must still be open (the caller checks). */
export async function saveScores(tx: Transaction<Database>, roundId: number, panelistId: number, unitId: number, points: Record<string, number>, source: 'chat' | 'sheet', now: Date): Promise<void> {
  const rows = Object.entries(points).map(([criterion, p]) => ({ round_id: roundId, panelist_id: panelistId, unit_id: unitId, criterion, points: p, source, updated_at: now }));
  if (rows.length === 0) return;
  await tx
    .insertInto('scoring_scores')
    .values(rows)
    .onConflict((c) => c.columns(['round_id', 'panelist_id', 'unit_id', 'criterion']).doUpdateSet((eb) => ({ points: eb.ref('excluded.points'), source: eb.ref('excluded.source'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

/** Every card of a round, by unit. */
export async function cardsOfRound(db: Db, roundId: number): Promise<Map<number, ScoreCard[]>> {
  const rows = await db.selectFrom('scoring_scores').select(['panelist_id', 'unit_id', 'criterion', 'points']).where('round_id', '=', roundId).orderBy('panelist_id').execute();
  const byUnit = new Map<number, Map<number, ScoreCard>>();
  for (const r of rows) {
    const cards = byUnit.get(r.unit_id) ?? new Map<number, ScoreCard>();
    byUnit.set(r.unit_id, cards);
    const card = cards.get(r.panelist_id) ?? { panelistId: r.panelist_id, points: {} };
    cards.set(r.panelist_id, card);
    card.points[r.criterion] = r.points;
  }
  return new Map([...byUnit].map(([u, cards]) => [u, [...cards.values()]]));
}

/** One panelist's card for one unit (what they sent so far). */
export async function cardOf(db: Db, roundId: number, panelistId: number, unitId: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom('scoring_scores').select(['criterion', 'points']).where('round_id', '=', roundId).where('panelist_id', '=', panelistId).where('unit_id', '=', unitId).execute();
  return Object.fromEntries(rows.map((r) => [r.criterion, r.points]));
}
