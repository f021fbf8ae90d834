import type { JobsOptions } from 'bullmq';

/** Worker jobs: a few retries with backoff, then failed for good (and the user is told). */
export const COMMAND_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  // Kept a day, so a redelivered platform message is de-duplicated by jobId in the queue too.
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Outgoing messages: retried longer, since a platform may be down for a while. */
export const OUTBOUND_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
