import type { Kysely, Transaction } from 'kysely';
import type { Database, Ticket } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

const MAX_ID = 2_147_483_647;

/** 'T7' → 7; null for another kind of ref or an id Postgres cannot hold (simply not found). */
export function ticketIdOf(ref: string): number | null {
  if (!/^T\d+$/.test(ref)) return null;
  const id = Number(ref.slice(1));
  return Number.isSafeInteger(id) && id > 0 && id <= MAX_ID ? id : null;
}

/** 'T7'. */
export function ticketRef(id: number): string {
  return `T${id}`;
}

/** A ticket of an estate by ref, locked for the rest of the transaction; null if there is none. */
export async function lockTicket(tx: Transaction<Database>, estateId: number, ref: string): Promise<Ticket | null> {
  const id = ticketIdOf(ref);
  if (id === null) return null;
  const row = await tx.selectFrom('tickets').selectAll().where('id', '=', id).where('estate_id', '=', estateId).forUpdate().executeTakeFirst();
  return row ?? null;
}

/** Append one step to a ticket's history. */
export async function addEvent(db: Db, ticketId: number, kind: string, actorId: number | null, at: Date, detail: Record<string, unknown> = {}): Promise<void> {
  await db.insertInto('ticket_events').values({ ticket_id: ticketId, kind, actor_member_id: actorId, detail: JSON.stringify(detail), created_at: at }).execute();
}

/** Everyone who reported a ticket, first reporter first, with the chat each reported from. */
export async function reportersOf(db: Db, ticketId: number): Promise<{ memberId: number; platform: string; platformUserId: string; chatPlatform: string; chatId: string }[]> {
  return db
    .selectFrom('ticket_reporters as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['m.id as memberId', 'm.platform', 'm.platform_user_id as platformUserId', 'r.platform as chatPlatform', 'r.chat_id as chatId'])
    .where('r.ticket_id', '=', ticketId)
    .orderBy('r.id')
    .execute();
}

/** How many members reported a ticket. */
export async function reporterCount(db: Db, ticketId: number): Promise<number> {
  const row = await db.selectFrom('ticket_reporters').select((e) => e.fn.countAll<string>().as('n')).where('ticket_id', '=', ticketId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A member's platform identity and the name staff know them by (staff only: never a resident's). */
export async function memberById(db: Db, id: number): Promise<{ id: number; platform: string; platformUserId: string; displayName: string | null }> {
  return db
    .selectFrom('members')
    .select(['id', 'platform', 'platform_user_id as platformUserId', 'display_name as displayName'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
