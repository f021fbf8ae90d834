import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { chineseNumeral, CN_SMALL_NUMERAL_CHARS, parseIntOrChinese } from '../text/numerals.js';
import { formatRoomCode, MAX_BUILDING, MAX_UNIT } from '../text/room-code.js';
import { BUILDING_WORDS, BUILDING_WORDS_BEFORE_ROOM, ROOM_WORDS, ROSTER_UNIT_WORDS, wordsPattern } from '../text/room-words.js';

/**
 * Reads a household roster (花名册) exported from a spreadsheet: one household a row,
 * columns building, unit, room and optionally zone, resident name, phone.
 *
 * Reasons for a bad row never quote the cell: in a misaligned file the "building"
 * may hold a resident's name or phone number, and reasons are printed.
 */

/** One valid row of the roster. `name`/`phone` are null when the cell is empty or absent. */
export interface RosterRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  building: string;
  unit: string | null;
  room: string;
  /** Normalised room code: `8-2-301`, or `8-301` without a unit. */
  roomCode: string;
  zone: { code: string; name: string } | null;
  name: string | null;
  phone: string | null;
}

/** A row that could not be read, by 1-based line number. */
export interface RosterError {
  line: number;
  reason: string;
}

export interface ParsedRoster {
  rows: RosterRow[];
  errors: RosterError[];
  /** Which optional columns the file has: an absent column leaves stored values alone. */
  columns: { zone: boolean; name: boolean; phone: boolean };
}

type Field = 'building' | 'unit' | 'room' | 'zone' | 'name' | 'phone';
const POSITIONAL: Field[] = ['building', 'unit', 'room', 'zone', 'name', 'phone'];

// Header names after foldText (lower case, simplified, half-width) with spaces, '_' and '*' removed.
const HEADER_ALIASES: Record<Field, string[]> = {
  building: ['building', 'bldg', 'block', '楼栋', '栋', '楼', '幢', '楼号', '栋号', '楼栋号', '幢号', '楼宇'],
  unit: ['unit', '单元', '单元号'],
  room: ['room', 'roomno', 'roomnumber', 'door', '房号', '室', '房间', '房间号', '室号', '门牌号', '户号', '门牌'],
  zone: ['zone', 'grid', 'area', '片区', '网格', '区', '片', '区域', '片区号', '网格号'],
  name: ['name', 'resident', 'residentname', 'owner', '姓名', '户主', '户主姓名', '住户', '住户姓名', '业主', '业主姓名', '名字', '联系人'],
  phone: ['phone', 'tel', 'telephone', 'mobile', 'phonenumber', '电话', '手机', '手机号', '手机号码', '电话号码', '联系电话', '联系方式'],
};
const HEADER_LOOKUP = new Map<string, Field>();
for (const [field, names] of Object.entries(HEADER_ALIASES) as [Field, string[]][]) {
  for (const n of names) HEADER_LOOKUP.set(n, field);
}

const MAX_NAME_LENGTH = 40;
const CN = CN_SMALL_NUMERAL_CHARS;
// A cell is one number with its word: 8栋 / 8号 / 8楼 are all building 8 in a building column.
const BUILDING_CELL = new RegExp(`^(\\d+|[${CN}]+)(${wordsPattern(BUILDING_WORDS, BUILDING_WORDS_BEFORE_ROOM)})?$`);
const UNIT_CELL = new RegExp(`^(\\d+|[${CN}]+)(${wordsPattern(ROSTER_UNIT_WORDS)})?$`);
const ROOM_CELL = new RegExp(`^(\\d+)(${wordsPattern(ROOM_WORDS)})?$`);

/** A CSV record: its cells and the line it starts on. */
interface CsvRecord {
  line: number;
  cells: string[];
}

/** RFC 4180 with the usual spreadsheet leniency: BOM, CRLF or CR, quoted newlines, stray quotes. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

function headerField(cell: string): Field | undefined {
  const key = foldText(cleanText(cell)).replace(/[\s_*()（）:：]/g, '');
  return HEADER_LOOKUP.get(key);
}

/** The header's column map, or null when the first record is data. */
function readHeader(cells: string[]): Map<Field, number> | null {
  const map = new Map<Field, number>();
  for (let i = 0; i < cells.length; i++) {
    const f = headerField(cells[i]);
    if (f !== undefined && !map.has(f)) map.set(f, i);
  }
  return map.size > 0 ? map : null;
}

function fold(cell: string | undefined): string {
  return foldText(cleanText(cell ?? '')).replace(/\s/g, '');
}

function number(s: string): number | null {
  const n = parseIntOrChinese(s);
  return n === null || !Number.isFinite(n) ? null : n;
}

