import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type ProposalStatus = 'open' | 'agenda' | 'merged' | 'declined' | 'decided';
export type VoteKind = 'poll' | 'decision';

export interface CouncilSettingsTable {
  estate_id: number;
  support_threshold: Generated<number>;
}
export interface ProposalsTable {
  id: Generated<number>;
  estate_id: number;
  text: string;
  proposer_member_id: number;
  household_id: number | null;
  status: Generated<ProposalStatus>;
  merged_into: number | null;
  reason: string | null;
  threshold_reached_at: Timestamp | null;
  origin_platform: string;
  origin_chat_id: string;
  source_key: string;
  created_at: Timestamp;
}
export interface ProposalSupportsTable {
  proposal_id: number;
  household_id: number;
  member_id: number;
  source_key: string;
  created_at: Timestamp;
}
export interface MeetingsTable {
  id: Generated<number>;
  estate_id: number;
  starts_at: Timestamp;
  place: string;
  status: Generated<'scheduled' | 'held' | 'cancelled'>;
  minutes: string | null;
  minutes_at: Timestamp | null;
  created_by: number;
  platform: string;
  chat_id: string;
  source_key: string;
  created_at: Timestamp;
}
export interface MeetingAgendaTable {
  meeting_id: number;
  proposal_id: number;
  position: number;
}
export interface MeetingRemindersTable {
  meeting_id: number;
  kind: 'day_before' | 'hour_before';
  created_at: Timestamp;
}
export interface CouncilTasksTable {
  id: Generated<number>;
  estate_id: number;
  meeting_id: number;
  proposal_id: number | null;
  text: string;
  owner: string;
  /** Local date 'YYYY-MM-DD'. */
  due_on: string;
  status: Generated<'open' | 'done'>;
  progress: string | null;
  created_by: number;
  source_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface VotesTable {
  id: Generated<number>;
  estate_id: number;
  kind: VoteKind;
  matter_class: 'ordinary' | 'special' | null;
  scope: 'estate' | 'buildings';
  title: string;
  options: Json<string[]>;
  secret: Generated<boolean>;
  proposal_id: number | null;
  opened_at: Timestamp;
  deadline: Timestamp;
  status: Generated<'open' | 'closed'>;
  result: Json<Record<string, unknown>> | null;
  closed_at: Timestamp | null;
  created_by: number;
  platform: string;
  chat_id: string;
  source_key: string;
  created_at: Timestamp;
}
export interface VoteBuildingsTable {
  vote_id: number;
  building_id: number;
}
export interface VotePartsTable {
  vote_id: number;
  household_id: number;
  building_id: number;
  area: number | null;
  person_key: number;
}
export interface BallotsTable {
  id: Generated<string>;
  vote_id: number;
  household_id: number;
  choice: string;
  channel: 'chat' | 'paper';
  member_id: number;
  photo_file_id: string | null;
  source_key: string;
  cast_at: Timestamp;
}
export interface BallotNoticesTable {
  id: Generated<string>;
  vote_id: number;
  household_id: number;
  channel: 'chat' | 'visit';
  member_id: number;
  outbox_key: string | null;
  created_at: Timestamp;
}
/** A photo of a paper ballot sent after it was entered (migrations/2026-12-07-0500-ballot-photos.ts). */
export interface BallotPhotosTable {
  id: Generated<string>;
  ballot_id: string;
  file_id: string;
  member_id: number;
  source_key: string;
  created_at: Timestamp;
}
export interface VoteNudgesTable {
  vote_id: number;
  day: string;
  member_id: number;
  created_at: Timestamp;
}

/** The council's tables (migrations/2026-12-02-0010-council.ts), merged into Database. */
export interface CouncilTables {
  council_settings: CouncilSettingsTable;
  proposals: ProposalsTable;
  proposal_supports: ProposalSupportsTable;
  meetings: MeetingsTable;
  meeting_agenda: MeetingAgendaTable;
  meeting_reminders: MeetingRemindersTable;
  council_tasks: CouncilTasksTable;
  votes: VotesTable;
  vote_buildings: VoteBuildingsTable;
  vote_parts: VotePartsTable;
  ballots: BallotsTable;
  ballot_notices: BallotNoticesTable;
  vote_nudges: VoteNudgesTable;
  ballot_photos: BallotPhotosTable;
}
