import type { Kysely } from 'kysely';
import type { HeldRole } from '../members/held-role.js';
import { rolesOf } from '../members/roles-of.js';
import type { Database, Estate } from '../db/database.js';
import { isStaff } from '../ledger/permissions.js';
import { isPanelist } from '../scoring/panel.js';
import { translator, type Translator } from '../i18n/translator.js';
import { findSession, type WebSession } from './sessions.js';

/** Who is asking, looked up on every request: the roles are read now, never taken from the session. */
export interface StaffContext {
  session: WebSession;
  member: { id: number; platform: string; platformUserId: string; displayName: string | null };
  estate: Estate;
  roles: HeldRole[];
  i18n: Translator;
}

/** The signed-in member behind a session token; null if the session is gone or they may no longer use the web. */
export async function loadStaff(db: Kysely<Database>, token: string, now: Date): Promise<StaffContext | null> {
  const session = await findSession(db, token, now);
  if (!session) return null;
  return db.transaction().execute(async (tx) => {
    const member = await tx
      .selectFrom('members')
      .select(['id', 'platform', 'platform_user_id as platformUserId', 'display_name as displayName'])
      .where('id', '=', session.memberId)
      .executeTakeFirst();
    const estate = await tx.selectFrom('estates').selectAll().where('id', '=', session.estateId).executeTakeFirst();
    if (!member || !estate) return null;
    // The same look-up the workers make for a command: a role taken away ends web access at once.
    const roles = await rolesOf(tx, member.id, estate.id);
    if (!mayUseWeb(roles)) return null;
    return { session, member, estate, roles, i18n: translator(session.locale) };
  });
}

/**
 * Who may sign in to the web: staff (grid workers, admins) for every page, and the 红"栋"力 panel
 * for its scoring form only (a panelist who is not staff sees nothing else).
 */
export function mayUseWeb(roles: HeldRole[]): boolean {
  return isStaff(roles) || isPanelist(roles);
}

/** Admins of the estate (the queue view is theirs). */
export function isAdmin(roles: HeldRole[]): boolean {
  return roles.some((r) => r.role === 'admin');
}

/** The zones a staff member answers for; null means every zone (an admin). */
export function zonesInReach(roles: HeldRole[]): number[] | null {
  if (isAdmin(roles)) return null;
  return [...new Set(roles.filter((r) => r.role === 'grid_worker' && r.zoneId !== null).map((r) => r.zoneId!))];
}
