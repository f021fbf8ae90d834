import type { ScheduleProvider } from '../queue/schedule-spec.js';

/** How often the patrol sweep runs: automatic closes and reminders are at most this late. */
export const PATROL_SWEEP_EVERY_MS = 5 * 60_000;

/** One patrol sweep for every estate, every few minutes (a BullMQ job scheduler, re-created at each worker start). */
export const patrolSchedules: ScheduleProvider = async () => [
  { id: 'sched-patrol-sweep', name: 'patrol-sweep', data: { estateId: null }, repeat: { every: PATROL_SWEEP_EVERY_MS } },
];
