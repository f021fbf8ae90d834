import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { CN_NUMERAL_CHARS, parseChineseNumber } from '../text/numerals.js';
import { ROOM_WORD_STARTS } from '../text/room-words.js';

/** Largest amount a single payment may carry: 100 000 yuan. */
export const MAX_AMOUNT_FEN = 100_000 * 100;
/** Longest period a payment may cover: ten years. */
export const MAX_MONTHS = 120;

/** A money amount found in folded text; `fen` is null when it is not a possible amount. */
export interface AmountMatch {
  fen: number | null;
  start: number;
  end: number;
  /** Carries a currency mark (¥, 元, 块, RMB …), so it is surely money. */
  marked: boolean;
  /** Written in Chinese numerals (六十). */
  chinese: boolean;
}

/** A period such as 一年, 半年, 3个月 in folded text; `months` is null when out of range. */
export interface PeriodMatch {
  months: number | null;
  start: number;
  end: number;
}

const CN = CN_NUMERAL_CHARS;
// Unbounded runs are safe here: every optional part after the number can be skipped, so
// a match starting at the head of a run always succeeds and consumes it.
const AMOUNT_RE = new RegExp(
  `(?<![\\d.a-z/])(?<!\\d:)(?:(¥|￥|rmb|人民币)\\s?)?(\\d+(?:\\.\\d*)?|[${CN}]+)(?:\\s?(万|千)(?![${CN}]))?` +
    `(\\s?(?:元整|块钱|元钱|块|元|圆|yuan|rmb|整))?`,
  'g',
);

// A number followed by one of these counts something other than money (8栋, 3楼, 12月, 5次 …).
const NOT_MONEY_AFTER = new Set([...ROOM_WORD_STARTS, ...'层户口人次个天周岁年月日点分秒%位家辆只条斤米期届倍级遍下:/']);

/** Converts a decimal yuan string times a 万/千 multiplier to fen, exactly; null if impossible. */
function decimalToFen(num: string, multiplier: number): number | null {
  const [intRaw, frac = ''] = num.split('.');
  const intPart = intRaw.replace(/^0+(?=\d)/, '');
  if (intPart.length > 9) return null; // far beyond the limit; also keeps Number exact
  // More than two decimals of a yuan is no amount (60.123), but 1.5万 is fine.
  const allowedDecimals = 2 + Math.round(Math.log10(multiplier));
  if (frac.length > allowedDecimals) return null;
  const units = Number(intPart + frac);
  return (units * multiplier * 100) / 10 ** frac.length;
}

function chineseToFen(s: string, multiplier: number): number | null {
  const n = parseChineseNumber(s);
  if (n === null || !Number.isFinite(n)) return null;
  return n * multiplier * 100;
}

function validFen(fen: number | null): number | null {
  return fen !== null && Number.isSafeInteger(fen) && fen > 0 && fen <= MAX_AMOUNT_FEN ? fen : null;
}

/**
 * Every money amount in already-folded text. Numbers that count other things (8栋, 12月,
 * 9:00, 第3) are left out. A number preceded by a minus sign is found but invalid.
 */
export function findAmounts(folded: string): AmountMatch[] {
  AMOUNT_RE.lastIndex = 0;
  const found: AmountMatch[] = [];
  for (let m = AMOUNT_RE.exec(folded); m !== null; m = AMOUNT_RE.exec(folded)) {
    const [whole, prefix, num, mult, suffix] = m;
    const start = m.index;
    const end = start + whole.length;
    const chinese = !/^\d/.test(num);
    const marked = prefix !== undefined || suffix !== undefined;
    const numEnd = start + whole.length - (suffix?.length ?? 0);
    let after = numEnd;
    if (folded[after] === ' ') after++;
    if (!marked && mult === undefined && NOT_MONEY_AFTER.has(folded[after] ?? '')) continue;
    let before = start - 1;
    if (folded[before] === ' ') before--;
    if (!marked && folded[before] === '第') continue;
    const negative = prefix === undefined && folded[before] === '-';
    const multiplier = mult === '万' ? 10_000 : mult === '千' ? 1_000 : 1;
    let fen = chinese ? chineseToFen(num, multiplier) : decimalToFen(num.replace(/\.$/, ''), multiplier);
    fen = negative ? null : validFen(fen);
    found.push({ fen, start, end, marked, chinese });
  }
  return found;
}

const PERIOD_RE = new RegExp(
  `(一整年|全年|整年)|(半年)|(?<![\\d.])(\\d{1,4}|[${CN}]{1,4})\\s?(年半|年)(?![前后底初级内度])` +
    `|(?<![\\d.])(\\d{1,4}|[${CN}]{1,4}|半)\\s?(?:个)\\s?(半\\s?)?(月|季度)` +
    // English: /paid 10 months, /paid 1 year.
    `|(?<![\\d.])(\\d{1,3})\\s?(months?|mos?|years?|yrs?)(?![a-z])`,
  'g',
);

/** The first period (一年 = 12, 半年 = 6, 3个月 = 3, 一个季度 = 3, 6 months …) in already-folded text. */
export function findPeriod(folded: string): PeriodMatch | null {
  PERIOD_RE.lastIndex = 0;
  for (let m = PERIOD_RE.exec(folded); m !== null; m = PERIOD_RE.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    if (folded[start - 1] === '第') continue;
    let months: number | null;
    if (m[1] !== undefined) months = 12;
    else if (m[2] !== undefined) months = 6;
    else if (m[8] !== undefined) months = Number(m[8]) * (m[9].startsWith('y') ? 12 : 1);
    else if (m[3] !== undefined) {
      const n = /^\d/.test(m[3]) ? Number(m[3]) : parseChineseNumber(m[3]);
      // 2024年 is a date, not a period.
      if (n === null || n > 99) continue;
      months = n * 12 + (m[4] === '年半' ? 6 : 0);
    } else {
      if (m[5] === '半') continue; // 半个月: not a whole month
      const n = /^\d/.test(m[5]) ? Number(m[5]) : parseChineseNumber(m[5]);
      if (n === null) continue;
      if (m[6] !== undefined && m[7] === '月') continue; // 3个半月
      months = m[7] === '季度' ? n * 3 : n;
    }
    if (months < 1 || months > MAX_MONTHS) months = null;
    return { months, start, end };
  }
  return null;
}

/**
 * Parses a text that is one amount ('60', '¥60', '六十元', '60.5元') into fen.
 * Returns null when the text is no amount, 'invalid' when it is one that cannot be paid.
 */
export function parseAmount(text: string): number | 'invalid' | null {
  const folded = foldText(cleanText(text));
  const all = findAmounts(folded);
  if (all.length !== 1) return null;
  const [only] = all;
  const head = folded.slice(0, only.start).trim();
  if ((head !== '' && head !== '-') || only.end !== folded.length) return null;
  return only.fen ?? 'invalid';
}

/** Parses a text that is one period ('一年', '3个月') into months; null otherwise. */
export function parsePeriod(text: string): number | null {
  const folded = foldText(cleanText(text));
  const p = findPeriod(folded);
  return p !== null && p.start === 0 && p.end === folded.length ? p.months : null;
}
