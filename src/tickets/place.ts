import type { Kysely, Transaction } from 'kysely';
import { cleanText, foldText, parseIntOrChinese } from '../commands/normalize.js';
import { findRoomCode } from '../commands/room-code.js';
import type { Database } from '../db/database.js';
import { boundHouseholds } from '../members/households.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Where a problem is: a building (and its zone) when known. */
export interface TicketPlace {
  buildingId: number | null;
  zoneId: number | null;
}

const CN = '零〇一二两三四五六七八九十百';
// 8栋 / 8号楼 / 8幢 / 八栋 / 8#楼 / building 8; not preceded by a digit (a phone or a date).
const BUILDING_RE = new RegExp(`(?<![\\d.])(\\d{1,3}|[${CN}]{1,4})\\s?(?:号楼|栋|幢|座|#楼|#)|building\\s?(\\d{1,3})`);

/** The building code a complaint names ('8栋楼道…' → '8'), from a room code or a building word. */
export function buildingInText(text: string): string | null {
  const folded = foldText(cleanText(text));
  const room = findRoomCode(folded)?.room;
  if (room) return room.split('-')[0];
  const m = BUILDING_RE.exec(folded);
  if (!m) return null;
  const n = m[2] !== undefined ? Number(m[2]) : parseIntOrChinese(m[1]);
  return n !== null && n >= 1 && n <= 999 ? String(n) : null;
}

/**
 * Where a complaint is, for ownership and repeats: the building named in the text (the
 * problem's own place), else the reporter's bound household, else the group's building or zone.
 */
export async function placeOfComplaint(
  db: Db,
  estateId: number,
  text: string,
  reporterId: number,
  group: { buildingId: number | null; zoneId: number | null },
): Promise<TicketPlace> {
  const code = buildingInText(text);
  if (code !== null) {
    const b = await db.selectFrom('buildings').select(['id', 'zone_id']).where('estate_id', '=', estateId).where('code', '=', code).executeTakeFirst();
    if (b) return { buildingId: b.id, zoneId: b.zone_id };
  }
  const homes = await boundHouseholds(db, reporterId, estateId);
  if (homes.length > 0) return { buildingId: homes[0].buildingId, zoneId: homes[0].zoneId };
  if (group.buildingId !== null) {
    const b = await db.selectFrom('buildings').select(['id', 'zone_id']).where('id', '=', group.buildingId).executeTakeFirst();
    if (b) return { buildingId: b.id, zoneId: b.zone_id };
  }
  return { buildingId: null, zoneId: group.zoneId };
}

/** The building's code, for messages ('8'). */
export async function buildingCode(db: Db, buildingId: number | null): Promise<string | null> {
  if (buildingId === null) return null;
  const b = await db.selectFrom('buildings').select('code').where('id', '=', buildingId).executeTakeFirst();
  return b?.code ?? null;
}
