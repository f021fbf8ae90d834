/**
 * Folding of the many ways to write a number into plain ASCII, so that a masker sees
 * １３８．１２３４ or 𝟏𝟑𝟖 the way a reader does. Each position of the folded text remembers
 * where it came from, so a caller can replace a span of the original and leave the rest as written.
 */

const ND = /^\p{Nd}$/u;
const zeroOf = new Map<number, number>();

/** The ASCII digit of any Unicode decimal digit (Nd), or null. Nd digits come in runs of ten, 0 to 9. */
function decimalValue(cp: number): number | null {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  const ch = String.fromCodePoint(cp);
  if (!ND.test(ch)) return null;
  let start = zeroOf.get(cp);
  if (start === undefined) {
    // Runs can sit side by side (the five mathematical digit sets): walk back to the first of the chain.
    start = cp;
    while (ND.test(String.fromCodePoint(start - 1))) start--;
    zeroOf.set(cp, start);
  }
  return (cp - start) % 10;
}

// Chinese numerals as digits (幺 is how 1 is read out in phone numbers).
const HAN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

// Everything that can stand between the digits of a number, folded to one of: ' ' '-' '.'.
const AS_SPACE = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u200B-\u200D\u2060\uFEFF\u00AD_]/u;
const AS_DASH = /[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D~\uFF5E\u301C]/u;
const AS_DOT = /[.\uFF0E\u00B7\u30FB\uFF65\u2022\u2027\u3002\uFF61]/u;
const WIDE: Record<string, string> = { '＋': '+', '（': '(', '）': ')' };

/** Text folded for matching, with the original offset of each folded position (and one past the end). */
export interface FoldedText {
  text: string;
  /** offsets[i] is where folded[i] starts in the original; offsets[text.length] is the original's length. */
  offsets: number[];
}

/** Fold digits (every script, full width, Chinese numerals) and separators to ASCII, one char per code point. */
export function foldDigits(original: string, opts: { hanDigits?: boolean } = {}): FoldedText {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of original) {
    const cp = ch.codePointAt(0)!;
    const d = decimalValue(cp);
    let out: string;
    if (d !== null) out = String(d);
    else if (opts.hanDigits !== false && HAN_DIGITS[ch]) out = HAN_DIGITS[ch];
    else if (WIDE[ch]) out = WIDE[ch];
    else if (ch === ' ' || AS_SPACE.test(ch)) out = ' ';
    else if (AS_DASH.test(ch)) out = '-';
    else if (AS_DOT.test(ch)) out = '.';
    else out = ch.length === 1 ? ch : '\uFFFD'; // keep one folded char per code point
    text += out;
    offsets.push(i);
    i += ch.length;
  }
  offsets.push(i);
  return { text, offsets };
}
