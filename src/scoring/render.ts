import type { Translator } from '../i18n/translator.js';
import { monthFromIndex, monthIndex, monthName } from '../time/month.js';
import { formatCenti } from './centi.js';
import type { RoundFigures } from './results.js';
import { maxTotal, type ScoringRules } from './rules.js';
import type { UnitScore } from './unit-score.js';

const SEP = '、';

/** The rules as residents read them (评比规则). */
export function renderRules(t: Translator['t'], rules: ScoringRules, month: string): string {
  const name = (k: string) => rules.criteria.find((c) => c.key === k)?.name ?? k;
  const lines = [
    t('sc_rules_head', { month: monthName(month) }),
    t('sc_rules_criteria', { list: rules.criteria.map((c) => `${c.name}${c.maxPoints}`).join(SEP), total: maxTotal(rules) }),
  ];
  if (rules.bonuses.length) lines.push(t('sc_rules_bonuses', { list: rules.bonuses.map((b) => `${b.name} +${b.points}`).join(SEP) }));
  if (rules.vetoes.length) lines.push(t('sc_rules_vetoes', { list: rules.vetoes.map((v) => v.name).join(SEP) }));
  if (rules.deductions.length) lines.push(t('sc_rules_deductions', { list: rules.deductions.map((d) => `${d.name} ${name(d.criterion)}-${d.points}`).join(SEP) }));
  if (rules.exemptions.length) lines.push(t('sc_rules_exemptions', { list: rules.exemptions.map((e) => e.name).join(SEP) }));
  lines.push(t('sc_rules_mean', { trimFrom: rules.trimFrom, minPanelists: rules.minPanelists }));
  lines.push(t('sc_rules_flags', { flags: rules.flagsPerMonth, tie: rules.tieBreak.map(name).join(SEP) }));
  lines.push(t('sc_rules_dates', { closeDay: rules.closeDay, appealDays: rules.appealDays }));
  if (rules.buildings.length) lines.push(t('sc_rules_scope', { buildings: rules.buildings.map((b) => `${b}栋`).join(SEP) }));
  const y = rules.yearEnd;
  lines.push(t('sc_rules_year_end', { top: y.topUnits, unitPercent: y.unitPercent, headsPercent: y.headsPercent, extra: y.diligentExtraPercent }));
  lines.push(t('sc_rules_next', { month: monthName(monthFromIndex(monthIndex(month) + 1)) }));
  return lines.join('\n');
}

function vetoNames(rules: ScoringRules, s: UnitScore): string {
  return s.vetoes.map((k) => rules.vetoes.find((v) => v.key === k)?.name ?? k).join(SEP);
}

/** One unit's month (评比 8-2): place, means per criterion, bonus, deduction, veto. */
export function renderBreakdown(t: Translator['t'], rules: ScoringRules, month: string, unit: string, s: UnitScore, rank: number | null, flag: boolean): string {
  const lines = [t('sc_breakdown_head', { unit, month: monthName(month) })];
  if (s.status === 'vetoed') lines.push(t('sc_breakdown_vetoed', { items: vetoNames(rules, s) }));
  else if (s.status === 'unscored') lines.push(t('sc_breakdown_unscored'));
  else lines.push(t('sc_breakdown_scored', { total: formatCenti(s.total!), rank: rank!, flag }));
  if (s.counted > 0) {
    lines.push(t('sc_breakdown_criteria', { list: rules.criteria.map((c) => `${c.name}${formatCenti(s.byCriterion[c.key] ?? 0)}`).join(SEP) }));
    lines.push(t('sc_breakdown_panel', { cards: s.cards, counted: s.counted, trimmed: s.trimmed }));
  }
  if (s.bonus > 0) lines.push(t('sc_breakdown_bonus', { points: formatCenti(s.bonus) }));
  if (s.deduction > 0) lines.push(t('sc_breakdown_deduction', { points: formatCenti(s.deduction) }));
  return lines.join('\n');
}

/** The public notice of a month's result: units and scores only, never a name; veto reasons by item. */
export function renderNotice(t: Translator['t'], rules: ScoringRules, month: string, f: RoundFigures, appealRef: string | null): string {
  const code = new Map(f.units.map((u) => [u.id, u.code]));
  const score = new Map(f.scores.map((s) => [s.unitId, s]));
  const ranked = f.placed.filter((p) => p.rank !== null);
  const lines = [t('sc_notice_head', { month: monthName(month), corrected: appealRef !== null })];
  if (appealRef !== null) lines.push(t('sc_notice_corrected', { ref: appealRef }));
  const flags = ranked.filter((p) => p.flag);
  lines.push(flags.length ? t('sc_notice_flags', { list: flags.map((p) => code.get(p.unitId)).join(SEP) }) : t('sc_notice_no_flags'));
  if (ranked.length) lines.push(t('sc_notice_ranking', { list: ranked.map((p) => `${p.rank}. ${code.get(p.unitId)} ${formatCenti(score.get(p.unitId)!.total!)}`).join('；') }));
  const vetoed = f.scores.filter((s) => s.status === 'vetoed');
  if (vetoed.length) lines.push(t('sc_notice_vetoed', { list: vetoed.map((s) => `${code.get(s.unitId)}（${vetoNames(rules, s)}）`).join(SEP) }));
  lines.push(t('sc_notice_appeal', { days: rules.appealDays }));
  return lines.join('\n');
}
