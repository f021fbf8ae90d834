import { cleanText } from './clean-text.js';
import { foldText } from './fold-text.js';
import { CN_DIGITS, parseChineseNumber, parseIntOrChinese } from './numerals.js';
import { BUILDING_WORDS, BUILDING_WORDS_BEFORE_ROOM, numberPattern, ROOM_WORDS, UNIT_WORDS, wordsPattern } from './room-words.js';

/** A room code found in folded text; `room` is null when it has the shape but absurd numbers. */
export interface RoomMatch {
  room: string | null;
  start: number;
  end: number;
}

/** Highest building and unit numbers a room code may have. */
export const MAX_BUILDING = 999;
export const MAX_UNIT = 99;

// Bounded quantifiers only: each start position costs a constant, so a scan is linear.
// Not preceded by a digit, letter, '.', '-', '#' or '/': keeps dates, phone numbers,
// decimals and refs (P12) from being read as rooms.
const ROOM_PATTERN =
  `(?<![\\d.a-z\\-#/])(${numberPattern(4)})\\s?(${wordsPattern(BUILDING_WORDS, BUILDING_WORDS_BEFORE_ROOM, ['-'])})\\s?` +
  `(?:(${numberPattern(3)})\\s?(${wordsPattern(UNIT_WORDS, ['-'])})\\s?)?` +
  `(\\d{1,6}|[${CN_DIGITS}]{3,4})(?![\\d${CN_DIGITS}])(?!\\s?-\\s?\\d)(?:\\s?(?:${wordsPattern(ROOM_WORDS)}))?`;

// 8栋 / 8号楼 / 八栋 / 8#楼 / building 8 on its own; not preceded by a digit (a phone or a date).
const BUILDING_RE = new RegExp(`(?<![\\d.])(${numberPattern(3, 4)})\\s?(?:${wordsPattern(BUILDING_WORDS)})|building\\s?(\\d{1,3})`);

/** The code of a household: '8-2-301', or '8-301' without a unit. */
export function formatRoomCode(building: number | string, unit: number | string | null, room: string): string {
  return unit === null ? `${building}-${room}` : `${building}-${unit}-${room}`;
}

function interpret(m: RegExpExecArray): RoomMatch | 'skip' {
  const [whole, b, bSep, u, , r] = m;
  if (u === undefined) {
    // 8号301 / 8楼301 read as a date or a floor, not a room; 8-01 is more likely a date.
    if (BUILDING_WORDS_BEFORE_ROOM.includes(bSep)) return 'skip';
    if (bSep === '-' && r.length < 3) return 'skip';
  }
  const start = m.index;
  const end = start + whole.length;
  const building = parseIntOrChinese(b);
  const unit = u === undefined ? null : parseIntOrChinese(u);
  // 三零一 is said digit by digit: the room number 301.
  const roomDigits = /^\d/.test(r) ? r.replace(/^0+/, '') : String(parseChineseNumber(r) ?? '');
  const ok =
    building !== null && building >= 1 && building <= MAX_BUILDING &&
    (unit === null || (unit >= 1 && unit <= MAX_UNIT)) &&
    r.length <= 4 && roomDigits.length > 0 && roomDigits !== '0';
  if (!ok) return { room: null, start, end };
  return { room: formatRoomCode(building, unit, roomDigits), start, end };
}

/** Every room code in already-folded text (see foldText), left to right. */
export function findRoomCodes(folded: string): RoomMatch[] {
  const re = new RegExp(ROOM_PATTERN, 'g');
  const found: RoomMatch[] = [];
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
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

/** The building a text names ('8栋楼道…' → '8'), from a room code or a building word; null if none. */
export function findBuilding(folded: string): string | null {
  const room = findRoomCode(folded)?.room;
  if (room) return room.split('-')[0];
  const m = BUILDING_RE.exec(folded);
  if (!m) return null;
  const n = m[2] !== undefined ? Number(m[2]) : parseIntOrChinese(m[1]);
  return n !== null && n >= 1 && n <= MAX_BUILDING ? String(n) : null;
}
