import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ScheduleSpec } from '../queue/schedule-spec.js';

/** Every how often the 红"栋"力 tick runs (open, close, remind). */
export const SCORING_TICK_EVERY_MS = 60 * 60_000;

/** The tick's scheduler: one for all estates, hourly and at worker start. */
export async function scoringSchedules(_db: Kysely<Database>): Promise<ScheduleSpec[]> {
  return [{ id: 'sched-scoring-tick', name: 'scoring-tick', data: { estateId: null }, repeat: { every: SCORING_TICK_EVERY_MS }, atStart: true }];
}
