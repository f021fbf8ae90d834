import { Kysely, sql } from 'kysely';

/** One-time invitation codes: a role for whoever claims it, or linking the group it is sent in. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('role', 'group')`))
    .addColumn('role', 'text', (c) => c.check(sql`role in ('head', 'grid_worker', 'admin')`))
    .addColumn('zone_id', 'integer', (c) => c.references('zones.id'))
    .addColumn('building_id', 'integer', (c) => c.references('buildings.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('used_by', 'integer', (c) => c.references('members.id'))
    .execute();
}

/** Drops the invitations. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invitations').ifExists().execute();
}
