import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** How an estate runs its patrols. */
export interface PatrolSettings {
  /** Minutes a grid worker should patrol each day (烟柳园: at least an hour). */
  targetMinutes: number;
  reminderEnabled: boolean;
  reminderHour: number;
  reminderMinute: number;
  /** Weekdays with no reminder, 0 = Sunday. */
  daysOff: number[];
  /** An open patrol is closed automatically this long after it started. */
  autoCloseMinutes: number;
}

/**
 * The reminder goes out within this long after the reminder time: a worker that was down all
 * afternoon does not remind anyone of the day's patrol at midnight.
 */
export const REMINDER_WINDOW_MINUTES = 180;

/** The defaults, for an estate that has set nothing. */
export const DEFAULT_PATROL_SETTINGS: Readonly<PatrolSettings> = Object.freeze({
  targetMinutes: 60,
  reminderEnabled: true,
  reminderHour: 16,
  reminderMinute: 30,
  daysOff: [0, 6],
  autoCloseMinutes: 240,
});

/** An estate's patrol settings, or the defaults. */
export async function patrolSettings(db: Db, estateId: number): Promise<PatrolSettings> {
  const row = await db.selectFrom('patrol_settings').selectAll().where('estate_id', '=', estateId).executeTakeFirst();
  if (!row) return { ...DEFAULT_PATROL_SETTINGS, daysOff: [...DEFAULT_PATROL_SETTINGS.daysOff] };
  const [h, m] = row.reminder_time.split(':').map(Number);
  return {
    targetMinutes: row.target_minutes,
    reminderEnabled: row.reminder_enabled,
    reminderHour: h,
    reminderMinute: m,
    daysOff: row.days_off,
    autoCloseMinutes: row.auto_close_minutes,
  };
}

/** Set some of an estate's patrol settings (the rest keep their values or defaults). */
export async function setPatrolSettings(db: Db, estateId: number, s: Partial<PatrolSettings>): Promise<void> {
  const cur = await patrolSettings(db, estateId);
  const next = { ...cur, ...s };
  const row = {
    target_minutes: next.targetMinutes,
    reminder_enabled: next.reminderEnabled,
    reminder_time: `${next.reminderHour}:${String(next.reminderMinute).padStart(2, '0')}`,
    days_off: JSON.stringify(next.daysOff),
    auto_close_minutes: next.autoCloseMinutes,
  };
  await db
    .insertInto('patrol_settings')
    .values({ estate_id: estateId, ...row })
    .onConflict((c) => c.column('estate_id').doUpdateSet(row))
    .execute();
}
