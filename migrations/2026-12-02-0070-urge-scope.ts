import type { Kysely } from 'kysely';

/**
 * 催缴 once a day per group and scope: a grid worker's 催缴 covers her zone of an estate-wide
 * group, so one zone's 催缴 must not use up another's. The slot's key gains the scope ('all',
 * 'z<zone id>' or 'b<building id>').
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('urge_log').addColumn('scope_key', 'text', (c) => c.notNull().defaultTo('all')).execute();
  await db.schema.alterTable('urge_log').dropConstraint('urge_log_pk').execute();
  await db.schema.alterTable('urge_log').addPrimaryKeyConstraint('urge_log_pk', ['group_id', 'scope_key', 'day']).execute();
}

/** Back to one slot per group and day (keeps the earliest of a day's scopes). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('urge_log as u').where('u.scope_key', '<>', 'all').execute();
  await db.schema.alterTable('urge_log').dropConstraint('urge_log_pk').execute();
  await db.schema.alterTable('urge_log').addPrimaryKeyConstraint('urge_log_pk', ['group_id', 'day']).execute();
  await db.schema.alterTable('urge_log').dropColumn('scope_key').execute();
}
