import type { ScoringRules } from './rules.js';
import type { UnitScore } from './unit-score.js';

/** A unit's place in the month: null when vetoed or unscored. */
export interface Placed {
  unitId: number;
  rank: number | null;
  flag: boolean;
}

/** Compare two scored units: total, then the tie-break criteria in order; 0 is a true tie. */
export function compareScores(rules: ScoringRules, a: UnitScore, b: UnitScore): number {
  const d = (b.total ?? 0) - (a.total ?? 0);
  if (d !== 0) return d;
  for (const k of rules.tieBreak) {
    const c = (b.byCriterion[k] ?? 0) - (a.byCriterion[k] ?? 0);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Rank the month's units (1, 2, 2, 4: a true tie shares a place) and give red flags to the
 * places within `flagsPerMonth`, so units tied for the last flag each get one. `order` gives the
 * display order among equals (the unit codes' natural order).
 */
export function rankUnits(rules: ScoringRules, scores: UnitScore[], order: (a: number, b: number) => number = (a, b) => a - b): Placed[] {
  const scored = scores.filter((s) => s.status === 'scored').sort((a, b) => compareScores(rules, a, b) || order(a.unitId, b.unitId));
  const out: Placed[] = [];
  scored.forEach((s, i) => {
    const prev = i > 0 ? scored[i - 1] : null;
    const rank = prev !== null && compareScores(rules, prev, s) === 0 ? out[i - 1].rank! : i + 1;
    out.push({ unitId: s.unitId, rank, flag: rank <= rules.flagsPerMonth });
  });
  for (const s of scores) if (s.status !== 'scored') out.push({ unitId: s.unitId, rank: null, flag: false });
  return out;
}

/** True when two rankings give the same places and flags (an appeal's outcome re-publishes only then not). */
export function sameRanking(a: Placed[], b: Placed[]): boolean {
  const key = (p: Placed[]) => [...p].sort((x, y) => x.unitId - y.unitId).map((x) => `${x.unitId}:${x.rank}:${x.flag}`).join(',');
  return key(a) === key(b);
}
