import { describe, expect, it } from 'vitest';
import { formatCenti, roundDiv } from '../src/scoring/centi.js';
import { rankUnits, sameRanking } from '../src/scoring/ranking.js';
import { DEFAULT_RULES, InvalidRulesError, bonusNamed, validateRules, type ScoringRules } from '../src/scoring/rules.js';
import { readScoreWords } from '../src/scoring/score-words.js';
import { readUnitCode } from '../src/text/unit-code.js';
import { countedCards, scoreUnit, type DecidedEvidence, type ScoreCard, type UnitInput } from '../src/scoring/unit-score.js';
import { headSubsidyFen, percentOfYearFen, yearEndWinners } from '../src/scoring/year-end.js';

const R = DEFAULT_RULES;
/** A card with the five default criteria in order: disputes, civility, family, sanitation, volunteering. */
const card = (panelistId: number, ...p: number[]): ScoreCard => ({
  panelistId,
  points: Object.fromEntries(R.criteria.map((c, i) => [c.key, p[i]]).filter(([, v]) => v !== undefined)),
});
const unit = (unitId: number, cards: ScoreCard[], more: Partial<UnitInput> = {}): UnitInput => ({ unitId, cards, bonuses: [], evidence: [], ...more });
const ev = (id: number, proposal: DecidedEvidence['proposal'], item: string, decision: DecidedEvidence['decision'], points = 0): DecidedEvidence => ({ id, proposal, item, points, decision });

describe('integer helpers', () => {
  it('rounds half up and formats hundredths', () => {
    expect(roundDiv(7, 2)).toBe(4);
    expect(roundDiv(5, 3)).toBe(2);
    expect(roundDiv(4, 3)).toBe(1);
    expect(roundDiv(0, 5)).toBe(0);
    expect(roundDiv(-7, 2)).toBe(-4);
    expect(() => roundDiv(1, 0)).toThrow(RangeError);
    expect(() => roundDiv(0.5, 1)).toThrow(RangeError);
    expect(formatCenti(8250)).toBe('82.5');
    expect(formatCenti(8200)).toBe('82');
    expect(formatCenti(8205)).toBe('82.05');
    expect(formatCenti(8233)).toBe('82.33');
  });
});

