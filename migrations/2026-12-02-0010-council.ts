import { Kysely, sql } from 'kysely';

/**
 * The residents' council (issue 13): floor areas and how a member relates to a household, proposals
 * (Y-refs) and their supports, round-table meetings (M-refs) with agenda, minutes and decisions that
 * become tracked tasks (D-refs), votes (V-refs: polls and owners' decisions under Civil Code art. 278)
 * with the roster snapshotted at opening, ballots from every channel, and proof of notice delivery.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Hundredths of m²; null = not known yet (an owners' decision cannot open over unknown areas).
  await db.schema.alterTable('households').addColumn('floor_area', 'integer', (c) => c.check(sql`floor_area > 0`)).execute();

  // How the member relates to the household: set when staff confirm the binding or from the roster.
  await db.schema
    .alterTable('bindings')
    .addColumn('relation', 'text', (c) => c.check(sql`relation in ('owner', 'tenant', 'family')`))
    // A tenant or family member the owner designated to vote for the household.
    .addColumn('designated', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('relation_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('council_settings')
    .addColumn('estate_id', 'integer', (c) => c.primaryKey().references('estates.id'))
    .addColumn('support_threshold', 'integer', (c) => c.notNull().defaultTo(10).check(sql`support_threshold > 0`))
    .execute();

  // Y-refs.
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('proposer_member_id', 'integer', (c) => c.notNull().references('members.id'))
    // The household the proposer spoke for; null when staff proposed.
    .addColumn('household_id', 'integer', (c) => c.references('households.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'agenda', 'merged', 'declined', 'decided')`))
    .addColumn('merged_into', 'integer', (c) => c.references('proposals.id'))
    .addColumn('reason', 'text')
    .addColumn('threshold_reached_at', 'timestamptz')
    .addColumn('origin_platform', 'text', (c) => c.notNull())
    .addColumn('origin_chat_id', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposals_estate_status').on('proposals').columns(['estate_id', 'status', 'id']).execute();

  // One support per household: the primary key decides races.
  await db.schema
    .createTable('proposal_supports')
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('proposal_supports_pk', ['proposal_id', 'household_id'])
    .execute();

  // M-refs. Times are UTC; shown in the estate's zone.
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled', 'held', 'cancelled')`))
    .addColumn('minutes', 'text')
    .addColumn('minutes_at', 'timestamptz')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('members.id'))
    // The group told of the meeting, and reminded.
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_scheduled').on('meetings').columns(['status', 'starts_at']).execute();

  await db.schema
    .createTable('meeting_agenda')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_agenda_pk', ['meeting_id', 'proposal_id'])
    .execute();

  // The exactly-once record of a meeting reminder (the day before, an hour before).
  await db.schema
    .createTable('meeting_reminders')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('day_before', 'hour_before')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_reminders_pk', ['meeting_id', 'kind'])
    .execute();

  // D-refs: a meeting's decision, tracked like a ticket until done.
  await db.schema
    .createTable('council_tasks')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('proposal_id', 'integer', (c) => c.references('proposals.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    // Who carries it out, as the minutes say (物业, 刘雅玲, 业委会); a public role, not a resident.
    .addColumn('owner', 'text', (c) => c.notNull())
    // A local date 'YYYY-MM-DD' in the estate's zone.
    .addColumn('due_on', 'text', (c) => c.notNull().check(sql`due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'done')`))
    .addColumn('progress', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('council_tasks_estate_status').on('council_tasks').columns(['estate_id', 'status', 'id']).execute();

  // V-refs.
  await db.schema
    .createTable('votes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('poll', 'decision')`))
    // Owners' decisions only.
    .addColumn('matter_class', 'text', (c) => c.check(sql`matter_class in ('ordinary', 'special')`))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('estate', 'buildings')`))
    .addColumn('title', 'text', (c) => c.notNull())
    // Poll options in order; a decision's are yes / no / abstain.
    .addColumn('options', 'jsonb', (c) => c.notNull())
    .addColumn('secret', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('proposal_id', 'integer', (c) => c.references('proposals.id'))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deadline', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    // The count at the deadline, kept as published.
    .addColumn('result', 'jsonb')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('members.id'))
    // The group the vote was opened in: told of it, and of its result.
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('votes_decision_class', sql`(kind = 'decision') = (matter_class is not null)`)
    .addCheckConstraint('votes_deadline_after_open', sql`deadline > opened_at`)
    .execute();
  await db.schema.createIndex('votes_open_deadline').on('votes').columns(['status', 'deadline']).execute();

  await db.schema
    .createTable('vote_buildings')
    .addColumn('vote_id', 'integer', (c) => c.notNull().references('votes.id'))
    .addColumn('building_id', 'integer', (c) => c.notNull().references('buildings.id'))
    .addPrimaryKeyConstraint('vote_buildings_pk', ['vote_id', 'building_id'])
    .execute();

  // The scope's households as they stood when the vote opened (area, and which owner they belong to),
  // so the count at the deadline is the one the roster allowed at opening and can be re-done later.
  await db.schema
    .createTable('vote_parts')
    .addColumn('vote_id', 'integer', (c) => c.notNull().references('votes.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('building_id', 'integer', (c) => c.notNull().references('buildings.id'))
    .addColumn('area', 'integer')
    .addColumn('person_key', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_parts_pk', ['vote_id', 'household_id'])
    .execute();

  // Every ballot ever cast, append-only: the last one before the deadline counts, the rest are the audit.
  await db.schema
    .createTable('ballots')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('vote_id', 'integer', (c) => c.notNull().references('votes.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('chat', 'paper')`))
    // The owner who voted in the chat, or the staff member who entered a paper ballot.
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    // A photo of the paper ballot.
    .addColumn('photo_file_id', 'text')
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('cast_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('ballots_source_household', ['source_key', 'household_id'])
    .execute();
  await db.schema.createIndex('ballots_vote_household').on('ballots').columns(['vote_id', 'household_id', 'id']).execute();
  await sql`create trigger ballots_append_only before update or delete on ballots
    for each row execute function linli_append_only()`.execute(db);

  // Proof of delivery of the ballot notice, per household: a chat message to a bound member (its
  // outbox row says when it went out) or a door-to-door visit entered by staff.
  await db.schema
    .createTable('ballot_notices')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('vote_id', 'integer', (c) => c.notNull().references('votes.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('chat', 'visit')`))
    // The bound member told in the chat, or the staff member who visited.
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('outbox_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('ballot_notices_once', ['vote_id', 'household_id', 'channel', 'member_id'])
    .execute();

  // At most one nudge of the not-yet-voted per vote per local day.
  await db.schema
    .createTable('vote_nudges')
    .addColumn('vote_id', 'integer', (c) => c.notNull().references('votes.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_nudges_pk', ['vote_id', 'day'])
    .execute();
}

/** Drops what this migration created. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['vote_nudges', 'ballot_notices', 'ballots', 'vote_parts', 'vote_buildings', 'votes', 'council_tasks', 'meeting_reminders', 'meeting_agenda', 'meetings', 'proposal_supports', 'proposals', 'council_settings']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('bindings').dropColumn('relation').dropColumn('designated').dropColumn('relation_at').execute();
  await db.schema.alterTable('households').dropColumn('floor_area').execute();
}