/** '8', '８', '8栋', '8幢', '8号楼', '8#', '八栋' → 8. */
function parseBuilding(cell: string): number | 'bad' {
  const m = BUILDING_CELL.exec(cell);
  const n = m === null ? null : number(m[1]);
  return n === null ? 'bad' : n;
}

/** '2', '2单元', '二单元' → 2. */
function parseUnit(cell: string): number | 'bad' {
  const m = UNIT_CELL.exec(cell);
  const n = m === null ? null : number(m[1]);
  return n === null ? 'bad' : n;
}

/** '3', '第三片区', '三网格' → code '3'; other names ('东区') are their own code. */
function parseZone(raw: string): { code: string; name: string } {
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

/** Parses roster CSV text into valid rows and per-line errors. */
export function parseRosterCsv(text: string): ParsedRoster {
  const records = parseCsv(text).filter((r) => r.cells.some((c) => cleanText(c) !== ''));
  const rows: RosterRow[] = [];
  const errors: RosterError[] = [];
  if (records.length === 0) return { rows, errors, columns: { zone: false, name: false, phone: false } };

  let columns = new Map<Field, number>(POSITIONAL.map((f, i) => [f, i]));
  let data = records;
  const header = readHeader(records[0].cells);
  if (header !== null) {
    data = records.slice(1);
    columns = header;
    const missing = (['building', 'room'] as const).filter((f) => !header.has(f));
    if (missing.length > 0) {
      errors.push({ line: records[0].line, reason: `the header has no ${missing.join(' or ')} column` });
      return { rows, errors, columns: { zone: false, name: false, phone: false } };
    }
  } else {
    // Without a header, only as many optional columns as the widest row has.
    const width = Math.max(...records.map((r) => r.cells.length));
    columns = new Map(POSITIONAL.slice(0, Math.max(width, 3)).map((f, i) => [f, i]));
  }

  const firstLineOf = new Map<string, number>();
  for (const rec of data) {
    const get = (f: Field): string | undefined => {
      const i = columns.get(f);
      return i === undefined ? undefined : rec.cells[i];
    };
    const result = parseRow(rec.line, get);
    if ('reason' in result) {
      errors.push(result);
      continue;
    }
    const seen = firstLineOf.get(result.roomCode);
    if (seen !== undefined) {
      errors.push({ line: rec.line, reason: `room ${result.roomCode} repeats line ${seen}` });
      continue;
    }
    firstLineOf.set(result.roomCode, rec.line);
    rows.push(result);
  }
  return { rows, errors, columns: { zone: columns.has('zone'), name: columns.has('name'), phone: columns.has('phone') } };
}

function parseRow(line: number, get: (f: Field) => string | undefined): RosterRow | RosterError {
  const bad = (reason: string): RosterError => ({ line, reason });
  const b = fold(get('building'));
  if (b === '') return bad('building is missing');
  const building = parseBuilding(b);
  if (building === 'bad') return bad('building is not a number');
  if (building < 1 || building > MAX_BUILDING) return bad(`building must be 1 to ${MAX_BUILDING}`);

  const u = fold(get('unit'));
  let unit: number | null = null;
  if (u !== '') {
    const parsed = parseUnit(u);
    if (parsed === 'bad') return bad('unit is not a number');
    if (parsed < 1 || parsed > MAX_UNIT) return bad(`unit must be 1 to ${MAX_UNIT}`);
    unit = parsed;
  }

  const r = fold(get('room'));
  if (r === '') return bad('room is missing');
  const rm = ROOM_CELL.exec(r);
  if (rm === null) return bad('room is not a number');
  const room = rm[1].replace(/^0+/, '');
  if (room === '' || room.length > 4) return bad('room must be 1 to 9999');

  const zoneCell = cleanText(get('zone') ?? '');
  if (zoneCell.length > 20) return bad('zone is too long');
  const nameCell = cleanText(get('name') ?? '');
  if (nameCell.length > MAX_NAME_LENGTH) return bad('name is too long');
  const phoneCell = cleanText(get('phone') ?? '');
  let phone: string | null = null;
  if (phoneCell !== '') {
    phone = normalizePhone(phoneCell);
    if (phone === null) return bad('phone is not a phone number');
  }

  const buildingCode = String(building);
  const unitCode = unit === null ? null : String(unit);
  return {
    line,
    building: buildingCode,
    unit: unitCode,
    room,
    roomCode: formatRoomCode(buildingCode, unitCode, room),
    zone: zoneCell === '' ? null : parseZone(zoneCell),
    name: nameCell === '' ? null : nameCell,
    phone,
  };
}
