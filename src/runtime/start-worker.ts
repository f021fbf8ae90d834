import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import { processors } from '../../jobs/processors.js';
import type { WorkerDeps } from '../../jobs/worker-deps.js';
import { tellFailed } from '../outbox/tell-failed.js';
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
  await processor(job.data, deps, { id: job.id ?? '', attemptsMade: job.attemptsMade });
}

/** Start a worker on the jobs queue, after making the job schedulers match the database. */
export async function startWorker(
  factory: QueueFactory,
  deps: WorkerDeps,
  concurrency: number,
  opts: { lockMs?: number } = {},
): Promise<Worker<JobData[JobName]>> {
  checkProcessors();
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
  const worker = factory.worker<JobData[JobName]>(JOBS_QUEUE, (job) => runJob(job, deps), {
    concurrency,
    // A dead worker's job goes to another after about lockMs. Processors are idempotent, so a
    // job stalled by several crashes in a row is retried rather than failed (BullMQ's default is 1).
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: 10,
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.log.error(`job ${job.name} failed${final ? ' for good' : ', will retry'}`, { jobId: job.id, attempt: job.attemptsMade, error: err.message });
    if (final && (COMMAND_INTENTS as readonly string[]).includes(job.name)) void tellFailed(deps, job.data as CommandJob, job.failedReason ?? '').catch((e) => deps.log.error('could not tell the member about a failed job', { error: e }));
  });
  worker.on('error', (err) => deps.log.error('worker error', { error: err.message }));
  return worker;
}
