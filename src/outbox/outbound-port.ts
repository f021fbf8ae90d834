import type { OutboundJob } from '../queue/job-data.js';

/** Hands outbox rows to the per-platform outbound queues (idempotent by outbox key). */
export interface OutboundPort {
  enqueue(jobs: OutboundJob[]): Promise<void>;
}
