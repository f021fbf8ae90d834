import { Kysely, sql } from 'kysely';

const PARTIES = sql`('community', 'property', 'owners_committee', 'resident_rep', 'grid', 'residents')`;

/**
 * Property-service companies managed from the command line: an invitation may name the company a
 * `property` member works for and a committee member's party; a company can be ended, and a trial
 * period (先尝后买) can end in a poll on continuing, decided once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').addColumn('property_company_id', 'integer', (c) => c.references('property_companies.id')).execute();
  await sql`alter table invitations drop constraint if exists invitations_party_check`.execute(db);
  await sql`alter table invitations add constraint invitations_party_check check (party in ${PARTIES})`.execute(db);
  await db.schema
    .alterTable('property_companies')
    // Null while it serves the estate; set when the estate ends it (tickets route to the grid again).
    .addColumn('ended_at', 'timestamptz')
    // At the end of a trial: open a poll of households on continuing.
    .addColumn('trial_poll', 'boolean', (c) => c.notNull().defaultTo(false))
    // When the end of its trial was handled (result posted, poll opened): once.
    .addColumn('trial_closed_at', 'timestamptz')
    .addColumn('trial_vote_id', 'integer', (c) => c.references('votes.id'))
    .execute();
}

/** Drops the columns; invitations' party check goes back to the panel's parties. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('property_companies').dropColumn('trial_vote_id').dropColumn('trial_closed_at').dropColumn('trial_poll').dropColumn('ended_at').execute();
  await sql`alter table invitations drop constraint if exists invitations_party_check`.execute(db);
  await sql`update invitations set party = null where party in ('grid', 'residents')`.execute(db);
  await sql`alter table invitations add constraint invitations_party_check check (party in ('community', 'property', 'owners_committee', 'resident_rep'))`.execute(db);
  await db.schema.alterTable('invitations').dropColumn('property_company_id').execute();
}
