import { Kysely, sql } from 'kysely';

/** Tickets (T-refs): complaints and repairs, their reporters, history, photos, SLA rules and SLA marks. */
export async function up(db: Kysely<any>): Promise<void> {
  // Per-estate overrides of the SLA defaults in src/tickets/sla.ts.
  await db.schema
    .createTable('ticket_sla_rules')
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('accept_minutes', 'integer', (c) => c.notNull().check(sql`accept_minutes > 0`))
    .addColumn('resolve_minutes', 'integer', (c) => c.notNull().check(sql`resolve_minutes > 0`))
    .addPrimaryKeyConstraint('ticket_sla_rules_pk', ['estate_id', 'category'])
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    // The complaint as written, phone numbers masked.
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'accepted', 'resolved', 'closed')`))
    .addColumn('zone_id', 'integer', (c) => c.references('zones.id'))
    .addColumn('building_id', 'integer', (c) => c.references('buildings.id'))
    // Null: the estate's admins own it.
    .addColumn('owner_member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('reporter_member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('origin_platform', 'text', (c) => c.notNull())
    .addColumn('origin_chat_id', 'text', (c) => c.notNull())
    // A reopened ticket starts a new cycle: new due times, and SLA marks counted afresh.
    .addColumn('cycle', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('cycle_started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accept_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('resolve_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tickets_estate_status').on('tickets').columns(['estate_id', 'status', 'id']).execute();
  // The sweep reads only tickets still in play.
  await db.schema
    .createIndex('tickets_in_play_due')
    .on('tickets')
    .columns(['accept_due_at'])
    .where(sql.ref('status'), 'in', ['open', 'accepted'])
    .execute();
  await sql`create index tickets_open_by_place on tickets (estate_id, building_id, category) where status in ('open', 'accepted')`.execute(db);

  // Everyone who reported the problem: the first reporter, then each repeat that joined.
  await db.schema
    .createTable('ticket_reporters')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('ticket_reporters_once', ['ticket_id', 'member_id'])
    .execute();

  // History: append-only, one row per step, with who and when.
  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'id']).execute();
  await sql`create trigger ticket_events_append_only before update or delete on ticket_events
    for each row execute function linli_append_only()`.execute(db);

  await db.schema
    .createTable('ticket_photos')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    // Platform file id; the image is fetched only when someone needs it.
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('ticket_photos_once', ['source_key', 'file_id'])
    .execute();

  // One row per (ticket, cycle, mark): the row decides that a reminder or escalation happens once.
  await db.schema
    .createTable('ticket_sla_marks')
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('mark', 'text', (c) => c.notNull().check(sql`mark in ('accept_reminder', 'accept_escalation', 'resolve_reminder', 'resolve_escalation')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_sla_marks_pk', ['ticket_id', 'cycle', 'mark'])
    .execute();
}

/** Drops the ticket tables. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ticket_sla_marks', 'ticket_photos', 'ticket_events', 'ticket_reporters', 'tickets', 'ticket_sla_rules']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
