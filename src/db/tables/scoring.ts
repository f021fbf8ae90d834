import type { Generated } from 'kysely';
import type { Json, Timestamp } from './column-types.js';

// The 红"栋"力 tables (migration 2026-12-02-0020-scoring), as the application sees them.

export interface ScoringRulesTable {
  id: Generated<number>;
  estate_id: number;
  effective_month: string;
  rules: Json<import('./scoring-rules.js').ScoringRules>;
  created_by: number | null;
  created_at: Timestamp;
}
export interface ScoringRoundsTable {
  id: Generated<number>;
  estate_id: number;
  month: string;
  rules: Json<import('./scoring-rules.js').ScoringRules>;
  status: Generated<'open' | 'closed' | 'published'>;
  closes_at: Timestamp;
  published_at: Timestamp | null;
  appeal_until: Timestamp | null;
  created_at: Timestamp;
}
export interface ScoringScoresTable {
  round_id: number;
  panelist_id: number;
  unit_id: number;
  criterion: string;
  points: number;
  source: 'chat' | 'sheet';
  updated_at: Timestamp;
}
export interface ScoringBonusesTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  item: string;
  note: string | null;
  member_id: number;
  source_key: string;
  created_at: Timestamp;
}
export interface ScoringEvidenceTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  ticket_id: number;
  proposal: 'veto' | 'deduction' | 'exempt';
  item: string;
  points: Generated<number>;
  decision: 'confirmed' | 'dismissed' | null;
  reason: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}
export interface ScoringPublicationsTable {
  round_id: number;
  version: number;
  appeal_id: number | null;
  published_by: number | null;
  created_at: Timestamp;
}
export interface ScoringResultsTable {
  round_id: number;
  version: number;
  unit_id: number;
  status: 'scored' | 'vetoed' | 'unscored';
  total_centi: number | null;
  rank: number | null;
  flag: boolean;
  detail: Json<import('./scoring-rules.js').UnitScore>;
}
export interface ScoringAppealsTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  member_id: number;
  household_id: number;
  text: string;
  origin_platform: string;
  origin_chat_id: string;
  status: Generated<'open' | 'upheld' | 'changed'>;
  reason: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  source_key: string;
  created_at: Timestamp;
}
export interface ScoringRemindersTable {
  round_id: number;
  member_id: number;
  day: string;
  created_at: Timestamp;
}
export interface ScoringSheetImportsTable {
  id: Generated<number>;
  round_id: number;
  panelist_id: number;
  sha256: string;
  units: number;
  cells: number;
  created_at: Timestamp;
}
