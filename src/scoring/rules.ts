import type { BonusItem, Criterion, ScoringRules } from '../db/tables/scoring-rules.js';
export type { Criterion, BonusItem, VetoItem, Deduction, Exemption, YearEndRewards, ScoringRules } from '../db/tables/scoring-rules.js';

/** The rules the residents of 栗塘社区 refined; an estate starts with these. */
export const DEFAULT_RULES: ScoringRules = {
  buildings: [],
  criteria: [
    { key: 'disputes', name: '矛盾纠纷', maxPoints: 20, words: ['矛盾纠纷', '矛盾', '纠纷'] },
    { key: 'civility', name: '文明新风', maxPoints: 20, words: ['文明新风', '文明', '新风'] },
    { key: 'family', name: '家教家风', maxPoints: 20, words: ['家教家风', '家教', '家风'] },
    { key: 'sanitation', name: '环境卫生', maxPoints: 20, words: ['环境卫生', '卫生', '环境'] },
    { key: 'volunteering', name: '志愿服务', maxPoints: 20, words: ['志愿服务', '志愿'] },
  ],
  bonuses: [{ key: 'university', name: '考取大学（含大专）', points: 5, words: ['考取大学', '考上大学', '考取大专', '考上大专', '大学', '大专'] }],
  vetoes: [{ key: 'flying_wire', name: '飞线充电', ticketCategory: 'flying_wire' }],
  deductions: [{ name: '楼道杂物', ticketCategory: 'clutter', criterion: 'sanitation', points: 2 }],
  exemptions: [{ name: '轮椅、婴儿车不算杂物', words: ['轮椅', '婴儿车', '童车', '助行器'] }],
  flagsPerMonth: 3,
  trimFrom: 4,
  minPanelists: 2,
  tieBreak: ['sanitation', 'disputes'],
  closeDay: 25,
  appealDays: 7,
  yearEnd: { topUnits: 3, unitPercent: 10, headsPercent: 10, diligentExtraPercent: 10 },
};

/** Rules that cannot be applied, and why (a bad edit is refused, never half-used). */
export class InvalidRulesError extends Error {
  constructor(readonly problem: string) {
    super(`scoring rules: ${problem}`);
    this.name = 'InvalidRulesError';
  }
}

const wholeIn = (n: unknown, lo: number, hi: number) => Number.isInteger(n) && (n as number) >= lo && (n as number) <= hi;

/** Check a rules object (from the database or an admin's file); returns it typed or throws InvalidRulesError. */
export function validateRules(r: ScoringRules): ScoringRules {
  const fail = (p: string): never => {
    throw new InvalidRulesError(p);
  };
  if (!Array.isArray(r.buildings) || r.buildings.some((b) => typeof b !== 'string')) fail('buildings: a list of building codes');
  if (!Array.isArray(r.criteria) || r.criteria.length === 0) fail('at least one criterion');
  const keys = new Set<string>();
  for (const c of r.criteria) {
    if (!c.key || keys.has(c.key)) fail(`criterion key "${c.key}" missing or repeated`);
    keys.add(c.key);
    if (!wholeIn(c.maxPoints, 1, 1000)) fail(`criterion ${c.key}: maxPoints 1..1000`);
  }
  for (const b of r.bonuses) if (!wholeIn(b.points, 1, 1000)) fail(`bonus ${b.key}: points 1..1000`);
  for (const d of r.deductions) {
    if (!keys.has(d.criterion)) fail(`deduction from unknown criterion ${d.criterion}`);
    if (!wholeIn(d.points, 1, 1000)) fail('deduction points 1..1000');
  }
  for (const k of r.tieBreak) if (!keys.has(k)) fail(`tie-break on unknown criterion ${k}`);
  if (!wholeIn(r.flagsPerMonth, 0, 100)) fail('flagsPerMonth 0..100');
  if (!wholeIn(r.trimFrom, 3, 100)) fail('trimFrom 3..100');
  if (!wholeIn(r.minPanelists, 1, 100)) fail('minPanelists 1..100');
  if (!wholeIn(r.closeDay, 1, 28)) fail('closeDay 1..28');
  if (!wholeIn(r.appealDays, 1, 60)) fail('appealDays 1..60');
  const y = r.yearEnd;
  if (!wholeIn(y.topUnits, 0, 100) || !wholeIn(y.unitPercent, 0, 100) || !wholeIn(y.headsPercent, 0, 100) || !wholeIn(y.diligentExtraPercent, 0, 100)) {
    fail('yearEnd: whole numbers, percents 0..100');
  }
  return r;
}

/** The criterion a panelist's word names (卫生 → sanitation), or null. */
export function criterionNamed(rules: ScoringRules, word: string): Criterion | null {
  return rules.criteria.find((c) => c.key === word || c.name === word || c.words.includes(word)) ?? null;
}

/** The bonus item a word names (大专 → university), or null. */
export function bonusNamed(rules: ScoringRules, word: string): BonusItem | null {
  return rules.bonuses.find((b) => b.key === word || b.name === word || b.words.some((w) => word.includes(w))) ?? null;
}

/** Most points a unit can get from the criteria. */
export function maxTotal(rules: ScoringRules): number {
  return rules.criteria.reduce((s, c) => s + c.maxPoints, 0);
}
