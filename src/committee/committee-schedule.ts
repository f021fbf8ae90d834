import type { ScheduleProvider } from '../queue/schedule-spec.js';

/** How often the committee sweep runs: a rating survey or a trial's end is at most this late. */
export const COMMITTEE_SWEEP_EVERY_MS = 5 * 60_000;

/** One committee sweep for every estate (monthly service ratings, trial ends), re-created at each worker start. */
export const committeeSchedules: ScheduleProvider = async () => [
  { id: 'sched-committee-sweep', name: 'committee-sweep', data: { estateId: null }, repeat: { every: COMMITTEE_SWEEP_EVERY_MS }, atStart: true },
];
