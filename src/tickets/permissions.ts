import type { HeldRole } from '../members/held-role.js';
import type { Ticket } from '../db/database.js';

/** May accept, resolve or re-categorise a ticket: its owner, a grid worker of its zone, or an admin. */
export function canChangeTicket(roles: HeldRole[], memberId: number, ticket: Pick<Ticket, 'owner_member_id' | 'zone_id'>): boolean {
  if (ticket.owner_member_id === memberId && roles.length > 0) return true;
  return roles.some((r) => r.role === 'admin' || (r.role === 'grid_worker' && r.zoneId !== null && r.zoneId === ticket.zone_id));
}

/** May rate a ticket: the member who filed it, or one whose complaint was merged into it (each is asked). */
export function canRateTicket(memberId: number, ticket: Pick<Ticket, 'reporter_member_id'>, reporterIds: readonly number[] = []): boolean {
  return ticket.reporter_member_id === memberId || reporterIds.includes(memberId);
}
