import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { hashToken, newToken } from './secret-token.js';
import { withWebTables } from './web-tables.js';

/** Who a link signs in, and where they asked for it. */
export interface LinkRequest {
  memberId: number;
  estateId: number;
  platform: string;
  chatId: string;
  isPrivate: boolean;
  locale: string;
  /** Command key of the 登录 message; one link per message. */
  sourceKey: string;
  outboxKey: string;
}

/** The path a link opens; the token is its last part. */
export function loginPath(token: string): string {
  return `/login/${token}`;
}

/** Link texts hold the token in clear: once a link is spent or stale, its outbox copy is blanked. */
const LINK_IN_TEXT = sql.lit('/login/[A-Za-z0-9_-]{43}');

/**
 * Make a one-time sign-in link for a member, valid `minutes`; returns the token (shown once, in
 * the message, and stored only hashed). Older links of the member stop working.
 */
export async function issueLoginLink(tx: Transaction<Database>, req: LinkRequest, now: Date, minutes: number): Promise<string> {
  const wdb = withWebTables(tx);
  const token = newToken();
  const older = await wdb
    .updateTable('web_login_links')
    .set({ used_at: now })
    .where('member_id', '=', req.memberId)
    .where('used_at', 'is', null)
    .returning('outbox_key')
    .execute();
  await redactLinks(tx, older.map((o) => o.outbox_key));
  await wdb
    .insertInto('web_login_links')
    .values({
      token_hash: hashToken(token),
      member_id: req.memberId,
      estate_id: req.estateId,
      platform: req.platform,
      chat_id: req.chatId,
      is_private: req.isPrivate,
      locale: req.locale,
      source_key: req.sourceKey,
      outbox_key: req.outboxKey,
      created_at: now,
      expires_at: new Date(now.getTime() + minutes * 60_000),
    })
    .execute();
  return token;
}

/** A link that was still good, now spent. */
export interface SpentLink {
  id: number;
  memberId: number;
  estateId: number;
  platform: string;
  chatId: string;
  isPrivate: boolean;
  locale: string;
}

/** Spend a link: at most one caller ever gets it back, and only before it expires. */
export async function spendLoginLink(db: Kysely<Database> | Transaction<Database>, token: string, now: Date): Promise<SpentLink | null> {
  const row = await withWebTables(db)
    .updateTable('web_login_links')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'member_id', 'estate_id', 'platform', 'chat_id', 'is_private', 'locale', 'outbox_key'])
    .executeTakeFirst();
  if (!row) return null;
  await redactLinks(db, [row.outbox_key]);
  return { id: row.id, memberId: row.member_id, estateId: row.estate_id, platform: row.platform, chatId: row.chat_id, isPrivate: row.is_private, locale: row.locale };
}

/** Is a token a link that could still be spent (for the page that asks to confirm)? */
export async function linkIsLive(db: Kysely<Database>, token: string, now: Date): Promise<boolean> {
  const row = await withWebTables(db)
    .selectFrom('web_login_links')
    .select('id')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Blank the token in the outbox copies of spent or stale links. A copy still marked pending is
 * blanked too: its link no longer opens anything (and a link is often used before its delivery
 * record lands), so keeping the token would only keep a secret in clear.
 */
async function redactLinks(db: Kysely<Database> | Transaction<Database>, outboxKeys: (string | null)[]): Promise<void> {
  const keys = outboxKeys.filter((k): k is string => k !== null);
  if (keys.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ text: sql`regexp_replace(text, ${LINK_IN_TEXT}, '/login/-', 'g')` })
    .where('key', 'in', keys)
    .execute();
}
