import { Kysely, sql } from 'kysely';

/** Core schema: estates and their households, members and roles, chat groups, fee ledger, audit, outbox. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('estates')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-Hans'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('zones')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('zones_estate_code', ['estate_id', 'code'])
    .execute();

  await db.schema
    .createTable('buildings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('zone_id', 'integer', (c) => c.references('zones.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addUniqueConstraint('buildings_estate_code', ['estate_id', 'code'])
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('building_id', 'integer', (c) => c.notNull().references('buildings.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addUniqueConstraint('units_building_code', ['building_id', 'code'])
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('building_id', 'integer', (c) => c.notNull().references('buildings.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('room', 'text', (c) => c.notNull())
    .addColumn('room_code', 'text', (c) => c.notNull())
    // Personal data from the roster: never in job payloads or public messages.
    .addColumn('resident_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('households_estate_room', ['estate_id', 'room_code'])
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_user_id', 'text', (c) => c.notNull())
    // Shown to staff only (e.g. the owner of a ticket); never grants anything.
    .addColumn('display_name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('members_platform_user', ['platform', 'platform_user_id'])
    .execute();

  await db.schema
    .createTable('roles')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('head', 'grid_worker', 'admin')`))
    .addColumn('zone_id', 'integer', (c) => c.references('zones.id'))
    .addColumn('building_id', 'integer', (c) => c.references('buildings.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index roles_unique on roles (member_id, estate_id, role, coalesce(zone_id, 0), coalesce(building_id, 0))`.execute(db);

  await db.schema
    .createTable('chat_groups')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('estate_id', 'integer', (c) => c.references('estates.id'))
    .addColumn('zone_id', 'integer', (c) => c.references('zones.id'))
    .addColumn('building_id', 'integer', (c) => c.references('buildings.id'))
    .addColumn('is_staff', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('unlinked_notice_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('chat_groups_platform_chat', ['platform', 'chat_id'])
    .execute();

  await db.schema
    .createTable('fee_plans')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('start_month', 'text', (c) => c.notNull().check(sql`start_month ~ '^[0-9]{4}-[0-9]{2}$'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('fee_plans_estate_name', ['estate_id', 'name'])
    .execute();

  // B-refs: a member asks to be bound to a household; staff decide.
  await db.schema
    .createTable('bindings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'confirmed', 'rejected')`))
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('decided_by', 'integer', (c) => c.references('members.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create unique index bindings_one_confirmed on bindings (member_id, household_id) where status = 'confirmed'`.execute(db);

  // P-refs. Append-only: a row is never updated; its decision is a row in payment_decisions.
  await db.schema
    .createTable('payments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('fee_plan_id', 'integer', (c) => c.notNull().references('fee_plans.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('claim', 'collection', 'correction')`))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('corrects_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_household').on('payments').columns(['household_id']).execute();
  await db.schema.createIndex('payments_estate_created').on('payments').columns(['estate_id', 'created_at']).execute();

  await db.schema
    .createTable('payment_decisions')
    .addColumn('payment_id', 'integer', (c) => c.primaryKey().references('payments.id'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('confirmed', 'rejected')`))
    .addColumn('decided_by', 'integer', (c) => c.references('members.id'))
    .addColumn('reason', 'text')
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payment_decisions_at').on('payment_decisions').columns(['decided_at']).execute();

  await sql`create function linli_append_only() returns trigger language plpgsql as $$
    begin raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name; end $$`.execute(db);
  for (const table of ['payments', 'payment_decisions', 'audit_log']) {
    // audit_log is created below; the trigger is added after it.
    if (table === 'audit_log') continue;
    await sql`create trigger ${sql.raw(table)}_append_only before update or delete on ${sql.table(table)}
      for each row execute function linli_append_only()`.execute(db);
  }

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.references('estates.id'))
    .addColumn('actor_member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function linli_append_only()`.execute(db);

  // One row per command that took effect: the idempotency record of a job.
  await db.schema
    .createTable('processed_commands')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('job_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Every outgoing message, written in the job's transaction, then drained by the sender.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('mentions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('outbox_pending').on('outbox').columns(['status', 'id']).where(sql.ref('status'), '=', 'pending').execute();
}

/** Drops everything the core created. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['outbox', 'processed_commands', 'audit_log', 'payment_decisions', 'payments', 'bindings', 'fee_plans', 'chat_groups', 'roles', 'members', 'households', 'units', 'buildings', 'zones', 'estates']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop function if exists linli_append_only()`.execute(db);
}
