import { sql, type Kysely } from 'kysely';

/**
 * Several fee plans per estate (卫生费, 物业费, 停车费 …): a plan is priced per household or per m²
 * of floor area, and covers the whole estate or some buildings. Existing plans become per-household,
 * estate-wide plans: they read exactly as before.
 *
 * The new-claim digest marks each claim it announced to the zone's grid worker, once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('fee_plans')
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo('household').check(sql`basis in ('household', 'area')`))
    .execute();
  // No rows: the plan covers the whole estate.
  await db.schema
    .createTable('fee_plan_buildings')
    .addColumn('fee_plan_id', 'integer', (c) => c.notNull().references('fee_plans.id').onDelete('cascade'))
    .addColumn('building_id', 'integer', (c) => c.notNull().references('buildings.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('fee_plan_buildings_pk', ['fee_plan_id', 'building_id'])
    .execute();
  await db.schema
    .createTable('claim_announcements')
    .addColumn('payment_id', 'integer', (c) => c.primaryKey().references('payments.id'))
    .addColumn('announced_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // Claims made before the digest existed are not news: mark them announced.
  await sql`insert into claim_announcements (payment_id, announced_at) select id, now() from payments where kind = 'claim'`.execute(db);
}

/** Back to one price per household for every plan (per-m² plans keep their number as a flat fee). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('claim_announcements').execute();
  await db.schema.dropTable('fee_plan_buildings').execute();
  await db.schema.alterTable('fee_plans').dropColumn('basis').execute();
}
