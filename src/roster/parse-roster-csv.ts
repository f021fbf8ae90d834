import { findHeader, HEADER_SEARCH_ROWS, headerKey } from '../books/find-header.js';
import { type CsvRecord, parseCsv } from '../books/parse-csv.js';
import type { RowIssue, RowReason } from '../books/row-reason.js';
import { cleanText } from '../text/clean-text.js';
import { formatRoomCode, MAX_BUILDING, MAX_UNIT, parseRoomCode } from '../text/room-code.js';
import { fold, MAX_NAME_LENGTH, normalizePhone, parseArea, parseBuilding, parseRelation, parseUnit, parseZone, ROOM_CELL } from './roster-cells.js';

export { normalizePhone } from './roster-cells.js';

/**
 * Reads a household roster (花名册) exported from a spreadsheet: one household a row, columns
 * building, unit, room (or one combined 房号 column: 8栋2单元301) and optionally zone, resident
 * name, phone, floor area (m²) and owner/tenant. The header may sit below title rows.
 *
 * Reasons for a bad row never quote the cell: in a misaligned file the "building"
 * may hold a resident's name or phone number, and reasons are printed.
 */

/** One valid row of the roster. Optional values are null when the cell is empty or absent. */
export interface RosterRow {
  /** 1-based line of the file (row of the sheet) where the row starts. */
  line: number;
  building: string;
  unit: string | null;
  room: string;
  /** Normalised room code: `8-2-301`, or `8-301` without a unit. */
  roomCode: string;
  zone: { code: string; name: string } | null;
  name: string | null;
  phone: string | null;
  /** Floor area in hundredths of m². */
  area: number | null;
  /** Whether the resident listed is the owner (业主) or a tenant (租户). */
  relation: 'owner' | 'tenant' | null;
}

/** A row that could not be read, by 1-based line number. */
export type RosterError = RowIssue;

type Optional = 'zone' | 'name' | 'phone' | 'area' | 'relation';

export interface ParsedRoster {
  rows: RosterRow[];
  errors: RowIssue[];
  /** Rows imported without a value that could not be read (a malformed phone). */
  warnings: RowIssue[];
  /** Rows that repeat an earlier row exactly: counted as unchanged, not refused. */
  duplicates: number;
  /** Which optional columns the file has: an absent column leaves stored values alone. */
  columns: Record<Optional, boolean>;
}

type Field = 'building' | 'unit' | 'room' | Optional;
const POSITIONAL: Field[] = ['building', 'unit', 'room', 'zone', 'name', 'phone'];

// Header names after headerKey (lower case, simplified, half-width, no spaces, brackets or units).
const HEADER_ALIASES: Record<Field, string[]> = {
  building: ['building', 'bldg', 'block', '楼栋', '栋', '楼', '幢', '楼号', '栋号', '楼栋号', '幢号', '楼宇'],
  unit: ['unit', '单元', '单元号'],
  room: ['room', 'roomno', 'roomnumber', 'door', '房号', '室', '房间', '房间号', '室号', '门牌号', '户号', '门牌', '房屋', '住址', '地址', '房屋地址'],
  zone: ['zone', 'grid', 'area', '片区', '网格', '区', '片', '区域', '片区号', '网格号'],
  name: ['name', 'resident', 'residentname', 'owner', '姓名', '户主', '户主姓名', '住户', '住户姓名', '业主', '业主姓名', '名字', '联系人'],
  phone: ['phone', 'tel', 'telephone', 'mobile', 'phonenumber', '电话', '手机', '手机号', '手机号码', '电话号码', '联系电话', '联系方式'],
  area: ['floorarea', 'sqm', 'm2', '面积', '建筑面积', '房屋面积', '专有面积', '专有部分面积', '套内面积', '使用面积'],
  relation: ['relation', 'ownertenant', 'tenure', '业主租户', '租户业主', '身份', '住户类型', '居住类型', '住户性质', '产权', '业主或租户', '自住出租'],
};
const HEADER_LOOKUP = new Map<string, Field>();
for (const [field, names] of Object.entries(HEADER_ALIASES) as [Field, string[]][]) {
  for (const n of names) HEADER_LOOKUP.set(n, field);
}

const NO_COLUMNS: Record<Optional, boolean> = { zone: false, name: false, phone: false, area: false, relation: false };

/** Parses roster CSV text into valid rows and per-line errors. */
export function parseRosterCsv(text: string): ParsedRoster {
  return parseRoster(parseCsv(text));
}

