import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './column-types.js';
import type { ReminderSchedule } from '../../time/reminder-schedule.js';

// Notices, tallies, reminders and urging: what scheduled runs record.

export interface NoticeSettingsTable {
  estate_id: number;
  /** 0 = Sunday. */
  weekday: Generated<number>;
  /** 'H:MM' in the estate's time zone. */
  notice_time: Generated<string>;
  tally_time: Generated<string>;
  created_at: CreatedAt;
}
export interface PostedNoticesTable {
  id: Generated<number>;
  group_id: number;
  /** ISO week of the slot, 'YYYY-Www'. */
  week: string;
  slot: Timestamp;
  late: Generated<boolean>;
  outbox_key: string;
  created_at: Timestamp;
}
export interface RemindersTable {
  id: Generated<number>;
  estate_id: number;
  platform: string;
  chat_id: string;
  created_by: number;
  schedule: Json<ReminderSchedule>;
  cron: string;
  time_zone: string;
  message: string;
  status: Generated<'active' | 'cancelled' | 'done'>;
  source_key: string | null;
  created_at: Timestamp;
  cancelled_by: number | null;
  cancelled_at: Timestamp | null;
}
export interface ReminderFiringsTable {
  reminder_id: number;
  slot: Timestamp;
  late: Generated<boolean>;
  created_at: Timestamp;
}
export interface UrgeLogTable {
  group_id: number;
  /** The scope the 催缴 covered: 'all' (the group's), 'z<zone id>' or 'b<building id>'. */
  scope_key: ColumnType<string, string | undefined, string>;
  /** Local day 'YYYY-MM-DD'. */
  day: string;
  member_id: number;
  households: number;
  /** The outbox row that carried the 催缴: if it fails for good, the day's slot is given back. */
  outbox_key: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}
export interface TallyLogTable {
  member_id: number;
  zone_id: number;
  day: string;
  created_at: Timestamp;
}
