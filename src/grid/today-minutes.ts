import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { localDayBounds } from './local-day.js';
import { patrolMinutesBetween } from './patrol-repository.js';

/** Minutes a member has patrolled on the local day of `now` (an open patrol counts up to now). */
export async function todayMinutes(db: Kysely<Database> | Transaction<Database>, memberId: number, tz: string, now: Date, boundMinutes: number): Promise<number> {
  const { from, to } = localDayBounds(now, tz);
  return patrolMinutesBetween(db, memberId, from, to, now, boundMinutes);
}
