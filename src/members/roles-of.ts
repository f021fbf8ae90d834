import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { HeldRole } from './held-role.js';

/** The roles a member holds in an estate. */
export async function rolesOf(tx: Transaction<Database>, memberId: number, estateId: number): Promise<HeldRole[]> {
  const rows = await tx.selectFrom('roles').select(['role', 'zone_id', 'building_id']).where('member_id', '=', memberId).where('estate_id', '=', estateId).execute();
  return rows.map((r) => ({ role: r.role, zoneId: r.zone_id, buildingId: r.building_id }));
}
