import type { ScheduleProvider } from '../queue/schedule-spec.js';

/** How often the SLA sweep runs. Reminders and escalations are at most this late. */
export const SWEEP_EVERY_MS = 60_000;

/**
 * One sweep for every estate, every minute: a BullMQ job scheduler (kept in Redis or the
 * Postgres queue, re-created from here at each worker start), so it survives restarts.
 */
export const ticketSchedules: ScheduleProvider = async () => [
  { id: 'sched-ticket-sla-sweep', name: 'ticket-sla-sweep', data: { estateId: null }, repeat: { every: SWEEP_EVERY_MS } },
];
