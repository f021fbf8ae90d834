import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/** A household as commands see it: no personal data. */
export interface HouseholdRef {
  id: number;
  roomCode: string;
  buildingId: number;
  buildingCode: string;
  zoneId: number | null;
  /** Floor area in hundredths of m², where known (per-m² fee plans, owners' decisions). */
  floorArea: number | null;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Look a room code up in an estate. */
export async function findHousehold(db: Db, estateId: number, roomCode: string): Promise<HouseholdRef | null> {
  const row = await db
    .selectFrom('households as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['h.id', 'h.room_code as roomCode', 'b.id as buildingId', 'b.code as buildingCode', 'b.zone_id as zoneId', 'h.floor_area as floorArea'])
    .where('h.estate_id', '=', estateId)
    .where('h.room_code', '=', roomCode)
    .executeTakeFirst();
  return row ?? null;
}

/** The households a member is bound to (confirmed) in an estate. */
export async function boundHouseholds(db: Db, memberId: number, estateId: number): Promise<HouseholdRef[]> {
  const rows = await db
    .selectFrom('bindings as bi')
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['h.id', 'h.room_code as roomCode', 'b.id as buildingId', 'b.code as buildingCode', 'b.zone_id as zoneId', 'h.floor_area as floorArea'])
    .where('bi.member_id', '=', memberId)
    .where('bi.status', '=', 'confirmed')
    .where('h.estate_id', '=', estateId)
    .orderBy('h.room_code')
    .execute();
  return rows;
}

/** Natural order of room codes: 2-1-101 before 10-1-101. */
export function compareRoomCodes(a: string, b: string): number {
  const pa = a.split('-').map(Number);
  const pb = b.split('-').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
