import type { Kysely } from 'kysely';

/**
 * A problem described without a keyword (我家楼上漏水) is offered as a ticket; the offer waits
 * here, one per member and chat, until the member says 是 (filed) or it expires (10 minutes).
 * In Postgres, not in a process's memory, so any worker can take the answer.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_offers')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_offers_pk', ['platform', 'chat_id', 'member_id'])
    .execute();
}

/** Drops the offers table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_offers').ifExists().execute();
}
