import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export type RoleName = 'head' | 'grid_worker' | 'admin' | 'panelist' | 'property' | 'committee';
export type PaymentKind = 'claim' | 'collection' | 'correction';

export interface EstatesTable {
  id: Generated<number>;
  code: string;
  name: string;
  time_zone: Generated<string>;
  locale: Generated<string>;
  created_at: CreatedAt;
}
export interface ZonesTable {
  id: Generated<number>;
  estate_id: number;
  code: string;
  name: string;
}
export interface BuildingsTable {
  id: Generated<number>;
  estate_id: number;
  zone_id: number | null;
  code: string;
}
export interface UnitsTable {
  id: Generated<number>;
  building_id: number;
  code: string;
}
export interface HouseholdsTable {
  id: Generated<number>;
  estate_id: number;
  building_id: number;
  unit_id: number | null;
  room: string;
  room_code: string;
  resident_name: string | null;
  phone: string | null;
  created_at: CreatedAt;
}
export interface MembersTable {
  id: Generated<number>;
  platform: string;
  platform_user_id: string;
  display_name: string | null;
  created_at: CreatedAt;
}
export interface RolesTable {
  id: Generated<number>;
  member_id: number;
  estate_id: number;
  role: RoleName;
  zone_id: number | null;
  building_id: number | null;
  /** For role 'property': the company the member works for. */
  property_company_id: Generated<number | null>;
  /** For role 'committee': the party they sit for ('community', 'grid', 'residents', 'property'). */
  party: Generated<string | null>;
  created_at: CreatedAt;
}
export interface ChatGroupsTable {
  id: Generated<number>;
  platform: string;
  chat_id: string;
  title: string | null;
  estate_id: number | null;
  zone_id: number | null;
  building_id: number | null;
  is_staff: Generated<boolean>;
  unlinked_notice_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface FeePlansTable {
  id: Generated<number>;
  estate_id: number;
  name: string;
  amount_fen: number;
  /** First month the fee is due, 'YYYY-MM'. */
  start_month: string;
  created_at: CreatedAt;
}
export interface BindingsTable {
  id: Generated<number>;
  member_id: number;
  household_id: number;
  status: Generated<'pending' | 'confirmed' | 'rejected'>;
  source_key: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  reason: string | null;
  created_at: Timestamp;
}
export interface PaymentsTable {
  id: Generated<number>;
  estate_id: number;
  household_id: number;
  fee_plan_id: number;
  kind: PaymentKind;
  amount_fen: number;
  months: number;
  method: string | null;
  member_id: number | null;
  corrects_id: number | null;
  source_key: string | null;
  created_at: Timestamp;
}
export interface PaymentDecisionsTable {
  payment_id: number;
  decision: 'confirmed' | 'rejected';
  decided_by: number | null;
  reason: string | null;
  decided_at: Timestamp;
}
export interface AuditLogTable {
  id: Generated<string>;
  estate_id: number | null;
  actor_member_id: number | null;
  action: string;
  subject: string;
  detail: Json<Record<string, unknown>>;
  created_at: Timestamp;
}
export interface ProcessedCommandsTable {
  key: string;
  job_name: string;
  created_at: Timestamp;
}
export interface OutboxTable {
  id: Generated<string>;
  key: string;
  platform: string;
  chat_id: string;
  text: string;
  mentions: Json<string[]>;
  status: Generated<'pending' | 'sent' | 'failed'>;
  reason: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export type TicketStatus = 'open' | 'accepted' | 'resolved' | 'closed';
export type TicketSlaMark = 'accept_reminder' | 'accept_escalation' | 'resolve_reminder' | 'resolve_escalation';
export interface TicketSlaRulesTable {
  estate_id: number;
  category: string;
  accept_minutes: number;
  resolve_minutes: number;
}
export interface TicketsTable {
  id: Generated<number>;
  estate_id: number;
  category: string;
  text: string;
  status: TicketStatus;
  zone_id: number | null;
  building_id: number | null;
  owner_member_id: number | null;
  reporter_member_id: number;
  origin_platform: string;
  origin_chat_id: string;
  cycle: Generated<number>;
  cycle_started_at: Timestamp;
  accept_due_at: Timestamp;
  resolve_due_at: Timestamp;
  escalation_level: Generated<number>;
  rating: number | null;
  source_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Routed to a property-service company (its categories, its SLA). */
  property_company_id: Generated<number | null>;
}
export interface TicketReportersTable {
  id: Generated<number>;
  ticket_id: number;
  member_id: number;
  platform: string;
  chat_id: string;
  source_key: string;
  created_at: Timestamp;
}
export interface TicketEventsTable {
  id: Generated<string>;
  ticket_id: number;
  kind: string;
  actor_member_id: number | null;
  detail: Json<Record<string, unknown>>;
  created_at: Timestamp;
}
export interface TicketPhotosTable {
  id: Generated<number>;
  ticket_id: number;
  member_id: number;
  platform: string;
  file_id: string;
  source_key: string;
  created_at: Timestamp;
}
export interface TicketSlaMarksTable {
  ticket_id: number;
  cycle: number;
  mark: TicketSlaMark;
  created_at: Timestamp;
}

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
  schedule: Json<import('../notices/reminder-schedule.js').ReminderSchedule>;
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
  /** Local day 'YYYY-MM-DD'. */
  day: string;
  member_id: number;
  households: number;
  created_at: Timestamp;
}
export interface TallyLogTable {
  member_id: number;
  zone_id: number;
  day: string;
  created_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<number>;
  code: string;
  estate_id: number;
  kind: 'role' | 'group';
  role: RoleName | null;
  zone_id: number | null;
  building_id: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by: number | null;
}

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
  questions: Json<import('../survey/survey-definition.js').SurveyQuestion[]>;
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

/** The application's view of the schema in migrations/. */
export interface Database {
  estates: EstatesTable;
  zones: ZonesTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  households: HouseholdsTable;
  members: MembersTable;
  roles: RolesTable;
  chat_groups: ChatGroupsTable;
  fee_plans: FeePlansTable;
  bindings: BindingsTable;
  payments: PaymentsTable;
  payment_decisions: PaymentDecisionsTable;
  audit_log: AuditLogTable;
  processed_commands: ProcessedCommandsTable;
  outbox: OutboxTable;
  invitations: InvitationsTable;
  notice_settings: NoticeSettingsTable;
  posted_notices: PostedNoticesTable;
  reminders: RemindersTable;
  reminder_firings: ReminderFiringsTable;
  urge_log: UrgeLogTable;
  tally_log: TallyLogTable;
  ticket_sla_rules: TicketSlaRulesTable;
  tickets: TicketsTable;
  ticket_reporters: TicketReportersTable;
  ticket_events: TicketEventsTable;
  ticket_photos: TicketPhotosTable;
  ticket_sla_marks: TicketSlaMarksTable;
  property_companies: PropertyCompaniesTable;
  patrol_settings: PatrolSettingsTable;
  patrols: PatrolsTable;
  patrol_points: PatrolPointsTable;
  field_notes: FieldNotesTable;
  patrol_reminders: PatrolRemindersTable;
  surveys: SurveysTable;
  survey_answers: SurveyAnswersTable;
  survey_chases: SurveyChasesTable;
}

export type Estate = Selectable<EstatesTable>;
export type Household = Selectable<HouseholdsTable>;
export type Member = Selectable<MembersTable>;
export type ChatGroup = Selectable<ChatGroupsTable>;
export type FeePlan = Selectable<FeePlansTable>;
export type Payment = Selectable<PaymentsTable>;
export type NewPayment = Insertable<PaymentsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type Ticket = Selectable<TicketsTable>;
export type Reminder = Selectable<RemindersTable>;
export type Patrol = Selectable<PatrolsTable>;
export type Survey = Selectable<SurveysTable>;
export type PropertyCompany = Selectable<PropertyCompaniesTable>;
