import { roundDiv } from './centi.js';
import type { ScoringRules, UnitScore } from '../db/tables/scoring-rules.js';

/** One panelist's points for one unit, criterion key → whole points. */
export interface ScoreCard {
  panelistId: number;
  points: Record<string, number>;
}

/** A piece of evidence as the panel decided it; only confirmed ones count. */
export interface DecidedEvidence {
  id: number;
  proposal: 'veto' | 'deduction' | 'exempt';
  /** The veto item or the criterion deducted from. */
  item: string;
  points: number;
  decision: 'confirmed' | 'dismissed' | null;
}

/** What the panel recorded for a unit in a month. */
export interface UnitInput {
  unitId: number;
  cards: ScoreCard[];
  bonuses: { item: string; count: number }[];
  evidence: DecidedEvidence[];
}

export type { UnitScore } from '../db/tables/scoring-rules.js';


/** True when a card has a whole, in-range number for every criterion: a partial card is a missing panelist. */
export function isComplete(rules: ScoringRules, card: ScoreCard): boolean {
  return rules.criteria.every((c) => {
    const p = card.points[c.key];
    return Number.isInteger(p) && p >= 0 && p <= c.maxPoints;
  });
}

function cardTotal(rules: ScoringRules, card: ScoreCard): number {
  return rules.criteria.reduce((s, c) => s + card.points[c.key], 0);
}

/**
 * The cards that count: every complete card; from `trimFrom` cards on, one highest and one
 * lowest total are dropped (equal totals: the later panelist id goes first, so it is repeatable).
 */
export function countedCards(rules: ScoringRules, cards: ScoreCard[]): { cards: ScoreCard[]; trimmed: boolean } {
  const complete = cards.filter((c) => isComplete(rules, c));
  if (complete.length < rules.trimFrom) return { cards: complete, trimmed: false };
  const sorted = [...complete].sort((a, b) => cardTotal(rules, a) - cardTotal(rules, b) || a.panelistId - b.panelistId);
  return { cards: sorted.slice(1, -1), trimmed: true };
}

/**
 * Score one unit for a month: the (trimmed) mean of its panelists' cards, then the panel's
 * confirmed evidence (a veto voids the month; a deduction comes off its criterion, never below
 * zero) and bonuses. Nothing the panel did not confirm is applied.
 */
export function scoreUnit(rules: ScoringRules, input: UnitInput): UnitScore {
  const { cards, trimmed } = countedCards(rules, input.cards);
  const complete = input.cards.filter((c) => isComplete(rules, c)).length;
  const n = cards.length;
  const byCriterion: Record<string, number> = {};
  for (const c of rules.criteria) byCriterion[c.key] = n === 0 ? 0 : roundDiv(cards.reduce((s, k) => s + k.points[c.key], 0) * 100, n);
  const base = n === 0 ? 0 : roundDiv(cards.reduce((s, k) => s + cardTotal(rules, k), 0) * 100, n);
  const confirmed = input.evidence.filter((e) => e.decision === 'confirmed');
  const vetoes = [...new Set(confirmed.filter((e) => e.proposal === 'veto').map((e) => e.item))];
  // Deductions per criterion, capped at what the criterion holds.
  let deduction = 0;
  for (const c of rules.criteria) {
    const asked = confirmed.filter((e) => e.proposal === 'deduction' && e.item === c.key).reduce((s, e) => s + e.points * 100, 0);
    deduction += Math.min(asked, byCriterion[c.key]);
  }
  let bonus = 0;
  for (const b of input.bonuses) {
    const item = rules.bonuses.find((x) => x.key === b.item);
    if (item) bonus += item.points * b.count * 100;
  }
  const out = { unitId: input.unitId, cards: complete, counted: n, trimmed, byCriterion, base, deduction, bonus, vetoes };
  if (n < rules.minPanelists) return { ...out, status: 'unscored', total: null };
  if (vetoes.length > 0) return { ...out, status: 'vetoed', total: null };
  return { ...out, status: 'scored', total: base - deduction + bonus };
}
