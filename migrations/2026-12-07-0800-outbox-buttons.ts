import type { Kysely } from 'kysely';

/**
 * An outgoing message may carry reply buttons (同意 / 反对 / 弃权 under a ballot notice, 是 under a
 * ticket offer): each is a label and the words a press stands for. They are data on the message,
 * rendered by the adapters whose platform has buttons; elsewhere the text already says what to type.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('buttons', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('buttons').execute();
}
