import { sql, type Kysely } from 'kysely';

/**
 * An outgoing message may carry one image or file. Workers and adapters may run on different
 * machines, so the bytes travel through Postgres: written in the job's transaction beside the
 * outbox row, read by the adapter's sender, deleted once the message is delivered (or after days).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_attachments')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('outbox_id', 'bigint', (c) => c.notNull().unique().references('outbox.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('image', 'file')`))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_attachments_created').on('outbox_attachments').column('created_at').execute();
}

/** Drops the attachments (messages stay, as text). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox_attachments').ifExists().execute();
}
