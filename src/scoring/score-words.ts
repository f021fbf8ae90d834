import { parseIntOrChinese } from '../text/numerals.js';
import { criterionNamed, type ScoringRules } from './rules.js';

/** What a panelist's `卫生18 志愿9 文明20` says: points by criterion key, and what could not be read. */
export interface ScoreWords {
  points: Record<string, number>;
  /** Words that name no criterion. */
  unknown: string[];
  /** Criteria given more than their maximum (or a negative number). */
  outOfRange: { key: string; points: number }[];
}

const PAIR_RE = /([^\s\d零〇一二两三四五六七八九十百,，、;；:：=]+)\s?[:：=]?\s?(\d{1,4}|[零〇一二两三四五六七八九十百]{1,4})\s?分?/g;

/** Read criterion-points pairs from folded text; a criterion named twice keeps its last value. */
export function readScoreWords(rules: ScoringRules, folded: string): ScoreWords {
  const out: ScoreWords = { points: {}, unknown: [], outOfRange: [] };
  for (const m of folded.matchAll(PAIR_RE)) {
    const c = criterionNamed(rules, m[1]);
    const n = parseIntOrChinese(m[2]);
    if (c === null || n === null) {
      out.unknown.push(m[1]);
      continue;
    }
    if (n < 0 || n > c.maxPoints) out.outOfRange.push({ key: c.key, points: n });
    else out.points[c.key] = n;
  }
  return out;
}
