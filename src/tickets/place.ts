import type { Kysely, Transaction } from 'kysely';
import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { findBuilding } from '../text/room-code.js';
import type { Database } from '../db/database.js';
import { boundHouseholds } from '../members/households.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Where a problem is: a building (and its zone) when known. */
export interface TicketPlace {
  buildingId: number | null;
  zoneId: number | null;
  /** The building's code, where the place was found by it (saves reading it again for the message). */
  buildingCode?: string | null;
}

/** The building code a complaint names ('8栋楼道…' → '8'), from a room code or a building word. */
export function buildingInText(text: string): string | null {
  return findBuilding(foldText(cleanText(text)));
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
    if (b) return { buildingId: b.id, zoneId: b.zone_id, buildingCode: code };
  }
  const homes = await boundHouseholds(db, reporterId, estateId);
  if (homes.length > 0) return { buildingId: homes[0].buildingId, zoneId: homes[0].zoneId, buildingCode: homes[0].buildingCode };
  if (group.buildingId !== null) {
    const b = await db.selectFrom('buildings').select(['id', 'zone_id', 'code']).where('id', '=', group.buildingId).executeTakeFirst();
    if (b) return { buildingId: b.id, zoneId: b.zone_id, buildingCode: b.code };
  }
  return { buildingId: null, zoneId: group.zoneId, buildingCode: null };
}

/** The building's code, for messages ('8'). */
export async function buildingCode(db: Db, buildingId: number | null): Promise<string | null> {
  if (buildingId === null) return null;
  const b = await db.selectFrom('buildings').select('code').where('id', '=', buildingId).executeTakeFirst();
  return b?.code ?? null;
}
