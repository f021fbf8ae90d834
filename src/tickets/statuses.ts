import type { TicketStatus } from '../db/database.js';

/** Open311 GeoReport v2 knows two statuses; the sub-status says more (status_notes / extended attributes). */
export interface Open311Status {
  status: 'open' | 'closed';
  subStatus: 'submitted' | 'reopened' | 'in_progress' | 'escalated' | 'resolved' | 'closed' | 'duplicate';
}

/** The Open311 reading of a ticket. */
export function open311Status(t: { status: TicketStatus; cycle: number; escalation_level: number }): Open311Status {
  switch (t.status) {
    case 'open':
      if (t.escalation_level > 0) return { status: 'open', subStatus: 'escalated' };
      return { status: 'open', subStatus: t.cycle > 1 ? 'reopened' : 'submitted' };
    case 'accepted':
      return { status: 'open', subStatus: t.escalation_level > 0 ? 'escalated' : 'in_progress' };
    case 'resolved':
      return { status: 'closed', subStatus: 'resolved' };
    case 'closed':
      return { status: 'closed', subStatus: 'closed' };
  }
}

/** A repeat report that joined an open ticket reads, on its own, as a closed duplicate of it. */
export const DUPLICATE_REPORT: Open311Status = { status: 'closed', subStatus: 'duplicate' };

/** Statuses in which a ticket still needs work (and can be joined, reminded, escalated). */
export const IN_PLAY: readonly TicketStatus[] = ['open', 'accepted'];