describe('a unit score', () => {
  it('is the mean of its panelists with fewer than four', () => {
    const s = scoreUnit(R, unit(1, [card(1, 20, 20, 20, 18, 9), card(2, 18, 19, 20, 17, 10), card(3, 19, 18, 17, 16, 8)]));
    // totals 87, 84, 78 → 249 / 3 = 83
    expect(s).toMatchObject({ status: 'scored', cards: 3, counted: 3, trimmed: false, base: 8300, total: 8300, deduction: 0, bonus: 0 });
    expect(s.byCriterion.sanitation).toBe(1700);
    expect(s.byCriterion.volunteering).toBe(900);
  });

  it('is a trimmed mean from four panelists on: the highest and lowest totals go', () => {
    const cards = [card(1, 20, 20, 20, 20, 20), card(2, 15, 15, 15, 15, 15), card(3, 16, 16, 16, 16, 16), card(4, 5, 5, 5, 5, 5)];
    const s = scoreUnit(R, unit(1, cards));
    expect(s).toMatchObject({ cards: 4, counted: 2, trimmed: true, base: 7750, total: 7750 });
    expect(countedCards(R, cards).cards.map((c) => c.panelistId)).toEqual([2, 3]);
  });

  it('trims equal totals repeatably (by panelist id)', () => {
    const cards = [card(4, 10, 10, 10, 10, 10), card(2, 10, 10, 10, 10, 10), card(3, 10, 10, 10, 10, 10), card(1, 10, 10, 10, 10, 10)];
    expect(countedCards(R, cards).cards.map((c) => c.panelistId)).toEqual([2, 3]);
  });

  it('rounds a mean that is not whole to hundredths, half up', () => {
    // totals 83, 84, 84 → 251/3 = 83.666… → 83.67
    const s = scoreUnit(R, unit(1, [card(1, 20, 20, 20, 14, 9), card(2, 20, 20, 20, 15, 9), card(3, 20, 20, 20, 15, 9)]));
    expect(s.total).toBe(8367);
    expect(formatCenti(s.total!)).toBe('83.67');
  });

  it('leaves out a missing panelist and a partial card, and is unscored below the minimum', () => {
    const partial = card(3, 20, 20, 20); // no sanitation, no volunteering
    const s = scoreUnit(R, unit(1, [card(1, 20, 20, 20, 20, 20), card(2, 10, 10, 10, 10, 10), partial]));
    expect(s).toMatchObject({ cards: 2, counted: 2, base: 7500, status: 'scored' });
    const one = scoreUnit(R, unit(2, [card(1, 20, 20, 20, 20, 20)]));
    expect(one).toMatchObject({ status: 'unscored', total: null, counted: 1 });
    const none = scoreUnit(R, unit(3, []));
    expect(none).toMatchObject({ status: 'unscored', total: null, base: 0 });
  });

  it('treats a point above the maximum as an incomplete card', () => {
    const s = scoreUnit(R, unit(1, [card(1, 21, 20, 20, 20, 20), card(2, 10, 10, 10, 10, 10), card(3, 10, 10, 10, 10, 10)]));
    expect(s.counted).toBe(2);
    expect(s.total).toBe(5000);
  });

  it('voids the month on a confirmed veto, not on a dismissed or undecided one', () => {
    const cards = [card(1, 20, 20, 20, 20, 20), card(2, 20, 20, 20, 20, 20)];
    const vetoed = scoreUnit(R, unit(1, cards, { evidence: [ev(1, 'veto', 'flying_wire', 'confirmed')], bonuses: [{ item: 'university', count: 1 }] }));
    expect(vetoed).toMatchObject({ status: 'vetoed', total: null, vetoes: ['flying_wire'] });
    expect(scoreUnit(R, unit(1, cards, { evidence: [ev(1, 'veto', 'flying_wire', 'dismissed')] })).total).toBe(10000);
    expect(scoreUnit(R, unit(1, cards, { evidence: [ev(1, 'veto', 'flying_wire', null)] })).total).toBe(10000);
  });

  it('deducts confirmed clutter from sanitation, never below zero; an exemption deducts nothing', () => {
    const cards = [card(1, 20, 20, 20, 3, 20), card(2, 20, 20, 20, 3, 20)];
    const one = scoreUnit(R, unit(1, cards, { evidence: [ev(1, 'deduction', 'sanitation', 'confirmed', 2)] }));
    expect(one).toMatchObject({ base: 8300, deduction: 200, total: 8100 });
    const three = scoreUnit(R, unit(1, cards, { evidence: [1, 2, 3].map((i) => ev(i, 'deduction', 'sanitation', 'confirmed', 2)) }));
    expect(three).toMatchObject({ deduction: 300, total: 8000 });
    const exempt = scoreUnit(R, unit(1, cards, { evidence: [ev(1, 'exempt', 'sanitation', 'confirmed', 0)] }));
    expect(exempt).toMatchObject({ deduction: 0, total: 8300 });
    const dismissed = scoreUnit(R, unit(1, cards, { evidence: [ev(1, 'deduction', 'sanitation', 'dismissed', 2)] }));
    expect(dismissed.total).toBe(8300);
  });

  it('adds bonuses per occurrence, and ignores items the rules do not have', () => {
    const cards = [card(1, 10, 10, 10, 10, 10), card(2, 10, 10, 10, 10, 10)];
    const s = scoreUnit(R, unit(1, cards, { bonuses: [{ item: 'university', count: 2 }, { item: 'lottery', count: 9 }] }));
    expect(s).toMatchObject({ bonus: 1000, total: 6000 });
  });
});

describe('ranking and flags', () => {
  const s = (unitId: number, total: number | null, sanitation = 0, disputes = 0, status: 'scored' | 'vetoed' | 'unscored' = 'scored') => ({
    unitId, status, cards: 2, counted: 2, trimmed: false, byCriterion: { sanitation, disputes }, base: total ?? 0, deduction: 0, bonus: 0, total, vetoes: [],
  });

  it('gives the top three a flag and leaves vetoed and unscored units unplaced', () => {
    const placed = rankUnits(R, [s(1, 8000), s(2, 9000), s(3, 7000), s(4, 6000), s(5, null, 0, 0, 'vetoed'), s(6, null, 0, 0, 'unscored')]);
    expect(placed).toEqual([
      { unitId: 2, rank: 1, flag: true },
      { unitId: 1, rank: 2, flag: true },
      { unitId: 3, rank: 3, flag: true },
      { unitId: 4, rank: 4, flag: false },
      { unitId: 5, rank: null, flag: false },
      { unitId: 6, rank: null, flag: false },
    ]);
  });

  it('breaks a tie on sanitation, then disputes', () => {
    const placed = rankUnits(R, [s(1, 8000, 1500, 2000), s(2, 8000, 1600, 1000), s(3, 8000, 1500, 1900)]);
    expect(placed.map((p) => [p.unitId, p.rank])).toEqual([[2, 1], [1, 2], [3, 3]]);
  });

  it('lets a true tie share a place, and both get the last flag', () => {
    const placed = rankUnits(R, [s(1, 9000), s(2, 8000), s(3, 7000, 10, 10), s(4, 7000, 10, 10), s(5, 6000)]);
    expect(placed.map((p) => [p.unitId, p.rank, p.flag])).toEqual([[1, 1, true], [2, 2, true], [3, 3, true], [4, 3, true], [5, 5, false]]);
  });

  it('uses the given order among equals and tells rankings apart', () => {
    const a = rankUnits(R, [s(1, 7000), s(2, 7000)], (x, y) => y - x);
    expect(a.map((p) => p.unitId)).toEqual([2, 1]);
    expect(sameRanking(a, rankUnits(R, [s(1, 7000), s(2, 7000)]))).toBe(true);
    expect(sameRanking(a, rankUnits(R, [s(1, 7000), s(2, 6900)]))).toBe(false);
  });

  it('gives no flags when the rules say none', () => {
    expect(rankUnits({ ...R, flagsPerMonth: 0 }, [s(1, 7000)])[0].flag).toBe(false);
  });
});

