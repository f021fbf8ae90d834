import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A note may still become a ticket (转工单) this long after it was written. */
export const TO_TICKET_WINDOW_MS = 24 * 3600_000;

/** A patrol note (巡查发现) or a visit (走访), as staff see it. */
export interface FieldNote {
  id: number;
  kind: 'patrol' | 'visit';
  text: string;
  householdId: number | null;
  patrolId: number | null;
  ticketId: number | null;
  createdAt: Date;
}

/** 'N3': how a note is named in replies. */
export function noteRef(id: number): string {
  return `N${id}`;
}

/** Record a note; a re-run of the same message returns the note it already wrote. */
export async function addFieldNote(
  tx: Transaction<Database>,
  n: { estateId: number; memberId: number; kind: 'patrol' | 'visit'; patrolId?: number; householdId?: number; text: string; key: string; at: Date },
): Promise<number> {
  const row = await tx
    .insertInto('field_notes')
    .values({
      estate_id: n.estateId,
      member_id: n.memberId,
      kind: n.kind,
      patrol_id: n.patrolId ?? null,
      household_id: n.householdId ?? null,
      text: n.text,
      ticket_id: null,
      source_key: n.key,
      created_at: n.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The member's latest note not yet a ticket, written within the window; locked. */
export async function latestOpenNote(tx: Transaction<Database>, memberId: number, now: Date): Promise<FieldNote | null> {
  const row = await tx
    .selectFrom('field_notes')
    .select(['id', 'kind', 'text', 'household_id as householdId', 'patrol_id as patrolId', 'ticket_id as ticketId', 'created_at as createdAt'])
    .where('member_id', '=', memberId)
    .where('created_at', '>=', new Date(now.getTime() - TO_TICKET_WINDOW_MS))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** A household's visits, newest first, with who made them (staff only). */
export async function visitsOf(db: Db, householdId: number, limit = 20): Promise<{ id: number; text: string; createdAt: Date; by: string | null; ticketId: number | null }[]> {
  return db
    .selectFrom('field_notes as n')
    .innerJoin('members as m', 'm.id', 'n.member_id')
    .select(['n.id', 'n.text', 'n.created_at as createdAt', 'm.display_name as by', 'n.ticket_id as ticketId'])
    .where('n.household_id', '=', householdId)
    .where('n.kind', '=', 'visit')
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}
