import type { Kysely } from 'kysely';

/**
 * 红"栋"力 score sheets read back from a file: one row per import, so the same file imported
 * again by the same panelist (and nothing changed since) takes effect once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scoring_sheet_imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('scoring_rounds.id'))
    .addColumn('panelist_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('cells', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scoring_sheet_imports_round_panelist').on('scoring_sheet_imports').columns(['round_id', 'panelist_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scoring_sheet_imports').execute();
}
