import type { ScheduleProvider } from '../queue/schedule-spec.js';

/** How often the council sweep runs: results are at most this late after a deadline. */
export const COUNCIL_SWEEP_EVERY_MS = 60_000;

/** One sweep for every estate, every minute, rebuilt at each worker start (Postgres holds the votes and meetings). */
export const councilSchedules: ScheduleProvider = async () => [
  { id: 'sched-council-sweep', name: 'council-sweep', data: { estateId: null }, repeat: { every: COUNCIL_SWEEP_EVERY_MS }, atStart: true },
];
