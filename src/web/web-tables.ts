import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface WebLoginLinksTable {
  id: Generated<number>;
  /** SHA-256 (base64url) of the link's token; the token itself is never stored. */
  token_hash: string;
  member_id: number;
  estate_id: number;
  platform: string;
  chat_id: string;
  is_private: boolean;
  locale: string;
  /** The command key of the 登录 message that asked for it. */
  source_key: string;
  outbox_key: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface WebSessionsTable {
  id: Generated<number>;
  token_hash: string;
  csrf_token: string;
  member_id: number;
  estate_id: number;
  platform: string;
  chat_id: string;
  is_private: boolean;
  locale: string;
  link_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
}

/** The tables migration 0006 adds, kept beside the web code that alone uses them. */
export type WebTables = {
  web_login_links: WebLoginLinksTable;
  web_sessions: WebSessionsTable;
};

export type WebDatabase = Database & WebTables;

/** The application's database seen with the web tables too (same connection, no copy). */
export function withWebTables<D extends Kysely<Database> | Transaction<Database>>(db: D): D extends Transaction<Database> ? Transaction<WebDatabase> : Kysely<WebDatabase> {
  return db.withTables<WebTables>() as never;
}
