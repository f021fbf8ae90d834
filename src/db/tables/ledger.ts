import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './column-types.js';

// The fee ledger: fee plans, payments and decisions on claims.

/** 'credit': a 红"栋"力 subsidy, counted towards what is owed, never as money collected. */
export type PaymentKind = 'claim' | 'collection' | 'correction' | 'credit';

export interface FeePlansTable {
  id: Generated<number>;
  estate_id: number;
  name: string;
  /** Fen a month per household, or per m² of floor area when `basis` is 'area'. */
  amount_fen: number;
  basis: Generated<FeeBasis>;
  /** First month the fee is due, 'YYYY-MM'. */
  start_month: string;
  created_at: CreatedAt;
}
/** How a plan is priced: per household, or per m² of the household's floor area. */
export type FeeBasis = 'household' | 'area';
/** The buildings a fee plan covers; a plan with no rows covers the whole estate. */
export interface FeePlanBuildingsTable {
  fee_plan_id: number;
  building_id: number;
}
/** A claim the new-claim digest has told the zone's grid worker about. */
export interface ClaimAnnouncementsTable {
  payment_id: number;
  announced_at: Timestamp;
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
  /** A correction's chain after it: what the corrected entry now stands at (0 for a void). */
  stands_fen: number | null;
  stands_months: number | null;
  /** Why (a correction's reason). */
  note: string | null;
  /** Who collected it, as an imported sheet names them (no member behind it); null otherwise. */
  collector: Generated<string | null>;
}
export interface PaymentDecisionsTable {
  payment_id: number;
  decision: 'confirmed' | 'rejected';
  decided_by: number | null;
  reason: string | null;
  decided_at: Timestamp;
}
/** A collection or confirmation the duplicate guard asked about; booked only on the staff member's yes. */
export interface LedgerHoldsTable {
  id: Generated<number>;
  estate_id: number;
  member_id: number;
  kind: 'collect' | 'confirm';
  household_id: number;
  fee_plan_id: number;
  amount_fen: number;
  months: number;
  method: string | null;
  payment_id: number | null;
  /** The entry it looks like a repeat of; null for a staff 接龙 held until 确认收费. */
  duplicate_of: number | null;
  source_key: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}
/** A line of a 接龙 seen in a chat (its words hashed): never counted again when the list is reposted. */
export interface ChainLinesTable {
  platform: string;
  chat_id: string;
  chain_key: string;
  line_key: string;
  member_id: number;
  created_at: Timestamp;
}
/** A household counted in a 接龙 (claimed, or held for staff): once per chain. */
export interface ChainRoomsTable {
  platform: string;
  chat_id: string;
  chain_key: string;
  room: string;
  member_id: number;
  payment_id: number | null;
  created_at: Timestamp;
}
