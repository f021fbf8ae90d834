import type { Generated } from 'kysely';
import type { Json, Timestamp } from './column-types.js';

// Tickets, their reporters, events, photos, SLA rules and marks.

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
/** A problem said without a keyword, offered as a ticket until the member says 是 or it expires. */
export interface TicketOffersTable {
  platform: string;
  chat_id: string;
  member_id: number;
  text: string;
  category: string;
  source_key: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}
