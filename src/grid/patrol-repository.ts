import type { Kysely, Transaction } from 'kysely';
import type { Database, Patrol } from '../db/database.js';
import type { ChatAddress } from '../messages/incoming-message.js';
import { autoCloseAt, totalMinutes } from './patrol-minutes.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A member's open patrol, locked when in a transaction; null when none is open. */
export async function openPatrolOf(db: Db, memberId: number): Promise<Patrol | null> {
  const row = await db.selectFrom('patrols').selectAll().where('member_id', '=', memberId).where('ended_at', 'is', null).forUpdate().executeTakeFirst();
  return row ?? null;
}

/** Start a patrol; returns the open one instead when there already is one. */
export async function startPatrol(
  tx: Transaction<Database>,
  p: { estateId: number; memberId: number; zoneId: number | null; at: Date; key: string; origin: ChatAddress },
): Promise<{ patrol: Patrol; started: boolean }> {
  const open = await openPatrolOf(tx, p.memberId);
  if (open) return { patrol: open, started: false };
  const patrol = await tx
    .insertInto('patrols')
    .values({ estate_id: p.estateId, member_id: p.memberId, zone_id: p.zoneId, started_at: p.at, ended_at: null, origin_platform: p.origin.platform, origin_chat_id: p.origin.chatId, source_key: p.key })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { patrol, started: true };
}

/** End a patrol at `at`, never later than its bound (then it is marked closed automatically). */
export async function endPatrol(tx: Transaction<Database>, patrol: Patrol, at: Date, boundMinutes: number): Promise<Patrol> {
  const bound = autoCloseAt(patrol.started_at, boundMinutes);
  const auto = at.getTime() > bound.getTime();
  return tx
    .updateTable('patrols')
    .set({ ended_at: auto ? bound : at, auto_closed: auto })
    .where('id', '=', patrol.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Minutes a member patrolled in [from, to) (patrols counted on the day they started). */
export async function patrolMinutesBetween(db: Db, memberId: number, from: Date, to: Date, now: Date, boundMinutes: number): Promise<number> {
  const rows = await db
    .selectFrom('patrols')
    .select(['started_at', 'ended_at'])
    .where('member_id', '=', memberId)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .execute();
  return totalMinutes(rows.map((r) => ({ startedAt: r.started_at, endedAt: r.ended_at })), now, boundMinutes);
}

/** How many notes and location points a patrol has. */
export async function patrolCounts(db: Db, patrolId: number): Promise<{ notes: number; points: number }> {
  const notes = await db.selectFrom('field_notes').select((e) => e.fn.countAll<string>().as('n')).where('patrol_id', '=', patrolId).executeTakeFirstOrThrow();
  const points = await db.selectFrom('patrol_points').select((e) => e.fn.countAll<string>().as('n')).where('patrol_id', '=', patrolId).executeTakeFirstOrThrow();
  return { notes: Number(notes.n), points: Number(points.n) };
}