/** Parses a roster's records (from CSV or a sheet) into valid rows, per-line errors and warnings. */
export function parseRoster(all: readonly CsvRecord[]): ParsedRoster {
  const records = all.filter((r) => r.cells.some((c) => cleanText(c) !== ''));
  const out: ParsedRoster = { rows: [], errors: [], warnings: [], duplicates: 0, columns: { ...NO_COLUMNS } };
  if (records.length === 0) return out;

  let columns: Map<Field, number>;
  let data: readonly CsvRecord[];
  const header = findHeader(records, HEADER_LOOKUP, ['room']);
  if (header !== null) {
    columns = header.columns;
    data = records.slice(header.index + 1);
  } else {
    const named = records.slice(0, HEADER_SEARCH_ROWS).find((r) => isHeaderLike(r.cells));
    if (named !== undefined) {
      out.errors.push({ line: named.line, reason: { key: 'books_header_missing', p: { cols: '房号 / room' } } });
      return out;
    }
    // Without a header, only as many optional columns as the widest row has.
    const width = Math.max(...records.map((r) => r.cells.length));
    columns = new Map(POSITIONAL.slice(0, Math.max(width, 3)).map((f, i) => [f, i]));
    data = records;
  }
  const combined = !columns.has('building');

  const first = new Map<string, { line: number; key: string }>();
  for (const rec of data) {
    const get = (f: Field): string => {
      const i = columns.get(f);
      return i === undefined ? '' : (rec.cells[i] ?? '');
    };
    const warnings: RowReason[] = [];
    const result = parseRow(get, combined, warnings);
    if ('key' in result) {
      out.errors.push({ line: rec.line, reason: result });
      continue;
    }
    const row: RosterRow = { line: rec.line, ...result };
    const key = JSON.stringify({ ...result });
    const seen = first.get(row.roomCode);
    if (seen !== undefined) {
      if (seen.key === key) out.duplicates++;
      else out.errors.push({ line: rec.line, reason: { key: 'books_room_repeats', p: { room: row.roomCode, line: seen.line } } });
      continue;
    }
    first.set(row.roomCode, { line: rec.line, key });
    for (const w of warnings) out.warnings.push({ line: rec.line, reason: w });
    out.rows.push(row);
  }
  for (const f of Object.keys(NO_COLUMNS) as Optional[]) out.columns[f] = columns.has(f);
  return out;
}

/** A row of column names only (姓名,电话): a header that lacks the room column. */
function isHeaderLike(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => cleanText(c) !== '');
  return filled.length > 0 && filled.every((c) => HEADER_LOOKUP.has(headerKey(c)));
}

type Place = { building: string; unit: string | null; room: string };

/** Building, unit and room from separate cells. */
function placeFromCells(get: (f: Field) => string): Place | RowReason {
  const b = fold(get('building'));
  if (b === '') return { key: 'books_building_missing' };
  const building = parseBuilding(b);
  if (building === 'bad') return { key: 'books_building_nan' };
  if (building < 1 || building > MAX_BUILDING) return { key: 'books_building_range', p: { max: MAX_BUILDING } };
  const u = fold(get('unit'));
  let unit: number | null = null;
  if (u !== '') {
    const parsed = parseUnit(u);
    if (parsed === 'bad') return { key: 'books_unit_nan' };
    if (parsed < 1 || parsed > MAX_UNIT) return { key: 'books_unit_range', p: { max: MAX_UNIT } };
    unit = parsed;
  }
  const r = fold(get('room'));
  if (r === '') return { key: 'books_room_missing' };
  const rm = ROOM_CELL.exec(r);
  if (rm === null) return { key: 'books_room_nan' };
  const room = rm[1].replace(/^0+/, '');
  if (room === '' || room.length > 4) return { key: 'books_room_range' };
  return { building: String(building), unit: unit === null ? null : String(unit), room };
}

/** One combined 房号 cell (8栋2单元301, 8-2-301), read by the chat's own room reader. */
function placeFromCode(cell: string): Place | RowReason {
  if (cleanText(cell) === '') return { key: 'books_room_missing' };
  const code = parseRoomCode(cell);
  if (code === null) return { key: 'books_room_code_bad' };
  const parts = code.split('-');
  return parts.length === 3 ? { building: parts[0], unit: parts[1], room: parts[2] } : { building: parts[0], unit: null, room: parts[1] };
}

function parseRow(get: (f: Field) => string, combined: boolean, warnings: RowReason[]): Omit<RosterRow, 'line'> | RowReason {
  const place = combined ? placeFromCode(get('room')) : placeFromCells(get);
  if ('key' in place) return place;

  const zoneCell = cleanText(get('zone'));
  if (zoneCell.length > 20) return { key: 'books_zone_long' };
  const nameCell = cleanText(get('name'));
  if (nameCell.length > MAX_NAME_LENGTH) return { key: 'books_name_long' };
  const phoneCell = cleanText(get('phone'));
  const phone = phoneCell === '' ? null : normalizePhone(phoneCell);
  if (phoneCell !== '' && phone === null) warnings.push({ key: 'books_phone_dropped' });
  const areaCell = cleanText(get('area'));
  const area = areaCell === '' ? null : parseArea(areaCell);
  if (areaCell !== '' && area === null) warnings.push({ key: 'books_area_dropped' });
  const relationCell = cleanText(get('relation'));
  const relation = relationCell === '' ? null : parseRelation(relationCell);
  if (relationCell !== '' && relation === null) warnings.push({ key: 'books_relation_dropped' });

  return {
    ...place,
    roomCode: formatRoomCode(place.building, place.unit, place.room),
    zone: zoneCell === '' ? null : parseZone(zoneCell),
    name: nameCell === '' ? null : nameCell,
    phone,
    area,
    relation,
  };
}
