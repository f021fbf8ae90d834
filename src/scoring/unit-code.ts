import { parseIntOrChinese } from '../commands/normalize.js';

const CN = '零〇一二两三四五六七八九十百';
// 8-2, 8栋2单元, 8栋二单元, 8#2单元, 8号楼2单元 at the start of folded text; not a room (8-2-301).
const UNIT_RE = new RegExp(`^(\\d{1,3}|[${CN}]{1,4})\\s?(?:号楼|栋|幢|座|#|-)\\s?(\\d{1,2}|[${CN}]{1,3})(?:\\s?单元)?(?!\\s?-?\\s?\\d)`);

/** A building unit named at the start of folded text ('8栋2单元' → '8-2'), with where it ends; null if none. */
export function readUnitCode(folded: string): { code: string; end: number } | null {
  const m = UNIT_RE.exec(folded);
  if (m === null) return null;
  const b = parseIntOrChinese(m[1]);
  const u = parseIntOrChinese(m[2]);
  if (b === null || u === null || b < 1 || b > 999 || u < 1 || u > 99) return null;
  return { code: `${b}-${u}`, end: m[0].length };
}

/** The unit of a room code ('8-2-301' → '8-2'); null for a room with no unit ('8-301'). */
export function unitOfRoom(room: string): string | null {
  const parts = room.split('-');
  return parts.length === 3 ? `${parts[0]}-${parts[1]}` : null;
}
