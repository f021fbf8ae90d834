import type { TicketStatus } from '../db/database.js';
import type { TicketCategory } from '../text/ticket-categories.js';
import type { ticketsZhHans } from './catalog-tickets-zh-hans.js';

const CATEGORY: Record<TicketCategory, string> = {
  flying_wire: 'e-bike flying-wire charging',
  fire_lane: 'parking / fire lane',
  leak_drain: 'leak / drain',
  lighting_wiring: 'lighting / wiring',
  environment: 'sanitation',
  clutter: 'clutter in corridors',
  noise: 'noise',
  greenery: 'greenery',
  security: 'gates / security',
  other: 'other',
};

const STATUS: Record<TicketStatus, string> = { open: 'waiting', accepted: 'in progress', resolved: 'resolved, awaiting rating', closed: 'closed' };

const where = (b: string | null) => (b ? `, building ${b}` : '');

/** Tickets, English (for Latin-only slash commands). */
export const ticketsEn: { [K in keyof typeof ticketsZhHans]: (typeof ticketsZhHans)[K] } = {
  offer_button: () => 'Yes, file it',
  offer_says: () => 'yes',
  ticket_category: (p) => CATEGORY[p.category],
  ticket_status: (p) => STATUS[p.status],
  ticket_owner_worker: (p) => `the grid worker of ${p.zone}${p.name ? ` (${p.name})` : ''}`,
  ticket_owner_admins: () => 'the community office',
  ticket_owner_staff: (p) => `community staff${p.name ? ` (${p.name})` : ''}`,
  ticket_meaningless: () => 'Please say what is wrong and where, e.g. /complain clutter in the stairwell of building 8',
  ticket_filed: (p) =>
    `Ticket ${p.ref} (${p.category}) received; ${p.owner} will take it up by ${p.acceptBy.en}.` + (p.photos > 0 ? ` ${p.photos} photo(s) attached.` : '') + ' You will hear of each step.',
  ticket_new_for_owner: (p) => `New ticket ${p.ref} (${p.category}${where(p.building)}): ${p.text}\nPlease accept it by ${p.acceptBy.en}: /accept ${p.ref}`,
  ticket_joined: (p) => `There is already a ticket for this: ${p.ref} (${p.category}). Your report joined it; ${p.count} residents have reported it. You will hear of each step.`,
  ticket_joined_owner: (p) => `Another resident reported ${p.ref}; ${p.count} have reported it now.`,
  ticket_already_reported: (p) => `You have already reported this (${p.ref}); it is being handled.`,
  ticket_not_found: (p) => `There is no ticket ${p.ref}; please check the number.`,
  ticket_not_visible: (p) => `Only the reporters of ${p.ref}, its grid workers and admins can see it.`,
  ticket_not_yours: (p) => `${p.ref} is not yours: only its owner, the grid workers of its zone and admins may change it.`,
  ticket_accepted: (p) => `Accepted ${p.ref}; please resolve it by ${p.resolveBy.en}.`,
  ticket_accepted_reporter: (p) => `Your ticket ${p.ref} (${p.category}) was accepted by ${p.owner}.`,
  ticket_already_accepted: (p) => `${p.ref} was already accepted.`,
  ticket_is_done: (p) => `${p.ref} is ${p.status}; nothing more to do.`,
  ticket_resolved: (p) => `Resolved ${p.ref}; the resident is asked to rate it.`,
  ticket_resolved_reporter: (p) => `Your ticket ${p.ref} was resolved${p.note ? `: ${p.note}` : ''}. Please rate it: /rate ${p.ref} 5 (1 to 5; 1 or 2 reopens it).`,
  ticket_rate_not_reporter: (p) => `Only the resident who filed ${p.ref} can rate it.`,
  ticket_rate_not_yet: (p) => `${p.ref} is not resolved yet; rate it once it is.`,
  ticket_already_rated: (p) => `${p.ref} was already rated, thank you.`,
  ticket_rated_closed: (p) => `Thank you for rating it ${p.rating}; ticket ${p.ref} is closed.`,
  ticket_rated_owner: (p) => `${p.ref} was rated ${p.rating} and is closed.`,
  ticket_rated_reopened: (p) => `You rated it ${p.rating}. ${p.ref} is reopened and will be handled again.`,
  ticket_reopened_owner: (p) => `${p.ref} was rated ${p.rating}${p.comment ? ` (${p.comment})` : ''} and is reopened; please accept it again by ${p.acceptBy.en}.`,
  ticket_recategorised: (p) => `${p.ref} is now "${p.to}" (was "${p.from}").`,
  ticket_recategorise_unknown: () => 'Unknown category. Use one of: flying_wire, fire_lane, leak, lighting, sanitation, clutter, noise, greenery, security, other',
  ticket_photo_attached: (p) => `Photo attached to ticket ${p.ref} (${p.count} in all).`,
  ticket_list_header: (p) => `Open tickets, ${p.scope}: ${p.count}`,
  ticket_list_header_all: (p) => `Recent tickets, ${p.scope}: ${p.count}`,
  ticket_list_line: (p) =>
    `${p.ref} ${p.category}${where(p.building)} — ${p.status}` + (p.count > 1 ? `, ${p.count} reports` : '') + (p.due ? (p.overdue ? `, overdue since ${p.due.en}` : `, due ${p.due.en}`) : ''),
  ticket_list_more: (p) => `…and ${p.more} more. /tickets T7 shows one ticket.`,
  ticket_list_none: (p) => `No open tickets, ${p.scope}.`,
  ticket_scope_estate: () => 'whole estate',
  ticket_scope_zone: (p) => p.zone,
  ticket_scope_mine: () => 'filed by you',
  ticket_detail: (p) =>
    `Ticket ${p.ref} (${p.category}${where(p.building)}) — ${p.status}; owner: ${p.owner}\n${p.text}` +
    (p.count > 1 ? `\nReported by ${p.count} residents` : '') +
    (p.photos > 0 ? `\nPhotos: ${p.photos}` : '') +
    (p.rating !== null ? `\nRating: ${p.rating}` : ''),
  ticket_history_line: (p) => `${p.at.en} ${p.what}`,
  ticket_actor_resident: () => 'a resident',
  ticket_actor_system: () => 'system',
  ticket_actor_staff: (p) => ({ grid_worker: 'the grid worker', admin: 'the community', property: 'the property company' })[p.role] + (p.name ? ` (${p.name})` : ''),
  ticket_event: (p) => {
    const note = p.note ? `: ${p.note}` : '';
    switch (p.kind) {
      case 'filed': return `filed by ${p.actor}`;
      case 'joined': return `also reported by ${p.actor}`;
      case 'accepted': return `accepted by ${p.actor}`;
      case 'resolved': return `resolved by ${p.actor}${note}`;
      case 'rated': return `rated ${p.rating} by ${p.actor}${note}`;
      case 'reopened': return `reopened (rated ${p.rating})`;
      case 'closed': return 'closed';
      case 'recategorised': return `re-categorised by ${p.actor}: ${p.from} → ${p.to}`;
      case 'photo': return `photo from ${p.actor}`;
      case 'reminded': return `owner reminded (${p.note === 'accept' ? 'accept' : 'resolve'} due soon)`;
      case 'escalated': return `escalated to the community (level ${p.level}: not ${p.note === 'accept' ? 'accepted' : 'resolved'} in time)`;
      default: return p.kind;
    }
  },
  ticket_remind_accept: (p) => `Reminder: ticket ${p.ref} (${p.category}) is not accepted yet; please accept it by ${p.due.en}: /accept ${p.ref}`,
  ticket_remind_resolve: (p) => `Reminder: ticket ${p.ref} (${p.category}) is due to be resolved by ${p.due.en}: /resolve ${p.ref} note`,
  ticket_escalated: (p) =>
    `[Escalated] Ticket ${p.ref} (${p.category}${where(p.building)}) was not ${p.stage === 'accept' ? 'accepted' : 'resolved'} by ${p.due.en}; owner: ${p.owner}` +
    (p.count > 1 ? `; ${p.count} reports` : '') + `. /tickets ${p.ref} for details.`,
};
