import { type Kysely, sql } from 'kysely';

/**
 * Roster and ledger files: a household's owner/tenant as the roster says it (the council's
 * owners' decisions start from it), and who collected an imported payment as the sheet names
 * them (staff exports only; an imported row has no member behind it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('households')
    .addColumn('resident_relation', 'text', (c) => c.check(sql`resident_relation in ('owner', 'tenant')`))
    .execute();
  await db.schema.alterTable('payments').addColumn('collector', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('payments').dropColumn('collector').execute();
  await db.schema.alterTable('households').dropColumn('resident_relation').execute();
}
