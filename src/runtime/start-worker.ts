import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import { groupCommit, type GroupCommitOptions } from '../../jobs/group-commit.js';
import { processors } from '../../jobs/processors.js';
import type { WorkerDeps } from '../../jobs/worker-deps.js';
import { tellDelayed, tellFailed } from '../outbox/tell-failed.js';
import { COMMAND_BACKOFF, COMMAND_RETRY, retryDelayMs } from '../queue/job-options.js';
import { isOutage } from './outage.js';
import { OutageLog } from './outage-log.js';
import type { QueueFactory } from '../queue/backend.js';
import { jobsQueue } from '../queue/jobs-queue.js';
import { COMMAND_INTENTS, OTHER_JOB_NAMES, type CommandJob, type JobData, type JobName } from '../queue/job-data.js';
import { JOBS_QUEUE } from '../queue/queue-names.js';
import { syncSchedules } from './schedules.js';

/** Every job name the system queues; start-up checks each has exactly one processor. */
export const JOB_NAMES: readonly JobName[] = [...COMMAND_INTENTS, ...OTHER_JOB_NAMES];

/** A job name without a processor, or a processor for no job: a programming error found at start. */
export class ProcessorMapError extends Error {
  constructor(readonly names: string[]) {
    super(`job names without exactly one processor: ${names.join(', ')}`);
    this.name = 'ProcessorMapError';
  }
}

/** Fails at start-up if the processor map and the job names disagree. */
export function checkProcessors(map: Record<string, unknown> = processors): void {
  const keys = Object.keys(map);
  const bad = [...JOB_NAMES.filter((n) => !keys.includes(n)), ...keys.filter((k) => !JOB_NAMES.includes(k as JobName))];
  if (new Set(JOB_NAMES).size !== JOB_NAMES.length) bad.push('(duplicate job name)');
  if (bad.length) throw new ProcessorMapError(bad);
}

/** Run one job through its processor. */
export async function runJob(job: Pick<Job, 'id' | 'name' | 'data' | 'attemptsMade'>, deps: WorkerDeps): Promise<void> {
  const processor = (processors as Record<string, (d: unknown, deps: WorkerDeps, info: { id: string; attemptsMade: number }) => Promise<void>>)[job.name];
  if (!processor) throw new UnrecoverableError(`no processor for job "${job.name}"`);
  await processor(job.data, { ...deps, log: deps.log.child({ job: job.name, key: job.data?.key ?? job.id, platform: job.data?.platform }) }, { id: job.id ?? '', attemptsMade: job.attemptsMade });
}

/**
 * The jobs queue's backoff: exponential and capped while the database is unavailable (an hour's
 * horizon, see COMMAND_RETRY); anything else gets a few attempts only, since waiting cannot fix a bug.
 */
export function commandBackoff(attemptsMade: number, _type?: string, err?: Error): number {
  if (!isOutage(err) && attemptsMade >= COMMAND_RETRY.otherAttempts) return -1;
  return retryDelayMs(attemptsMade);
}

/** Whether this failure is the job's last (no retry follows). */
export function isFinalFailure(job: Pick<Job, 'attemptsMade' | 'opts'>, err: Error): boolean {
  if (err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1)) return true;
  // The custom backoff gives up early on what is not an outage (only where the job uses it).
  return job.opts.backoff !== undefined && typeof job.opts.backoff === 'object' && job.opts.backoff.type === COMMAND_BACKOFF && !isOutage(err) && job.attemptsMade >= COMMAND_RETRY.otherAttempts;
}

/** Start a worker on the jobs queue, after making the job schedulers match the database. */
export async function startWorker(
  factory: QueueFactory,
  deps: WorkerDeps,
  concurrency: number,
  opts: { lockMs?: number; outageLogMs?: number; groupCommit?: GroupCommitOptions | false } = {},
): Promise<Worker<JobData[JobName]>> {
  checkProcessors();
  // Where asked, the commands this worker runs at the same time commit together (jobs/group-commit.ts).
  const gc = opts.groupCommit ?? false;
  if (gc !== false && !deps.commit) deps = { ...deps, commit: groupCommit(deps, gc) };
  const queue = jobsQueue(factory);
  const n = await syncSchedules(queue, deps.db);
  deps.log.debug(`job schedulers in place: ${n}`);
  if (factory.spec.kind === 'redis') {
    // A Redis that came back empty (no persistence) has lost the job schedulers: put them back.
    const backend = queue.getBackend() as unknown as { client?: Promise<{ on(e: 'ready', f: () => void): void }> };
    const client = await backend.client;
    client?.on('ready', () => {
      void syncSchedules(queue, deps.db).catch((e) => deps.log.warn('could not restore job schedulers', { error: e }));
    });
  }
  const lockMs = opts.lockMs ?? 30_000;
  const outages = new OutageLog(deps.log, opts.outageLogMs ?? 60_000);
  const worker = factory.worker<JobData[JobName]>(JOBS_QUEUE, (job) => runJob(job, deps), {
    concurrency,
    settings: { backoffStrategy: commandBackoff },
    // A dead worker's job goes to another after about lockMs. Processors are idempotent, so a
    // job stalled by several crashes in a row is retried rather than failed (BullMQ's default is 1).
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: 10,
  });
  worker.on('completed', () => outages.succeeded());
  worker.on('failed', (job, err) => {
    if (!job) return;
    const outage = isOutage(err);
    const final = isFinalFailure(job, err);
    // A database that is down fails every job: one line per interval, not one per job.
    if (outage && !final) outages.failed(err.message, { job: job.name });
    else deps.log.error(`job ${job.name} failed${final ? ' for good' : ', will retry'}`, { jobId: job.id, attempt: job.attemptsMade, error: err.message });
    if (!(COMMAND_INTENTS as readonly string[]).includes(job.name)) return;
    const data = job.data as CommandJob;
    // Both notices go straight to the outbound queue (fixed jobIds): the database may be the thing that is down.
    const told = final
      ? tellFailed(deps, data, job.failedReason ?? err.message, { outage })
      : outage && job.attemptsMade === COMMAND_RETRY.delayNoticeAfter
        ? tellDelayed(deps, data, err.message)
        : null;
    void told?.catch((e) => deps.log.error('could not tell the member about a failed or delayed job', { error: e }));
  });
  worker.on('error', (err) => deps.log.error('worker error', { error: err.message }));
  return worker;
}
