import { Kysely, sql } from 'kysely';

/**
 * The staff's web surface: one-time sign-in links sent from the chat, and the sessions they
 * open. Both keep only a SHA-256 of their secret, so a copy of the database signs no one in.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('web_login_links')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    // The private chat the link went to: where the replies to web actions go too.
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('is_private', 'boolean', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('outbox_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('web_sessions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('is_private', 'boolean', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('link_id', 'integer', (c) => c.notNull().unique().references('web_login_links.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .execute();
  await sql`create index web_login_links_member on web_login_links (member_id, created_at)`.execute(db);
}

/** Drops the web tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('web_sessions').ifExists().execute();
  await db.schema.dropTable('web_login_links').ifExists().execute();
}
