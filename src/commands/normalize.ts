/**
 * Text normalisation for the command parser.
 *
 * Two steps, kept apart on purpose:
 * - `cleanText` makes the text the user meant: zero-width and control characters go,
 *   every whitespace run (U+3000 included) becomes one space, lone surrogates become
 *   U+FFFD. Free text handed on (complaint bodies, reasons) is sliced from this.
 * - `foldText` makes the text we match on: full-width → half-width, traditional →
 *   simplified (for the characters commands need), ASCII lower case, hyphen and
 *   question-mark variants → ASCII. It maps every UTF-16 code unit to exactly one code
 *   unit, so an index into the folded text is the same index into the clean text.
 */

// Zero-width, bidi controls, soft hyphen, BOM, and C0/C1 controls other than whitespace.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
// Every whitespace: \s covers U+3000, U+00A0, U+2000–U+200A (U+2005 from WeChat mentions), line breaks.
const WHITESPACE_RUN = /[\s\u0085]+/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Strips invisible characters, replaces lone surrogates and collapses whitespace. */
export function cleanText(text: string): string {
  return String(text ?? '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(INVISIBLE, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

// Traditional → simplified, pairwise: enough for keywords, numerals, room codes and the
// words that decide whether a sentence is a payment claim. Every key is a character that
// simplified text does not use, so the same table tells traditional text apart.
const TRAD_SIMP_PAIRS =
  '繳缴號号樓楼單单棟栋幫帮選选確确認认駁驳訴诉報报應应評评價价處处顆颗費费衛卫錢钱塊块現现轉转賬账帳账還还沒没嗎吗麼么會会' +
  '準准備备週周個个們们來来這这裡里裏里點点兩两萬万億亿圓圆詢询統统計计綁绑煩烦請请說说誰谁為为樣样問问題题經经過过後后電电' +
  '話话補补貳贰參叁陸陆記记錄录幾几態态決决車车輛辆佔占雜杂亂乱開开關关門门燈灯壞坏積积滿满謝谢聯联東东區区鐘钟時时間间長长' +
  '總总結结業业員员網网寫写辦办讓让給给動动檢检見见發发條条實实際际劃划級级響响氣气場场機机對对從从與与標标層层戶户鄰邻剛刚' +
  '別别馬马該该顯显據据擾扰護护維维髒脏廢废聲声銷销務务歷历舉举饋馈飯饭紙纸幣币擊击內内訊讯數数項项額额張张陳陈劉刘趙赵黃黄' +
  '楊杨繫系無无盡尽須须貨货買买賣卖當当頭头廳厅樂乐歲岁師师滅灭壓压擺摆寬宽線线飛飞碼码掃扫銀银寶宝託托攤摊臺台灣湾雙双麗丽' +
  '協协議议邊边鬆松緊紧盤盘續续陽阳';

const TRAD_TO_SIMP = new Map<string, string>();
for (let i = 0; i + 1 < TRAD_SIMP_PAIRS.length; i += 2) {
  const trad = TRAD_SIMP_PAIRS[i];
  const simp = TRAD_SIMP_PAIRS[i + 1];
  if (trad !== simp) TRAD_TO_SIMP.set(trad, simp);
}

/** The traditional characters the folding table knows (used to detect zh-Hant). */
export const TRADITIONAL_CHARS: ReadonlySet<string> = new Set(TRAD_TO_SIMP.keys());

const CODE_UNIT_FOLD: Record<string, string> = {
  '\u3000': ' ',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
  '\u2212': '-', '\uFE63': '-', '\u30FC': '-',
  '\uFE56': '?',
};

/** Folds one code unit; always returns exactly one code unit. */
function foldUnit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) {
    const half = String.fromCharCode(code - 0xfee0);
    return half >= 'A' && half <= 'Z' ? half.toLowerCase() : half;
  }
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
  if (code < 0x80) return ch;
  const simp = TRAD_TO_SIMP.get(ch);
  if (simp !== undefined) return simp;
  const mapped = CODE_UNIT_FOLD[ch];
  return mapped !== undefined ? mapped : ch;
}

/** Folds text for matching; the result has the same length as the input. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]);
  return out;
}

/** True when the text contains a character only traditional Chinese uses. */
export function hasTraditional(text: string): boolean {
  for (const ch of text) if (TRADITIONAL_CHARS.has(ch)) return true;
  return false;
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters that may appear in a Chinese numeral (after folding). */
export const CN_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万';

/**
 * Value of a Chinese numeral such as 六十, 一百二十, 两百五 (=250), 一万二, 三零一 (=301),
 * or null when the string is not one. Works on folded text.
 */
export function parseChineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  let hasUnit = false;
  for (const ch of s) {
    if (CN_UNIT[ch] !== undefined || ch === '万') hasUnit = true;
    else if (CN_DIGIT[ch] === undefined) return null;
  }
  if (!hasUnit) {
    // Digit by digit: 三零一 = 301. Plain 二/两 alone is 2.
    let n = 0;
    for (const ch of s) n = n * 10 + CN_DIGIT[ch];
    return n;
  }
  let total = 0; // finished 万 sections
  let section = 0; // below 万
  let digit: number | null = null;
  let lastUnit = 0;
  let lastWasZero = false;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
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
    const unit = CN_UNIT[ch];
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
