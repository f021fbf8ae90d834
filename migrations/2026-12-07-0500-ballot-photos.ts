import type { Kysely } from 'kysely';

/**
 * Photos of paper ballots sent after the ballot was entered (代录 V4 8-2-301 同意, then the photo):
 * ballots are append-only, so a later photo is its own row pointing at the ballot.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ballot_photos')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('ballot_id', 'bigint', (c) => c.notNull().references('ballots.id'))
    .addColumn('file_id', 'text', (c) => c.notNull())
    // The staff member who entered the ballot and sent the photo.
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('ballot_photos_once', ['ballot_id', 'file_id'])
    .execute();
}

/** Drops what this migration created. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ballot_photos').ifExists().execute();
}
