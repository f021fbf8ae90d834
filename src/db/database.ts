import type { Insertable, Selectable } from 'kysely';
import type { CouncilTables } from './tables/council.js';
import type { EstatesTable, ZonesTable, BuildingsTable, UnitsTable, HouseholdsTable } from './tables/estate.js';
import type { MembersTable, RolesTable, ChatGroupsTable, BindingsTable, InvitationsTable, RoleName } from './tables/members.js';
import type { FeePlansTable, FeePlanBuildingsTable, ClaimAnnouncementsTable, PaymentsTable, PaymentDecisionsTable, PaymentKind, LedgerHoldsTable, ChainLinesTable, ChainRoomsTable } from './tables/ledger.js';
import type { ProcessedCommandsTable, OutboxTable, AuditLogTable, OutboxAttachmentsTable } from './tables/commands.js';
import type { TicketSlaRulesTable, TicketsTable, TicketReportersTable, TicketEventsTable, TicketPhotosTable, TicketSlaMarksTable, TicketOffersTable, TicketStatus, TicketSlaMark } from './tables/tickets.js';
import type { NoticeSettingsTable, PostedNoticesTable, RemindersTable, ReminderFiringsTable, UrgeLogTable, TallyLogTable } from './tables/notices.js';
import type {
  ScoringAppealsTable,
  ScoringBonusesTable,
  ScoringEvidenceTable,
  ScoringPublicationsTable,
  ScoringRemindersTable,
  ScoringResultsTable,
  ScoringRoundsTable,
  ScoringRulesTable,
  ScoringScoresTable,
  ScoringSheetImportsTable,
} from './tables/scoring.js';
import type { PropertyCompaniesTable, PatrolSettingsTable, PatrolsTable, PatrolPointsTable, FieldNotesTable, PatrolRemindersTable, SurveysTable, SurveyAnswersTable, SurveyChasesTable } from './tables/grid.js';

// The table types live by concept in ./tables/; this file names the whole schema.
export type { EstatesTable, ZonesTable, BuildingsTable, UnitsTable, HouseholdsTable } from './tables/estate.js';
export type { MembersTable, RolesTable, ChatGroupsTable, BindingsTable, InvitationsTable, RoleName, PanelParty, CommitteeParty } from './tables/members.js';
export type { FeePlansTable, FeePlanBuildingsTable, ClaimAnnouncementsTable, FeeBasis, PaymentsTable, PaymentDecisionsTable, PaymentKind, LedgerHoldsTable, ChainLinesTable, ChainRoomsTable } from './tables/ledger.js';
export type { ProcessedCommandsTable, OutboxTable, AuditLogTable, OutboxAttachmentsTable } from './tables/commands.js';
export type { TicketSlaRulesTable, TicketsTable, TicketReportersTable, TicketEventsTable, TicketPhotosTable, TicketSlaMarksTable, TicketOffersTable, TicketStatus, TicketSlaMark } from './tables/tickets.js';
export type { NoticeSettingsTable, PostedNoticesTable, RemindersTable, ReminderFiringsTable, UrgeLogTable, TallyLogTable } from './tables/notices.js';
export type { PropertyCompaniesTable, PatrolSettingsTable, PatrolsTable, PatrolPointsTable, FieldNotesTable, PatrolRemindersTable, SurveysTable, SurveyAnswersTable, SurveyChasesTable } from './tables/grid.js';

/** The application's view of the schema in migrations/. */
export interface Database extends CouncilTables {
  estates: EstatesTable;
  zones: ZonesTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  households: HouseholdsTable;
  members: MembersTable;
  roles: RolesTable;
  chat_groups: ChatGroupsTable;
  fee_plans: FeePlansTable;
  fee_plan_buildings: FeePlanBuildingsTable;
  claim_announcements: ClaimAnnouncementsTable;
  bindings: BindingsTable;
  payments: PaymentsTable;
  payment_decisions: PaymentDecisionsTable;
  ledger_holds: LedgerHoldsTable;
  chain_lines: ChainLinesTable;
  chain_rooms: ChainRoomsTable;
  audit_log: AuditLogTable;
  processed_commands: ProcessedCommandsTable;
  outbox: OutboxTable;
  outbox_attachments: OutboxAttachmentsTable;
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
  ticket_offers: TicketOffersTable;
  scoring_rules: ScoringRulesTable;
  scoring_rounds: ScoringRoundsTable;
  scoring_scores: ScoringScoresTable;
  scoring_bonuses: ScoringBonusesTable;
  scoring_evidence: ScoringEvidenceTable;
  scoring_publications: ScoringPublicationsTable;
  scoring_results: ScoringResultsTable;
  scoring_appeals: ScoringAppealsTable;
  scoring_reminders: ScoringRemindersTable;
  scoring_sheet_imports: ScoringSheetImportsTable;
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
/** A fee plan with the buildings it covers (none listed: the whole estate). */
export type FeePlanWithBuildings = FeePlan & { buildingIds: number[] };
export type Payment = Selectable<PaymentsTable>;
export type NewPayment = Insertable<PaymentsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type Ticket = Selectable<TicketsTable>;
export type Reminder = Selectable<RemindersTable>;
export type Patrol = Selectable<PatrolsTable>;
export type Survey = Selectable<SurveysTable>;
export type PropertyCompany = Selectable<PropertyCompaniesTable>;
