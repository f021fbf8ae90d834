import { Kysely, sql } from 'kysely';

/**
 * The treasurer's ledger: corrections as their own rows (what the chain now stands at, and why),
 * at most one correction per entry (so a void cannot land twice, even from two staff at once),
 * and the holds of the duplicate guard (a collection or a confirmation asked about first).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('payments')
    // For a correction: what its chain stands at after it (0 for a void); the row's own
    // amount_fen and months are the change, so sums over the ledger stay plain sums.
    .addColumn('stands_fen', 'integer')
    .addColumn('stands_months', 'integer')
    .addColumn('note', 'text')
    .execute();
  await sql`create unique index payments_one_correction on payments (corrects_id) where corrects_id is not null`.execute(db);

  await db.schema
    .createTable('ledger_holds')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('collect', 'confirm')`))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('fee_plan_id', 'integer', (c) => c.notNull().references('fee_plans.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('method', 'text')
    // For a held confirmation: the claim it would confirm.
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id'))
    // The entry it looked like a repeat of.
    .addColumn('duplicate_of', 'integer', (c) => c.notNull().references('payments.id'))
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('ledger_holds_member').on('ledger_holds').columns(['member_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ledger_holds').ifExists().execute();
  await sql`drop index if exists payments_one_correction`.execute(db);
  await db.schema.alterTable('payments').dropColumn('stands_fen').dropColumn('stands_months').dropColumn('note').execute();
}
