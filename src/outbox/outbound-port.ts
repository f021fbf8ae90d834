import type { Platform } from '../messages/incoming-message.js';
import type { OutboundJob } from '../queue/job-data.js';

/** Hands outgoing messages to the per-platform outbound queues (idempotent by outbox key). */
export interface OutboundPort {
  enqueue(platform: Platform, jobs: OutboundJob[]): Promise<void>;
}