describe('year end', () => {
  it('takes the units with most flags, ties sharing a place, none without a flag', () => {
    const w = yearEndWinners([{ unitId: 1, flags: 5 }, { unitId: 2, flags: 3 }, { unitId: 3, flags: 3 }, { unitId: 4, flags: 2 }, { unitId: 5, flags: 0 }], 2);
    expect(w).toEqual([{ unitId: 1, flags: 5, place: 1 }, { unitId: 2, flags: 3, place: 2 }, { unitId: 3, flags: 3, place: 2 }]);
    expect(yearEndWinners([{ unitId: 5, flags: 0 }], 3)).toEqual([]);
  });

  it('computes subsidies in whole fen', () => {
    expect(percentOfYearFen(500, 10)).toBe(600);
    expect(percentOfYearFen(333, 10)).toBe(400); // 399.6 → 400
    expect(headSubsidyFen(R.yearEnd, 500, false)).toBe(600);
    expect(headSubsidyFen(R.yearEnd, 500, true)).toBe(1200);
  });
});

describe('reading what panelists type', () => {
  it('reads criteria by short words, Chinese numerals and separators', () => {
    expect(readScoreWords(R, '卫生18 志愿9 文明20').points).toEqual({ sanitation: 18, volunteering: 9, civility: 20 });
    expect(readScoreWords(R, '纠纷:20，家风 十五 环境卫生=17分').points).toEqual({ disputes: 20, family: 15, sanitation: 17 });
    const bad = readScoreWords(R, '卫生25 颜值10');
    expect(bad.outOfRange).toEqual([{ key: 'sanitation', points: 25 }]);
    expect(bad.unknown).toEqual(['颜值']);
  });

  it('reads unit codes but not rooms', () => {
    expect(readUnitCode('8-2 卫生18')).toEqual({ code: '8-2', end: 3 });
    expect(readUnitCode('8栋二单元 卫生18')?.code).toBe('8-2');
    expect(readUnitCode('8号楼2单元')?.code).toBe('8-2');
    expect(readUnitCode('8-2-301')).toBeNull();
    expect(readUnitCode('卫生18')).toBeNull();
  });

  it('names bonus items, 大专 included', () => {
    expect(bonusNamed(R, '考上大专')?.key).toBe('university');
    expect(bonusNamed(R, '考取大学')?.key).toBe('university');
    expect(bonusNamed(R, '中彩票')).toBeNull();
  });
});

describe('rules as data', () => {
  it('accepts the defaults and refuses rules that cannot be applied', () => {
    expect(validateRules(structuredClone(R))).toEqual(R);
    const bad = (f: (r: ScoringRules) => void) => {
      const r = structuredClone(R);
      f(r);
      return () => validateRules(r);
    };
    expect(bad((r) => (r.criteria = []))).toThrow(InvalidRulesError);
    expect(bad((r) => (r.criteria[1].key = r.criteria[0].key))).toThrow(/repeated/);
    expect(bad((r) => (r.tieBreak = ['beauty']))).toThrow(/tie-break/);
    expect(bad((r) => (r.deductions[0].criterion = 'x'))).toThrow(/deduction/);
    expect(bad((r) => (r.flagsPerMonth = 1.5))).toThrow(/flags/);
    expect(bad((r) => (r.closeDay = 31))).toThrow(/closeDay/);
    expect(bad((r) => (r.yearEnd.unitPercent = 101))).toThrow(/yearEnd/);
  });
});
