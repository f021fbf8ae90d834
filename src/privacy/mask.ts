import { foldDigits } from './fold-digits.js';

// Patterns run on the folded text (ASCII digits; separators folded to ' ', '-', '.').
// A separator is a run of one to three of them ("138 - 1234 - 5678").
const S = '[ .\\-]{1,3}';
const S0 = '[ .\\-]{0,3}';
const CC = `(?:(?:\\((?:\\+|00)?86\\)|(?:\\+|00)?86)${S0})`; // +86, 0086, (+86), 86
const MOBILE_HEAD = '1[3-9]';

interface Rule {
  pattern: RegExp;
  /** The mask for `digits` (the match without separators), or null when it is not what the rule looks for. */
  mask(digits: string): string | null;
  /** A separator may stand anywhere: then it must be one kind throughout, and not go on past the match. */
  loose?: boolean;
  /** Spaced out loosely, only digit by digit ("1 3 8 …"): "130 100 100 10" is four numbers, not a phone. */
  spacedOneByOne?: boolean;
}

function mobile(digits: string): string | null {
  const d = digits.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, '');
  return /^1[3-9]\d{9}$/.test(d) ? `${d.slice(0, 3)}****${d.slice(-4)}` : null;
}

function landline(digits: string): string | null {
  const d = digits.replace(/^(?:0086|86)0?/, '0');
  const m = /^(0(?:10|2\d|[3-9]\d\d))([1-9]\d{6,7})$/.exec(d);
  return m ? `${m[1]}-****${m[2].slice(-4)}` : null;
}

const ID_CARD = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;

function idCard(digits: string): string | null {
  const d = digits.toUpperCase();
  return ID_CARD.test(d) ? `${'*'.repeat(14)}${d.slice(-4)}` : null;
}

// A loose form (a separator anywhere) counts only in groups of at most four digits, with one
// separator kind throughout, and not as a piece of a longer chain joined by the same separator:
// "13-2-1701 6000" is a room and an amount, "130 100 10000元" three amounts, not a phone.
function spelledOut(match: string, before: string, after: string): boolean {
  const body = match.replace(/^\D*(?:00)?86\D*(?=1)/, '');
  const seps = new Set(body.match(/[ .\-]+/g) ?? []);
  if (seps.size > 1 || !body.split(/[ .\-]+/).every((g) => g.length <= 4)) return false;
  const [sep] = [...seps];
  // A neighbour joined by the same separator, or glued by a dash or dot (1-1-1300 100 2000-01-01), goes on the chain.
  const joins = (between: string | undefined) => between !== undefined && (between === sep || /[-.]/.test(between));
  return !joins(/^([ .\-]+)\d/.exec(after)?.[1]) && !joins(/\d([ .\-]+)$/.exec(before)?.[1]);
}

// The usual spaced groupings (3-4-4, 4-3-4, 7-4, 3-8) have their own rule; a loose spaced form
// is a number read out digit by digit or in pairs after the head (138 12 34 56 78). Several numbers
// of three digits side by side are amounts or counts ("130 100 100 10个月"), not a phone.
function oneByOneIfSpaced(match: string): boolean {
  const body = match.replace(/^\D*(?:00)?86\D*(?=1)/, '');
  if (/[.\-]/.test(body)) return true;
  return body.split(/ +/).every((g, i) => g.length <= (i === 0 ? 3 : 2));
}

const AREA = '(?:10|2\\d|[3-9]\\d\\d)';
// Not glued to a ref or a word (P1300…), nor to a room code or a date (1-1-1300…, …2000-01-01).
const NOT_AFTER = '(?<![\\dA-Za-z]|\\d[-.])';
const NOT_BEFORE = '(?![-.]?\\d)';

// Order matters: a span claimed by an earlier rule is not looked at again.
const RULES: Rule[] = [
  // 18-digit ID card, written whole or as 6-8-4.
  { pattern: new RegExp(`${NOT_AFTER}\\d{6}${S0}\\d{8}${S0}\\d{3}[\\dXx](?![\\dXx])`, 'g'), mask: idCard },
  // 18-digit ID card with any grouping.
  { pattern: new RegExp(`(?<!\\d)\\d(?:${S0}\\d){16}${S0}[\\dXx](?![\\dXx])`, 'g'), mask: idCard, loose: true },
  // Mobile, written whole.
  { pattern: new RegExp(`(?<!\\d)${CC}?${MOBILE_HEAD}\\d{9}(?!\\d)`, 'g'), mask: mobile },
  // Mobile in the usual groupings: 3-4-4, 4-3-4, 7-4, 3-8.
  {
    pattern: new RegExp(`${NOT_AFTER}${CC}?${MOBILE_HEAD}(?:\\d${S0}\\d{4}${S0}\\d{4}|\\d{2}${S}\\d{3}${S}\\d{4}|\\d{5}${S}\\d{4}|\\d${S}\\d{8})${NOT_BEFORE}`, 'g'),
    mask: mobile,
  },
  // Landline: (0731)88886666, 0731-8888 6666, 010-12345678, +86 731 8888 6666.
  {
    pattern: new RegExp(`${NOT_AFTER}(?:${CC}0?${AREA}|\\(${CC}?0?${AREA}\\)|0${AREA})${S0}[1-9]\\d{2,3}${S0}\\d{4}${NOT_BEFORE}`, 'g'),
    mask: landline,
  },
  // Mobile with any grouping ("1 3 8 1 2 3 4 5 6 7 8", "13.81.23.45.678").
  { pattern: new RegExp(`(?<!\\d)${CC}?1${S0}[3-9](?:${S0}\\d){9}(?!\\d|[元块角])`, 'g'), mask: mobile, loose: true, spacedOneByOne: true },
];


/**
 * Mask personal numbers in free text: mainland mobiles (138****5678), landlines (0731-****6666)
 * and 18-digit ID-card numbers (last four kept), in any digit form (full width, other scripts,
 * Chinese numerals) and with any separator. Text around them is left exactly as written.
 */
export function maskPersonalData(text: string): string {
  if (!text) return text;
  const spans: Array<{ from: number; to: number; mask: string }> = [];
  const taken = (from: number, to: number) => spans.some((s) => from < s.to && to > s.from);
  // First with Chinese numerals as letters (王一13812345678 is a name and a phone), then as digits.
  // Folding keeps one position per code point either way, so the offsets are the same.
  const plain = foldDigits(text, { hanDigits: false });
  const folded = foldDigits(text);
  for (const [rule, source] of [...RULES.map((r) => [r, plain] as const), ...RULES.map((r) => [r, folded] as const)]) {
    for (const m of source.text.matchAll(rule.pattern)) {
      const from = m.index;
      const to = from + m[0].length;
      if (taken(from, to)) continue;
      if (rule.loose && !spelledOut(m[0], source.text.slice(0, from), source.text.slice(to))) continue;
      if (rule.spacedOneByOne && !oneByOneIfSpaced(m[0])) continue;
      const mask = rule.mask(m[0].replace(/[^\dXx]/g, ''));
      if (mask) spans.push({ from, to, mask });
    }
  }
  if (!spans.length) return text;
  spans.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const s of spans) {
    const start = folded.offsets[s.from];
    out += text.slice(at, start) + s.mask;
    at = folded.offsets[s.to];
  }
  return out + text.slice(at);
}
