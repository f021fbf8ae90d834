import { cleanText, foldText, parseIntOrChinese } from './normalize.js';

/** A room code found in folded text; `room` is null when it has the shape but absurd numbers. */
export interface RoomMatch {
  room: string | null;
  start: number;
  end: number;
}

const CN = '零〇一二两三四五六七八九十百';
// Bounded quantifiers only: each start position costs a constant, so a scan is linear.
// Not preceded by a digit, letter, '.', '-', '#' or '/': keeps dates, phone numbers,
// decimals and refs (P12) from being read as rooms.
const ROOM_PATTERN =
  `(?<![\\d.a-z\\-#/])(\\d{1,4}|[${CN}]{1,4})\\s?(号楼|栋|幢|座|#|-|号|楼)\\s?` +
  `(?:(\\d{1,3}|[${CN}]{1,3})\\s?(单元|-)\\s?)?` +
  `(\\d{1,6})(?!\\d)(?!\\s?-\\s?\\d)(?:\\s?(?:室|号|房))?`;

const MAX_BUILDING = 999;
const MAX_UNIT = 99;

function interpret(m: RegExpExecArray): RoomMatch | 'skip' {
  const [whole, b, bSep, u, , r] = m;
  if (u === undefined) {
    // 8号301 / 8楼301 read as a date or a floor, not a room; 8-01 is more likely a date.
    if (bSep === '号' || bSep === '楼') return 'skip';
    if (bSep === '-' && r.length < 3) return 'skip';
  }
  const start = m.index;
  const end = start + whole.length;
  const building = parseIntOrChinese(b);
  const unit = u === undefined ? null : parseIntOrChinese(u);
  const roomDigits = r.replace(/^0+/, '');
  const ok =
    building !== null && building >= 1 && building <= MAX_BUILDING &&
    (unit === null || (unit >= 1 && unit <= MAX_UNIT)) &&
    r.length <= 4 && roomDigits.length > 0;
  if (!ok) return { room: null, start, end };
  const room = unit === null ? `${building}-${roomDigits}` : `${building}-${unit}-${roomDigits}`;
  return { room, start, end };
}

/** Every room code in already-folded text (see foldText), left to right. */
export function findRoomCodes(folded: string): RoomMatch[] {
  const re = new RegExp(ROOM_PATTERN, 'g');
  const found: RoomMatch[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null) {
    const hit = interpret(m);
    if (hit === 'skip') {
      re.lastIndex = m.index + 1;
      continue;
    }
    found.push(hit);
  }
  return found;
}

/** The first valid room code in already-folded text, else the first malformed one, else null. */
export function findRoomCode(folded: string): RoomMatch | null {
  const all = findRoomCodes(folded);
  return all.find((x) => x.room !== null) ?? all[0] ?? null;
}

/** Normalises a text that is exactly one room code ('8栋2单元301室' → '8-2-301'); null otherwise. */
export function parseRoomCode(text: string): string | null {
  const folded = foldText(cleanText(text));
  const re = new RegExp(`^(?:${ROOM_PATTERN})$`);
  const m = re.exec(folded);
  if (m === null) return null;
  const hit = interpret(m);
  return hit === 'skip' ? null : hit.room;
}
