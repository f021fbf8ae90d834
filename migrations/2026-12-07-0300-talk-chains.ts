import type { Kysely } from 'kysely';

/**
 * 接龙 chains. WeChat reposts the whole list each time a member adds a line, so every line of a
 * chain seen once is kept (by its key: its words hashed), and a household is counted once per
 * chain; both by primary key, so two members adding at once each count their own line, once.
 * A staff member's chain is held (ledger_holds, with no duplicate behind it) until 确认收费.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('chain_lines')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('chain_key', 'text', (c) => c.notNull())
    .addColumn('line_key', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('chain_lines_pk', ['platform', 'chat_id', 'chain_key', 'line_key'])
    .execute();
  await db.schema
    .createTable('chain_rooms')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('chain_key', 'text', (c) => c.notNull())
    .addColumn('room', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('chain_rooms_pk', ['platform', 'chat_id', 'chain_key', 'room'])
    .execute();
  await db.schema.alterTable('ledger_holds').alterColumn('duplicate_of', (c) => c.dropNotNull()).execute();
}

/** Drops the chain tables (held chain lines without a duplicate are dropped too). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('ledger_holds').where('duplicate_of', 'is', null).execute();
  await db.schema.alterTable('ledger_holds').alterColumn('duplicate_of', (c) => c.setNotNull()).execute();
  await db.schema.dropTable('chain_rooms').ifExists().execute();
  await db.schema.dropTable('chain_lines').ifExists().execute();
}
