/**
 * Chinese numerals, as written in chats and spreadsheets: everyday digits (一二三, 两, 零 / 〇),
 * financial ones (壹贰叁 …, after folding 貳 → 贰), and the units 十百千万. Works on folded text.
 */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** 一 to 九 and 两: the digits of a number said aloud (no zero, no financial forms). */
export const CN_ONE_TO_NINE = '一二两三四五六七八九';
/** Everyday digits 零〇一 … 九 and 两. */
export const CN_DIGITS = `零〇${CN_ONE_TO_NINE}`;
/** Financial digits and units (壹贰叁 … 拾佰仟), used on receipts and in amounts. */
export const CN_FINANCIAL = '壹贰叁肆伍陆柒捌玖拾佰仟';
/** Every character that may appear in a Chinese numeral (amounts: 六十, 壹佰, 一万二). */
export const CN_NUMERAL_CHARS = `${CN_DIGITS}${CN_FINANCIAL}十百千万`;
/** The characters of a small count such as a building, unit or floor number (八, 十二, 一百零五). */
export const CN_SMALL_NUMERAL_CHARS = `${CN_DIGITS}十百`;

/**
 * Value of a Chinese numeral such as 六十, 一百二十, 两百五 (=250), 一万二, 三零一 (=301),
 * or null when the string is not one.
 */
export function parseChineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  let hasUnit = false;
  for (const ch of s) {
    if (UNIT[ch] !== undefined || ch === '万') hasUnit = true;
    else if (DIGIT[ch] === undefined) return null;
  }
  if (!hasUnit) {
    // Digit by digit: 三零一 = 301. Plain 二/两 alone is 2.
    let n = 0;
    for (const ch of s) n = n * 10 + DIGIT[ch];
    return n;
  }
  let total = 0; // finished 万 sections
  let section = 0; // below 万
  let digit: number | null = null;
  let lastUnit = 0;
  let lastWasZero = false;
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d !== undefined) {
      if (digit !== null && !lastWasZero) return null; // two digits in a row: 一二十
      digit = d;
      lastWasZero = d === 0;
      if (d === 0) digit = null;
      continue;
    }
    lastWasZero = false;
    if (ch === '万') {
      if (digit !== null) section += digit;
      if (section === 0) return null;
      if (total !== 0) return null; // 一万二万
      total = section * 10000;
      section = 0;
      digit = null;
      lastUnit = 10000;
      continue;
    }
    const unit = UNIT[ch];
    if (lastUnit !== 0 && lastUnit !== 10000 && unit >= lastUnit) return null; // 十百
    section += (digit ?? 1) * unit;
    digit = null;
    lastUnit = unit;
  }
  if (digit !== null) {
    // Colloquial tail: 一百二 = 120, 两千五 = 2500, 一万二 = 12000.
    const scale = lastUnit >= 10 ? lastUnit / 10 : 1;
    // "一百零二": the zero resets the colloquial scale
    section += s.includes('零') || s.includes('〇') ? digit : digit * scale;
  }
  return total + section;
}

/** Parses ASCII digits or a Chinese numeral; null otherwise. */
export function parseIntOrChinese(s: string): number | null {
  if (/^\d+$/.test(s)) {
    const trimmed = s.replace(/^0+(?=\d)/, '');
    return trimmed.length > 15 ? Number.POSITIVE_INFINITY : Number(trimmed);
  }
  return parseChineseNumber(s);
}

const SAY_DIGIT = '零一二三四五六七八九';

/** 1..999 in Chinese numerals: 3 → 三, 12 → 十二, 21 → 二十一, 105 → 一百零五; digits from 1000 on. */
export function chineseNumeral(n: number): string {
  if (n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const o = n % 10;
  let s = h > 0 ? SAY_DIGIT[h] + '百' : '';
  if (t > 0) s += (t === 1 && h === 0 ? '' : SAY_DIGIT[t]) + '十';
  else if (h > 0 && o > 0) s += '零';
  if (o > 0) s += SAY_DIGIT[o];
  return s;
}
