import type { JobsOptions } from 'bullmq';

/** How long a command keeps being retried while the database is unavailable, and how often. */
export const COMMAND_RETRY = {
  /** First retry after this long, doubling each time... */
  firstDelayMs: 1000,
  /** ...up to this long between two attempts. */
  maxDelayMs: 2 * 60_000,
  /** Attempts while the database is down: with the delays above, about an hour. */
  outageAttempts: 36,
  /** Attempts for any other failure (a bug, bad data): retrying longer cannot help. */
  otherAttempts: 5,
  /** After this many attempts failed on an outage, the member is told the command is delayed. */
  delayNoticeAfter: 4,
} as const;

/** The name of the command backoff; workers on the jobs queue know it (see `commandBackoff`). */
export const COMMAND_BACKOFF = 'linli-capped';

/** Delay before attempt `attemptsMade + 1`: exponential, capped. */
export function retryDelayMs(attemptsMade: number): number {
  return Math.min(COMMAND_RETRY.firstDelayMs * 2 ** Math.max(attemptsMade - 1, 0), COMMAND_RETRY.maxDelayMs);
}

/** Sum of the delays of every retry of an outage: the horizon a command survives. */
export function outageHorizonMs(): number {
  let total = 0;
  for (let n = 1; n < COMMAND_RETRY.outageAttempts; n++) total += retryDelayMs(n);
  return total;
}

/**
 * Worker jobs: retried with capped exponential backoff for about an hour while the database is
 * unavailable, five times for anything else, then failed for good (and the member is told).
 */
export const COMMAND_JOB_OPTIONS: JobsOptions = {
  attempts: COMMAND_RETRY.outageAttempts,
  backoff: { type: COMMAND_BACKOFF, delay: COMMAND_RETRY.firstDelayMs },
  // Kept a day, so a redelivered platform message is de-duplicated by jobId in the queue too.
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Job schedulers' runs, and the catch-up run each worker queues at start: retried like commands
 * while the database is unavailable (a worker often starts just as it comes back), a few times
 * otherwise. Their processors are idempotent (fixed keys), so a late retry does nothing twice.
 */
export const SCHEDULED_JOB_OPTIONS: JobsOptions = {
  attempts: COMMAND_RETRY.outageAttempts,
  backoff: { type: COMMAND_BACKOFF, delay: COMMAND_RETRY.firstDelayMs },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** The one job that carries a display name: gone from Redis as soon as it has run (or soon after failing). */
export const NOTE_MEMBER_OPTIONS: JobsOptions = { removeOnComplete: true, removeOnFail: { age: 3600 } };

/** Outgoing messages: retried longer, since a platform may be down for a while. */
export const OUTBOUND_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
