import { sql, type Kysely, type Transaction } from 'kysely';
import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { findBuilding } from '../text/room-code.js';
import type { Database } from '../db/database.js';

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
 * Where it is a building, the filing lock of that building and `category` is taken in the same
 * statement, so two neighbours reporting the same thing at once end up on one ticket: the open
 * ticket is looked for after this returns (a statement that waited for the lock must not be the
 * one that looks, its snapshot is older than the other's ticket).
 */
export async function lockPlaceOfComplaint(
  tx: Transaction<Database>,
  estateId: number,
  text: string,
  reporterId: number,
  group: { buildingId: number | null; zoneId: number | null },
  category: string,
): Promise<TicketPlace & { buildingCode: string | null }> {
  const { rows } = await sql<{ id: number; zone_id: number | null; code: string }>`
    select p.id, p.zone_id, p.code,
      -- The lock 'ticket:<estate>:<building>:<category>', on the one building found.
      pg_advisory_xact_lock(hashtext(concat('ticket:', ${estateId}::int, ':', p.id, ':', ${category}::text))) as locked
    from (
      select 1 as rank, b.id, b.zone_id, b.code from buildings b where b.estate_id = ${estateId} and b.code = ${buildingInText(text)}::text
      union all (
        select 2, b.id, b.zone_id, b.code from bindings bi
          join households h on h.id = bi.household_id
          join buildings b on b.id = h.building_id
        where bi.member_id = ${reporterId} and bi.status = 'confirmed' and h.estate_id = ${estateId}
        order by h.room_code limit 1
      )
      union all
      select 3, b.id, b.zone_id, b.code from buildings b where b.id = ${group.buildingId}::int
      order by rank limit 1
    ) p`.execute(tx);
  const b = rows[0];
  return b ? { buildingId: b.id, zoneId: b.zone_id, buildingCode: b.code } : { buildingId: null, zoneId: group.zoneId, buildingCode: null };
}

/** The building's code, for messages ('8'). */
export async function buildingCode(db: Db, buildingId: number | null): Promise<string | null> {
  if (buildingId === null) return null;
  const b = await db.selectFrom('buildings').select('code').where('id', '=', buildingId).executeTakeFirst();
  return b?.code ?? null;
}
