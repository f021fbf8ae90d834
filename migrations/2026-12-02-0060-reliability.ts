import { Kysely, sql } from 'kysely';

/**
 * Reliability, round two. Per member: whether the platform lets the bot write to them privately
 * (learned from a private message received, or a refusal seen) and the group they were last
 * seen in, where a private message that cannot be delivered is pointed to instead. Per 催缴: the
 * outbox row that carried it, so a message that never went out gives the day's slot back. Per
 * outbox row: which line each @mention belongs to, so a message split at the platform's limit
 * keeps each mention in its part.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('members')
    .addColumn('private_chat', 'text', (c) => c.check(sql`private_chat in ('open', 'closed')`))
    .addColumn('private_chat_at', 'timestamptz')
    .addColumn('last_group_id', 'integer', (c) => c.references('chat_groups.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('urge_log').addColumn('outbox_key', 'text').execute();
  await db.schema.createIndex('urge_log_outbox_key').on('urge_log').column('outbox_key').execute();
  await db.schema.alterTable('outbox').addColumn('mention_lines', 'jsonb').execute();
}

/** Drops what this migration added. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('mention_lines').execute();
  await db.schema.dropIndex('urge_log_outbox_key').ifExists().execute();
  await db.schema.alterTable('urge_log').dropColumn('outbox_key').execute();
  await db.schema.alterTable('members').dropColumn('last_group_id').dropColumn('private_chat_at').dropColumn('private_chat').execute();
}
