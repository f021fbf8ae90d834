import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './column-types.js';

// The grid worker's day and the committee: property companies, patrols, field notes, surveys.
export interface PropertyCompaniesTable {
  id: Generated<number>;
  estate_id: number;
  name: string;
  /** Ticket category codes it serves. */
  categories: Json<string[]>;
  accept_minutes: number | null;
  resolve_minutes: number | null;
  /** Last month of a trial period (先尝后买), 'YYYY-MM'. */
  trial_until: string | null;
  /** Set when the estate ended it: its categories go back to the grid (migration 0700). */
  ended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Whether the end of the trial opens a poll of households on continuing. */
  trial_poll: Generated<boolean>;
  /** When the end of its trial was handled (rating posted, poll opened). */
  trial_closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  trial_vote_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
}
export interface PatrolSettingsTable {
  estate_id: number;
  target_minutes: Generated<number>;
  reminder_enabled: Generated<boolean>;
  /** 'H:MM' in the estate's zone. */
  reminder_time: Generated<string>;
  /** Weekdays (0 = Sunday) with no reminder. */
  days_off: ColumnType<number[], string | undefined, string>;
  auto_close_minutes: Generated<number>;
}
export interface PatrolsTable {
  id: Generated<number>;
  estate_id: number;
  member_id: number;
  zone_id: number | null;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  auto_closed: Generated<boolean>;
  origin_platform: string;
  origin_chat_id: string;
  source_key: string;
}
export interface PatrolPointsTable {
  id: Generated<number>;
  patrol_id: number;
  latitude_e6: number;
  longitude_e6: number;
  label: string | null;
  source_key: string;
  created_at: Timestamp;
}
export interface FieldNotesTable {
  id: Generated<number>;
  estate_id: number;
  member_id: number;
  kind: 'patrol' | 'visit';
  patrol_id: number | null;
  household_id: number | null;
  text: string;
  ticket_id: number | null;
  source_key: string;
  created_at: Timestamp;
}
export interface PatrolRemindersTable {
  member_id: number;
  day: string;
  created_at: Timestamp;
}
export interface SurveysTable {
  id: Generated<number>;
  estate_id: number;
  title: string;
  questions: Json<SurveyQuestion[]>;
  free_text: string | null;
  zone_id: number | null;
  building_id: number | null;
  opens_at: Timestamp;
  closes_at: Timestamp;
  property_company_id: number | null;
  created_by: number | null;
  source_key: string | null;
  created_at: Timestamp;
}
export interface SurveyAnswersTable {
  id: Generated<number>;
  survey_id: number;
  household_id: number;
  member_id: number;
  scores: Json<number[]>;
  free_text: string | null;
  via: 'chat' | 'door';
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface SurveyChasesTable {
  survey_id: number;
  member_id: number;
  day: string;
  created_at: Timestamp;
}

/** One question: a 1–5 scale, or a choice among options (answered by number). */
export type SurveyQuestion = { text: string; kind: 'scale' } | { text: string; kind: 'choice'; options: string[] };
