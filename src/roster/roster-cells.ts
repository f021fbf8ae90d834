import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { chineseNumeral, CN_SMALL_NUMERAL_CHARS, parseIntOrChinese } from '../text/numerals.js';
import { BUILDING_WORDS, BUILDING_WORDS_BEFORE_ROOM, ROOM_WORDS, ROSTER_UNIT_WORDS, wordsPattern } from '../text/room-words.js';

// Readers of one roster cell each: building, unit, room, zone, phone, floor area, owner/tenant.

/** Longest resident name kept. */
export const MAX_NAME_LENGTH = 40;
const CN = CN_SMALL_NUMERAL_CHARS;
// A cell is one number with its word: 8栋 / 8号 / 8楼 are all building 8 in a building column.
const BUILDING_CELL = new RegExp(`^(\\d+|[${CN}]+)(${wordsPattern(BUILDING_WORDS, BUILDING_WORDS_BEFORE_ROOM)})?$`);
const UNIT_CELL = new RegExp(`^(\\d+|[${CN}]+)(${wordsPattern(ROSTER_UNIT_WORDS)})?$`);
export const ROOM_CELL = new RegExp(`^(\\d+)(${wordsPattern(ROOM_WORDS)})?$`);

export function fold(cell: string | undefined): string {
  return foldText(cleanText(cell ?? '')).replace(/\s/g, '');
}

function number(s: string): number | null {
  const n = parseIntOrChinese(s);
  return n === null || !Number.isFinite(n) ? null : n;
}

/** '8', '８', '8栋', '8幢', '8号楼', '8#', '八栋' → 8. */
export function parseBuilding(cell: string): number | 'bad' {
  const m = BUILDING_CELL.exec(cell);
  const n = m === null ? null : number(m[1]);
  return n === null ? 'bad' : n;
}

/** '2', '2单元', '二单元' → 2. */
export function parseUnit(cell: string): number | 'bad' {
  const m = UNIT_CELL.exec(cell);
  const n = m === null ? null : number(m[1]);
  return n === null ? 'bad' : n;
}

/** '3', '第三片区', '三网格' → code '3'; other names ('东区') are their own code. */
export function parseZone(raw: string): { code: string; name: string } {
  const folded = fold(raw);
  const m = new RegExp(`^第?(\\d+|[${CN}]+)(片区|网格|区|片)?$`).exec(folded);
  const n = m === null ? null : number(m[1]);
  if (n !== null && n > 0) return { code: String(n), name: m![2] !== undefined || folded.startsWith('第') ? cleanText(raw) : `第${chineseNumeral(n)}片区` };
  return { code: cleanText(raw), name: cleanText(raw) };
}

/**
 * Mainland mobile (13912345678, +86 139 1234 5678) → 11 digits; a landline with area
 * code (0731-88886666) keeps its hyphen; a local 7–8 digit number is kept. Null otherwise.
 */
export function normalizePhone(cell: string): string | null {
  let s = foldText(cleanText(cell)).replace(/[\s()（）.]/g, '');
  s = s.replace(/^(\+86|0086|86(?=1\d{10}$))-?/, '');
  if (/^1[3-9]\d{9}$/.test(s)) return s;
  if (/^1[3-9]\d-?\d{4}-?\d{4}$/.test(s)) return s.replace(/-/g, '');
  const landline = /^(0\d{2,3})-?([1-9]\d{6,7})$/.exec(s);
  if (landline !== null) return `${landline[1]}-${landline[2]}`;
  // Local numbers start 2–8; one starting 1 is a mobile number cut short.
  if (/^[2-8]\d{6,7}$/.test(s)) return s;
  return null;
}

/** '85.5', '85.50㎡', '８５平方米' → 8550 (hundredths of m²); null when it is not an area. */
export function parseArea(cell: string): number | null {
  const s = fold(cell).replace(/(㎡|m2|平方米|平米|m²)$/i, '');
  const m = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(s);
  if (m === null) return null;
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return hundredths > 0 ? hundredths : null;
}

const OWNER_WORDS = ['业主', 'owner', '产权人', '房主', '自住', '户主'];
const TENANT_WORDS = ['租户', 'tenant', '租客', '承租人', '出租', '租住', '租赁'];

/** 业主 / 租户 (and their variants) → 'owner' / 'tenant'; null when it is neither. */
export function parseRelation(cell: string): 'owner' | 'tenant' | null {
  const s = fold(cell).toLowerCase();
  if (OWNER_WORDS.includes(s)) return 'owner';
  if (TENANT_WORDS.includes(s)) return 'tenant';
  return null;
}
