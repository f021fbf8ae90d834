import type { ScheduleProvider } from '../queue/schedule-spec.js';
import { DIGEST_EVERY_MS } from './claim-digest.js';

/** The new-claim digest for every estate, every 15 minutes: a BullMQ job scheduler re-created at each worker start. */
export const claimDigestSchedules: ScheduleProvider = async () => [
  { id: 'sched-claims-digest', name: 'claims-digest', data: { estateId: null }, repeat: { every: DIGEST_EVERY_MS } },
];
