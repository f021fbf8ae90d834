import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './column-types.js';

// Chat members, their roles and bindings, chat groups and invitations.

export type RoleName = 'head' | 'grid_worker' | 'admin' | 'panelist' | 'property' | 'committee';
/** The four parties of the 红"栋"力 panel. */
export type PanelParty = 'community' | 'property' | 'owners_committee' | 'resident_rep';
/** A panelist's party on a role or invitation; null for every other role. */
/** A committee member's party (role 'committee'). */
export type CommitteeParty = 'community' | 'grid' | 'residents' | 'property';
type PartyColumn = ColumnType<PanelParty | CommitteeParty | null, PanelParty | CommitteeParty | null | undefined, PanelParty | CommitteeParty | null>;

export interface MembersTable {
  id: Generated<number>;
  platform: string;
  platform_user_id: string;
  display_name: string | null;
  /** Whether the platform lets the bot write to the member privately; null: not known yet. */
  private_chat: ColumnType<'open' | 'closed' | null, 'open' | 'closed' | null | undefined, 'open' | 'closed' | null>;
  private_chat_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The group the member last sent a command in: where an undeliverable private message is pointed to. */
  last_group_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
}
export interface RolesTable {
  id: Generated<number>;
  member_id: number;
  estate_id: number;
  role: RoleName;
  zone_id: number | null;
  building_id: number | null;
  /** A panelist's party (PanelParty) or a committee member's (CommitteeParty); null for other roles. */
  party: PartyColumn;
  /** For role 'property': the company the member works for. */
  property_company_id: Generated<number | null>;
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
export interface BindingsTable {
  id: Generated<number>;
  member_id: number;
  household_id: number;
  status: Generated<'pending' | 'confirmed' | 'rejected'>;
  source_key: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  reason: string | null;
  /** Owner, tenant or family: only owners (or whom they designate) vote in owners' decisions (migration 0010). */
  relation: 'owner' | 'tenant' | 'family' | null;
  designated: Generated<boolean>;
  relation_at: Timestamp | null;
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
  party: PartyColumn;
  /** For role 'property': the company the member will work for (migration 0700). */
  property_company_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by: number | null;
}
