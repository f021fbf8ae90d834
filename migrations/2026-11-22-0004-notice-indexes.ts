import type { Kysely } from 'kysely';

/**
 * Indexes the weekly notice leans on at city size: an estate's groups (the weekly job and the
 * catch-up tick list them per estate; chat_groups had only its (platform, chat) key). An estate's
 * ledger, households, buildings, zones and tickets already have estate-leading indexes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('chat_groups_estate').on('chat_groups').columns(['estate_id', 'id']).execute();
}

/** Drops what this migration created. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('chat_groups_estate').ifExists().execute();
}
