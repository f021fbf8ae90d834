import type { LocalTime } from '../time/local-time.js';
import type { MonthName } from '../time/month.js';

const hm = (m: number) => (m >= 60 ? `${Math.floor(m / 60)} h${m % 60 > 0 ? ` ${m % 60} min` : ''}` : `${m} min`);
const against = (today: number, target: number) =>
  `Patrolled ${hm(today)} today of ${hm(target)}${today >= target ? ': target met.' : `: ${hm(target - today)} to go.`}`;

/** The grid worker's day (patrols, visits), English; same keys as gridZhHans. */
export const gridEn = {
  patrol_started: (p: { at: LocalTime; today: number; target: number }) =>
    `Patrol started (${p.at.en}). ${against(p.today, p.target)}\nSend your location to mark where you are; "/patrol note …" notes a problem; "/patrol stop" when done.`,
  patrol_already_open: (p: { since: LocalTime }) => `You are on patrol already (since ${p.since.en}). Send "/patrol stop" when done.`,
  patrol_none_open: () => 'You have no patrol under way. Send "/patrol start" to start one.',
  patrol_stopped: (p: { minutes: number; notes: number; points: number; today: number; target: number; auto: boolean }) =>
    `Patrol ended: ${hm(p.minutes)}${p.auto ? ' (over the limit, counted to the limit)' : ''}, ${p.notes} notes, ${p.points} locations. ${against(p.today, p.target)}`,
  patrol_status: (p: { today: number; target: number; since: LocalTime | null }) => (p.since ? `On patrol since ${p.since.en}. ` : '') + against(p.today, p.target),
  patrol_note_saved: (p: { ref: string }) => `Patrol note ${p.ref} saved. Reply "/toticket" to make it a ticket; otherwise it stays a note.`,
  patrol_note_needs_patrol: () => 'Start a patrol first ("/patrol start"), then note what you find with "/patrol note …".',
  patrol_auto_closed: (p: { since: LocalTime; minutes: number }) =>
    `Your patrol from ${p.since.en} ran past ${hm(p.minutes)} and was closed automatically, counted as ${hm(p.minutes)}. Send "/patrol stop" when you finish next time.`,
  patrol_reminder: (p: { today: number; target: number }) =>
    `No patrol yet today (target ${hm(p.target)}${p.today > 0 ? `, ${hm(p.today)} so far` : ''}). Send "/patrol start" when you set off.`,
  patrol_location_saved: (p: { count: number }) => `Location saved (number ${p.count} on this patrol).`,
  to_ticket_nothing: () => 'Nothing to make a ticket of: note it first ("/patrol note …" or "/visit 8-2-301 …"), then reply "/toticket".',
  to_ticket_already: (p: { note: string; ticket: string }) => `${p.note} is ticket ${p.ticket} already.`,
  to_ticket_done: (p: { note: string; ticket: string; category: string; owner: string; acceptBy: LocalTime }) =>
    `${p.note} is now ticket ${p.ticket} (${p.category}), owned by ${p.owner}, to be accepted by ${p.acceptBy.en}.`,
  visit_saved: (p: { ref: string; room: string; month: number }) =>
    `Visit ${p.ref} to ${p.room} saved (staff only). ${p.month} visits this month. Reply "/toticket" if it needs handling.`,
  visits_none: (p: { room: string }) => `No visits to ${p.room} yet.`,
  visits_header: (p: { room: string; count: number }) => `${p.count} visits to ${p.room} (staff only):`,
  visits_line: (p: { ref: string; at: LocalTime; by: string | null; text: string; ticket: string | null }) =>
    `${p.ref} ${p.at.en}${p.by ? ` ${p.by}` : ''}: ${p.text}${p.ticket ? ` (ticket ${p.ticket})` : ''}`,
  visit_private_only: () => 'Visit logs are shown only in a staff group or a private chat.',
  report_who: () => 'Only the community admins and the property management committee see the monthly report.',
  report_month_invalid: () => 'Which month? Write it like /report 2026-11',
  report_header: (p: { month: MonthName; estate: string; target: number }) => `${p.month.en} performance (${p.estate}, daily patrol target ${hm(p.target)})`,
  report_workers: () => 'Grid workers:',
  report_worker: (p: { zone: string | null; name: string | null; daysOnTarget: number; daysPatrolled: number; minutes: number; autoClosed: number; visits: number; door: number; accepted: number; resolved: number; onTime: number; rating: string | null }) =>
    `${p.zone ?? ''}${p.name ? ` ${p.name}` : ''}: patrol target met on ${p.daysOnTarget} days (${p.daysPatrolled} days, ${hm(p.minutes)}${p.autoClosed > 0 ? `, ${p.autoClosed} closed automatically` : ''}) · ${p.visits} visits · ${p.door} survey answers door to door · ${p.accepted} accepted · ${p.onTime}/${p.resolved} resolved on time · rating ${p.rating ?? '—'}`,
  report_companies: () => 'Property-service companies:',
  report_company: (p: { name: string; tickets: number; resolved: number; onTime: number; rating: string | null; survey: string | null }) =>
    `${p.name}: ${p.tickets} tickets · ${p.onTime}/${p.resolved} resolved on time · rating ${p.rating ?? '—'} · survey ${p.survey ?? '—'}`,
  report_none: () => '(no grid workers)',
  report_surveys: () => 'Surveys:',
  report_survey: (p: { ref: string; title: string; answered: number; households: number; door: number; score: string | null }) =>
    `${p.ref} "${p.title}": ${p.answered}/${p.households} households answered (${p.door} door to door) · score ${p.score ?? '—'}`,
  ticket_owner_property: (p: { company: string }) => `the property-service company ${p.company}`,
};
