import type { Kysely, Transaction } from 'kysely';
import type { HeldRole } from '../members/held-role.js';
import type { Database, PanelParty } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The four parties, in the order the panel is listed. */
export const PANEL_PARTIES: readonly PanelParty[] = ['community', 'property', 'owners_committee', 'resident_rep'];

/** True for a member of the estate's panel. */
export function isPanelist(roles: HeldRole[]): boolean {
  return roles.some((r) => r.role === 'panelist');
}

/** A panelist as the scheduler reaches them: privately, by platform user id. */
export interface Panelist {
  memberId: number;
  platform: string;
  platformUserId: string;
  party: PanelParty | null;
}

/** The estate's panel. */
export async function panelOf(db: Db, estateId: number): Promise<Panelist[]> {
  const rows = await db
    .selectFrom('roles as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['m.id as memberId', 'm.platform', 'm.platform_user_id as platformUserId', 'r.party'])
    .where('r.estate_id', '=', estateId)
    .where('r.role', '=', 'panelist')
    .orderBy('r.id')
    .execute();
  // A panelist's role row carries a panel party (the roles check allows committee parties on other roles).
  return rows.map((r) => ({ ...r, party: r.party as PanelParty | null }));
}
