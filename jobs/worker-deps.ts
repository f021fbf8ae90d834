import type { Kysely } from 'kysely';
import type { Clock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import type { Logger } from '../src/log.js';
import type { Platform } from '../src/messages/incoming-message.js';
import type { OutboundJob } from '../src/queue/job-data.js';

/** Hands outgoing messages to the per-platform outbound queues (idempotent by outbox key). */
export interface OutboundPort {
  enqueue(platform: Platform, jobs: OutboundJob[]): Promise<void>;
}

/** What every processor gets: database, clock, outbound port, log. */
export interface WorkerDeps {
  db: Kysely<Database>;
  clock: Clock;
  outbound: OutboundPort;
  log: Logger;
}

/** Facts about the BullMQ job being run. */
export interface JobInfo {
  id: string;
  attemptsMade: number;
}
