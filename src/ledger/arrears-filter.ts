import { parseIntOrChinese } from '../text/numerals.js';
import { BUILDING_WORDS, numberPattern, UNIT_WORDS, wordsPattern } from '../text/room-words.js';

/** What 欠费名单 8栋2单元 欠3个月以上 narrows the list to. Null parts: no narrowing. */
export interface ArrearsFilter {
  building: string | null;
  unit: string | null;
  minMonths: number | null;
}

// The chat's one vocabulary of building and unit words (src/text); 8号 reads as building 8 here.
const N = `(${numberPattern(3, 4)})`;
const BUILDING = new RegExp(`(?:^|\\s)${N}\\s*(?:${wordsPattern(BUILDING_WORDS, ['号'])})|building\\s*${N}`, 'i');
const UNIT = new RegExp(`${N}\\s*(?:${wordsPattern(UNIT_WORDS)})|unit\\s*${N}`, 'i');
const MONTHS = new RegExp(`(?:欠|超过|超|满)?\\s*${N}\\s*个?月(?:及)?以上|(?:months?|owing)\\s*${N}|超过\\s*${N}\\s*个?月`, 'i');

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = parseIntOrChinese(s);
  return n !== null && Number.isFinite(n) && n >= 1 ? n : null;
}

/** Read the filter words after 欠费名单 (or /unpaid); what is not understood is null. */
export function readArrearsFilter(text: string | null): ArrearsFilter | 'unclear' {
  if (text === null || text.trim() === '') return { building: null, unit: null, minMonths: null };
  const s = text.normalize('NFKC');
  const b = BUILDING.exec(s);
  const u = UNIT.exec(s);
  const m = MONTHS.exec(s);
  const building = b ? num(b[1] ?? b[2]) : null;
  const unit = u ? num(u[1] ?? u[2]) : null;
  const minMonths = m ? num(m[1] ?? m[2] ?? m[3]) : null;
  if (building === null && unit === null && minMonths === null) return 'unclear';
  return { building: building === null ? null : String(building), unit: unit === null ? null : String(unit), minMonths };
}
