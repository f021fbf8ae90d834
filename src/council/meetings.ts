import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Reminders go out this long before a meeting. */
export const MEETING_REMINDERS = [
  { kind: 'day_before', beforeMs: 24 * 3_600_000 },
  { kind: 'hour_before', beforeMs: 3_600_000 },
] as const;

/** A meeting of this estate by id. */
export async function findMeeting(db: Db, estateId: number, id: number) {
  if (id > 2_147_483_647) return null;
  return (await db.selectFrom('meetings').selectAll().where('id', '=', id).where('estate_id', '=', estateId).executeTakeFirst()) ?? null;
}

/** Put proposals on a meeting's agenda, in order; each goes from open to agenda. */
export async function setAgenda(tx: Transaction<Database>, meetingId: number, proposalIds: number[]): Promise<void> {
  if (proposalIds.length === 0) return;
  await tx
    .insertInto('meeting_agenda')
    .values(proposalIds.map((p, i) => ({ meeting_id: meetingId, proposal_id: p, position: i + 1 })))
    .onConflict((c) => c.columns(['meeting_id', 'proposal_id']).doNothing())
    .execute();
  await tx.updateTable('proposals').set({ status: 'agenda' }).where('id', 'in', proposalIds).where('status', '=', 'open').execute();
}

/** The agenda of a meeting: proposal refs and texts in order. */
export async function agendaOf(db: Db, meetingId: number): Promise<{ id: number; text: string }[]> {
  return db
    .selectFrom('meeting_agenda as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .select(['p.id', 'p.text'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .execute();
}

/**
 * Reminders due at `now`: a meeting still scheduled whose reminder time has come and not yet gone
 * out; a reminder whose time had already passed when the meeting was scheduled is skipped.
 */
export async function dueReminders(db: Db, now: Date): Promise<{ meetingId: number; kind: 'day_before' | 'hour_before' }[]> {
  const out: { meetingId: number; kind: 'day_before' | 'hour_before' }[] = [];
  for (const r of MEETING_REMINDERS) {
    const rows = await db
      .selectFrom('meetings as m')
      .select('m.id')
      .where('m.status', '=', 'scheduled')
      .where('m.starts_at', '>', now)
      .where('m.starts_at', '<=', new Date(now.getTime() + r.beforeMs))
      .where(sql<boolean>`m.created_at <= m.starts_at - make_interval(secs => ${r.beforeMs / 1000})`)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('meeting_reminders as r').select('r.meeting_id').whereRef('r.meeting_id', '=', 'm.id').where('r.kind', '=', r.kind))))
      .execute();
    for (const m of rows) out.push({ meetingId: m.id, kind: r.kind });
  }
  return out;
}
