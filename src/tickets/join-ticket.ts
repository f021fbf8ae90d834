import { sql, type Transaction } from 'kysely';
import type { Database, Ticket } from '../db/database.js';
import type { ChatAddress } from '../messages/incoming-message.js';
import { ownerAudienceSql, type NotifyPerson } from './notify.js';
import { IN_PLAY } from './statuses.js';

/** An open ticket a repeat report joins, with who is told of it (its owner, or the admins). */
export type OpenTicket = Ticket & { audience: NotifyPerson[] };

/**
 * The first ticket still in play of a category in a building, locked (every such ticket is, as
 * before the fold) with its audience read in the same statement. Call it after the filing lock of
 * the place is held, in a later statement, so a ticket filed meanwhile is seen.
 */
export async function lockOpenTicket(tx: Transaction<Database>, estateId: number, buildingId: number, category: string): Promise<OpenTicket | null> {
  const row = await tx
    .selectFrom('tickets as t')
    .selectAll('t')
    .select(ownerAudienceSql('t').as('audience'))
    .where('t.estate_id', '=', estateId)
    .where('t.building_id', '=', buildingId)
    .where('t.category', '=', category)
    .where('t.status', 'in', IN_PLAY)
    .orderBy('t.id')
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** A member reporting a ticket again, from a chat. */
export interface RepeatReport {
  memberId: number;
  origin: ChatAddress;
  sourceKey: string;
  /** Phone numbers already masked. */
  text: string;
  now: Date;
}

/**
 * Add a member to a ticket's reporters, once: where they are new, its 'joined' event and its
 * updated_at go with it, in one statement. Returns whether they were new and how many reporters
 * it has now.
 */
export async function joinTicket(tx: Transaction<Database>, ticketId: number, j: RepeatReport): Promise<{ joined: boolean; count: number }> {
  const now = sql`${j.now}::timestamptz`;
  const { rows } = await sql<{ joined: boolean; count: string }>`
    with reporter as (
      insert into ticket_reporters (ticket_id, member_id, platform, chat_id, source_key, created_at)
      values (${ticketId}, ${j.memberId}, ${j.origin.platform}, ${j.origin.chatId}, ${j.sourceKey}, ${now})
      on conflict (ticket_id, member_id) do nothing
      returning id
    ),
    joined as (
      insert into ticket_events (ticket_id, kind, actor_member_id, detail, created_at)
      select ${ticketId}, 'joined', ${j.memberId}, ${JSON.stringify({ text: j.text })}::jsonb, ${now} from reporter
    ),
    touched as (
      update tickets set updated_at = ${now} where id = ${ticketId} and exists (select 1 from reporter)
    )
    -- This statement's snapshot does not hold its own insert: the new reporter is counted apart.
    select exists (select 1 from reporter) as joined,
      (select count(*) from ticket_reporters where ticket_id = ${ticketId}) + (select count(*) from reporter) as count`.execute(tx);
  return { joined: rows[0].joined, count: Number(rows[0].count) };
}
