import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Locale } from '../commands/locale.js';
import type { SpentLink } from './login-links.js';
import { hashToken, newToken } from './secret-token.js';
import { withWebTables } from './web-tables.js';

/** A signed-in staff member's session, as stored (no roles: those are looked up on every request). */
export interface WebSession {
  id: number;
  memberId: number;
  estateId: number;
  platform: string;
  /** The private chat the link was sent to; web actions reply there, as chat commands would. */
  chatId: string;
  /** Whether that chat is a private one (the console's link comes from its one group). */
  isPrivate: boolean;
  locale: Locale;
  csrfToken: string;
  expiresAt: Date;
}

/** Open a session for a spent link; returns the cookie token (stored only hashed). */
export async function openSession(db: Kysely<Database>, link: SpentLink, now: Date, hours: number): Promise<string> {
  const token = newToken();
  await withWebTables(db)
    .insertInto('web_sessions')
    .values({
      token_hash: hashToken(token),
      csrf_token: newToken(),
      member_id: link.memberId,
      estate_id: link.estateId,
      platform: link.platform,
      chat_id: link.chatId,
      is_private: link.isPrivate,
      locale: link.locale,
      link_id: link.id,
      created_at: now,
      expires_at: new Date(now.getTime() + hours * 3_600_000),
    })
    .execute();
  return token;
}

/** The live session behind a cookie token, or null (unknown, ended or expired). */
export async function findSession(db: Kysely<Database>, token: string, now: Date): Promise<WebSession | null> {
  const row = await withWebTables(db)
    .selectFrom('web_sessions')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    memberId: row.member_id,
    estateId: row.estate_id,
    platform: row.platform,
    chatId: row.chat_id,
    isPrivate: row.is_private,
    locale: row.locale as Locale,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
  };
}

/** Sign out: the session ends for good. */
export async function endSession(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await withWebTables(db).updateTable('web_sessions').set({ ended_at: now }).where('id', '=', id).where('ended_at', 'is', null).execute();
}
