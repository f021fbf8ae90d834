import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The largest area a household may have: 100 000 m² (a typo guard, far above any flat). */
export const MAX_FLOOR_AREA = 10_000_000;

/**
 * A floor area as typed (89.5, 89.50, 89.5平方米, 89.5㎡, 89.5 m2) in integer hundredths of m², read
 * from its digits (no floating point); null when it is not a positive area with at most two decimals.
 */
export function parseFloorArea(text: string): number | null {
  const m = /^(\d{1,6})(?:\.(\d{1,2}))?\s*(?:平方米|平米|平方|㎡|m²|m2|sqm)?$/i.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const v = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return v > 0 && v <= MAX_FLOOR_AREA ? v : null;
}

/** Set a household's floor area; returns the area before (null: none was known). Votes already open keep the areas they opened with. */
export async function setFloorArea(tx: Db, householdId: number, area: number): Promise<number | null> {
  const before = await tx.selectFrom('households').select('floor_area').where('id', '=', householdId).forUpdate().executeTakeFirstOrThrow();
  await tx.updateTable('households').set({ floor_area: area }).where('id', '=', householdId).execute();
  return before.floor_area;
}

/** Room codes of an estate with no floor area yet (an owners' decision cannot open over them). */
export async function roomsWithoutArea(db: Db, estateId: number): Promise<string[]> {
  const rows = await db.selectFrom('households').select('room_code').where('estate_id', '=', estateId).where('floor_area', 'is', null).execute();
  return rows.map((r) => r.room_code);
}
