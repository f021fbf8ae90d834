import { Kysely, sql } from 'kysely';

// Every role of the glossary, so features that add roles can land in any order.
const ALL_ROLES = sql`('head', 'grid_worker', 'admin', 'panelist', 'property', 'committee')`;

/**
 * The grid worker's day and the committee: patrols (with notes and locations), visit logs,
 * surveys and their answers, property-service companies and the roles `property` and `committee`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table roles drop constraint if exists roles_role_check`.execute(db);
  await sql`alter table roles add constraint roles_role_check check (role in ${ALL_ROLES})`.execute(db);
  await sql`alter table invitations drop constraint if exists invitations_role_check`.execute(db);
  await sql`alter table invitations add constraint invitations_role_check check (role in ${ALL_ROLES})`.execute(db);

  // A property-service company serving some ticket categories of one estate, with its own SLA.
  await db.schema
    .createTable('property_companies')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // Null: the category's SLA of the estate (or the default) applies.
    .addColumn('accept_minutes', 'integer', (c) => c.check(sql`accept_minutes > 0`))
    .addColumn('resolve_minutes', 'integer', (c) => c.check(sql`resolve_minutes > 0`))
    // 先尝后买: the last month of a trial period, 'YYYY-MM'; null when engaged outright.
    .addColumn('trial_until', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('property_companies_name', ['estate_id', 'name'])
    .execute();
  await db.schema.alterTable('roles').addColumn('property_company_id', 'integer', (c) => c.references('property_companies.id')).execute();
  // A committee member's party (community, grid, residents, property) shares the column the
  // scoring migration made for a panelist's party: widen its check to both lists.
  await sql`alter table roles add column if not exists party text`.execute(db);
  await sql`alter table roles drop constraint if exists roles_party_check`.execute(db);
  await sql`alter table roles add constraint roles_party_check check (party in ('community', 'property', 'owners_committee', 'resident_rep', 'grid', 'residents'))`.execute(db);
  await db.schema.alterTable('tickets').addColumn('property_company_id', 'integer', (c) => c.references('property_companies.id')).execute();

  await db.schema
    .createTable('patrol_settings')
    .addColumn('estate_id', 'integer', (c) => c.primaryKey().references('estates.id'))
    .addColumn('target_minutes', 'integer', (c) => c.notNull().defaultTo(60).check(sql`target_minutes > 0`))
    .addColumn('reminder_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    // 'H:MM' in the estate's zone.
    .addColumn('reminder_time', 'text', (c) => c.notNull().defaultTo('16:30'))
    // Weekdays with no reminder, 0 = Sunday.
    .addColumn('days_off', 'jsonb', (c) => c.notNull().defaultTo(sql`'[0, 6]'::jsonb`))
    .addColumn('auto_close_minutes', 'integer', (c) => c.notNull().defaultTo(240).check(sql`auto_close_minutes > 0`))
    .execute();

  await db.schema
    .createTable('patrols')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('zone_id', 'integer', (c) => c.references('zones.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    // Closed by the bound, not by the grid worker: counted only up to the bound.
    .addColumn('auto_closed', 'boolean', (c) => c.notNull().defaultTo(false))
    // The chat it was started from: where the grid worker is told if no private chat is possible.
    .addColumn('origin_platform', 'text', (c) => c.notNull())
    .addColumn('origin_chat_id', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .execute();
  await sql`create unique index patrols_one_open on patrols (member_id) where ended_at is null`.execute(db);
  await db.schema.createIndex('patrols_member_started').on('patrols').columns(['member_id', 'started_at']).execute();

  await db.schema
    .createTable('patrol_points')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('patrol_id', 'integer', (c) => c.notNull().references('patrols.id'))
    // Degrees × 10^6: integers, about 10 cm.
    .addColumn('latitude_e6', 'integer', (c) => c.notNull())
    .addColumn('longitude_e6', 'integer', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // What a grid worker noted on a patrol (巡查发现) or a household visit (走访); staff only.
  await db.schema
    .createTable('field_notes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('patrol', 'visit')`))
    .addColumn('patrol_id', 'integer', (c) => c.references('patrols.id'))
    .addColumn('household_id', 'integer', (c) => c.references('households.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('field_notes_kind_link', sql`(kind = 'patrol') = (patrol_id is not null) and (kind = 'visit') = (household_id is not null)`)
    .execute();
  await db.schema.createIndex('field_notes_member').on('field_notes').columns(['member_id', 'created_at']).execute();
  await db.schema.createIndex('field_notes_household').on('field_notes').columns(['household_id', 'created_at']).execute();

  // One afternoon reminder per grid worker and local day.
  await db.schema
    .createTable('patrol_reminders')
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('patrol_reminders_pk', ['member_id', 'day'])
    .execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('questions', 'jsonb', (c) => c.notNull())
    .addColumn('free_text', 'text')
    .addColumn('zone_id', 'integer', (c) => c.references('zones.id'))
    .addColumn('building_id', 'integer', (c) => c.references('buildings.id'))
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    // The monthly service rating of a property company.
    .addColumn('property_company_id', 'integer', (c) => c.references('property_companies.id'))
    .addColumn('created_by', 'integer', (c) => c.references('members.id'))
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('scores', 'jsonb', (c) => c.notNull())
    .addColumn('free_text', 'text')
    .addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('chat', 'door')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('survey_answers_one_per_household', ['survey_id', 'household_id'])
    .execute();

  // A household's members are chased at most once a day per survey.
  await db.schema
    .createTable('survey_chases')
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_chases_pk', ['survey_id', 'member_id', 'day'])
    .execute();
}

/** Drops the grid worker's day and the committee (the roles check keeps the wider list). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['survey_chases', 'survey_answers', 'surveys', 'patrol_reminders', 'field_notes', 'patrol_points', 'patrols', 'patrol_settings']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('tickets').dropColumn('property_company_id').execute();
  await sql`alter table roles drop constraint if exists roles_party_check`.execute(db);
  await sql`update roles set party = null where party in ('grid', 'residents')`.execute(db);
  await sql`alter table roles add constraint roles_party_check check (party in ('community', 'property', 'owners_committee', 'resident_rep'))`.execute(db);
  await db.schema.alterTable('roles').dropColumn('property_company_id').execute();
  await db.schema.dropTable('property_companies').ifExists().execute();
}
