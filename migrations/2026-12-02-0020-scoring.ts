import { type Kysely, sql } from 'kysely';

const ROLES = sql`('head', 'grid_worker', 'admin', 'panelist', 'property', 'committee')`;
const PARTIES = sql`('community', 'property', 'owners_committee', 'resident_rep')`;

/**
 * 红"栋"力: the panelist role with its party, rules versions, monthly rounds, scores, evidence
 * decisions, bonuses, published results, appeals; and 'credit' ledger rows for the subsidies.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Every role of the glossary, so features that add one can land in any order.
  await sql`alter table roles drop constraint if exists roles_role_check`.execute(db);
  await sql`alter table roles add constraint roles_role_check check (role in ${ROLES})`.execute(db);
  await sql`alter table invitations drop constraint if exists invitations_role_check`.execute(db);
  await sql`alter table invitations add constraint invitations_role_check check (role in ${ROLES})`.execute(db);
  // A panelist sits for one of the four parties.
  await sql`alter table roles add column if not exists party text check (party in ${PARTIES})`.execute(db);
  await sql`alter table invitations add column if not exists party text check (party in ${PARTIES})`.execute(db);

  // A credit (补贴) reduces what a household owes: counted in fen, never as money collected.
  // Its correction is a credit of the opposite sign that names it (corrects_id).
  await sql`alter table payments drop constraint if exists payments_kind_check`.execute(db);
  await sql`alter table payments add constraint payments_kind_check check (kind in ('claim', 'collection', 'correction', 'credit'))`.execute(db);
  await sql`create unique index if not exists payments_one_reversal on payments (corrects_id) where kind = 'credit' and corrects_id is not null`.execute(db);

  // Rules versions: the rules of a month are the latest version effective at or before it.
  await db.schema
    .createTable('scoring_rules')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('effective_month', 'text', (c) => c.notNull().check(sql`effective_month ~ '^[0-9]{4}-[0-9]{2}$'`))
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('members.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('scoring_rules_estate_month', ['estate_id', 'effective_month'])
    .execute();

  await db.schema
    .createTable('scoring_rounds')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('month', 'text', (c) => c.notNull().check(sql`month ~ '^[0-9]{4}-[0-9]{2}$'`))
    // The rules as they were for this month: later edits never reach back.
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed', 'published')`))
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('appeal_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('scoring_rounds_estate_month', ['estate_id', 'month'])
    .execute();

  // One number per panelist × unit × criterion; a panelist may correct it until the round closes.
  await db.schema
    .createTable('scoring_scores')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('scoring_rounds.id'))
    .addColumn('panelist_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points >= 0`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('chat', 'sheet')`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('scoring_scores_pk', ['round_id', 'panelist_id', 'unit_id', 'criterion'])
    .execute();

  await db.schema
    .createTable('scoring_bonuses')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('scoring_rounds.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // E-refs: a ticket of the month shown beside its unit, with what it proposes; the panel decides.
  await db.schema
    .createTable('scoring_evidence')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('scoring_rounds.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('proposal', 'text', (c) => c.notNull().check(sql`proposal in ('veto', 'deduction', 'exempt')`))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('confirmed', 'dismissed')`))
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('members.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('scoring_evidence_once', ['round_id', 'ticket_id'])
    .execute();

  // Each publication of a round (the first, and one per appeal that changed the ranking).
  await db.schema
    .createTable('scoring_publications')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('scoring_rounds.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('appeal_id', 'integer')
    .addColumn('published_by', 'integer', (c) => c.references('members.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('scoring_publications_pk', ['round_id', 'version'])
    .execute();

  await db.schema
    .createTable('scoring_results')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('scoring_rounds.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scored', 'vetoed', 'unscored')`))
    // Hundredths of a point.
    .addColumn('total_centi', 'integer')
    .addColumn('rank', 'integer')
    .addColumn('flag', 'boolean', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('scoring_results_pk', ['round_id', 'version', 'unit_id'])
    .execute();

  // A-refs.
  await db.schema
    .createTable('scoring_appeals')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('scoring_rounds.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('origin_platform', 'text', (c) => c.notNull())
    .addColumn('origin_chat_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'upheld', 'changed')`))
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('members.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Reminders to a panelist who has not finished: one per panelist, round and local day.
  await db.schema
    .createTable('scoring_reminders')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('scoring_rounds.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('scoring_reminders_pk', ['round_id', 'member_id', 'day'])
    .execute();
}

/** Drops the scoring tables and puts the role, party and kind checks back. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['scoring_reminders', 'scoring_appeals', 'scoring_results', 'scoring_publications', 'scoring_evidence', 'scoring_bonuses', 'scoring_scores', 'scoring_rounds', 'scoring_rules']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop index if exists payments_one_reversal`.execute(db);
  await sql`alter table roles drop column if exists party`.execute(db);
  await sql`alter table invitations drop column if exists party`.execute(db);
}
