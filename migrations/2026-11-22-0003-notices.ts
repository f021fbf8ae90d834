import { Kysely, sql } from 'kysely';

/** Weekly notices, daily tallies, reminders and arrears chasing. */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per estate that changed the defaults (Sunday 20:00 notice, 21:00 tally, estate time zone).
  await db.schema
    .createTable('notice_settings')
    .addColumn('estate_id', 'integer', (c) => c.primaryKey().references('estates.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull().defaultTo(0).check(sql`weekday between 0 and 6`))
    .addColumn('notice_time', 'text', (c) => c.notNull().defaultTo('20:00').check(sql`notice_time ~ '^[0-9]{1,2}:[0-9]{2}$'`))
    .addColumn('tally_time', 'text', (c) => c.notNull().defaultTo('21:00').check(sql`tally_time ~ '^[0-9]{1,2}:[0-9]{2}$'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The exactly-once record of the weekly notice: one row per group per week, whoever runs it.
  await db.schema
    .createTable('posted_notices')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('group_id', 'integer', (c) => c.notNull().references('chat_groups.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('slot', 'timestamptz', (c) => c.notNull())
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('outbox_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('posted_notices_group_week', ['group_id', 'week'])
    .execute();

  // R-refs. A reminder speaks in the chat it was made in.
  await db.schema
    .createTable('reminders')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('schedule', 'jsonb', (c) => c.notNull())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'cancelled', 'done')`))
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('cancelled_by', 'integer', (c) => c.references('members.id'))
    .addColumn('cancelled_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('reminders_active').on('reminders').columns(['status', 'estate_id']).execute();

  // One row per reminder firing: a scheduler that fires twice still speaks once.
  await db.schema
    .createTable('reminder_firings')
    .addColumn('reminder_id', 'integer', (c) => c.notNull().references('reminders.id'))
    .addColumn('slot', 'timestamptz', (c) => c.notNull())
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_firings_pk', ['reminder_id', 'slot'])
    .execute();

  // At most one 催缴 per group per local day.
  await db.schema
    .createTable('urge_log')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('chat_groups.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('urge_log_pk', ['group_id', 'day'])
    .execute();

  // One scheduled tally per grid worker, zone and local day.
  await db.schema
    .createTable('tally_log')
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('zone_id', 'integer', (c) => c.notNull().references('zones.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('tally_log_pk', ['member_id', 'zone_id', 'day'])
    .execute();
}

/** Drops what this migration created. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['tally_log', 'urge_log', 'reminder_firings', 'reminders', 'posted_notices', 'notice_settings']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
