import { parseIntOrChinese } from './numerals.js';
import { MAX_BUILDING, MAX_UNIT } from './room-code.js';
import { BUILDING_WORDS, numberPattern, UNIT_WORDS, wordsPattern } from './room-words.js';

// 8-2, 8栋2单元, 8栋二单元, 8#2单元, 8号楼2单元 at the start of folded text; not a room (8-2-301).
// The words come from the room vocabulary, so a unit is spelt as the parser spells rooms.
const UNIT_RE = new RegExp(
  `^(${numberPattern(3, 4)})\\s?(?:${wordsPattern(BUILDING_WORDS, ['-'])})\\s?(${numberPattern(2, 3)})(?:\\s?(?:${wordsPattern(UNIT_WORDS)}))?(?!\\s?-?\\s?\\d)`,
);

/** A building unit named at the start of folded text ('8栋2单元' → '8-2'), with where it ends; null if none. */
export function readUnitCode(folded: string): { code: string; end: number } | null {
  const m = UNIT_RE.exec(folded);
  if (m === null) return null;
  const b = parseIntOrChinese(m[1]);
  const u = parseIntOrChinese(m[2]);
  if (b === null || u === null || b < 1 || b > MAX_BUILDING || u < 1 || u > MAX_UNIT) return null;
  return { code: `${b}-${u}`, end: m[0].length };
}

/** The unit of a room code ('8-2-301' → '8-2'); null for a room with no unit ('8-301'). */
export function unitOfRoom(room: string): string | null {
  const parts = room.split('-');
  return parts.length === 3 ? `${parts[0]}-${parts[1]}` : null;
}
