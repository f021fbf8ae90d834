import type { BulkJobOptions, JobSchedulerTemplateOptions, JobsOptions, Queue, RepeatOptions } from 'bullmq';
import type { QueueFactory } from './backend.js';
import type { JobData, JobName } from './job-data.js';
import { JOBS_QUEUE } from './queue-names.js';

/** One job of the map, its name with the payload that name takes (a union over every name). */
export type NamedJob = { [N in JobName]: { name: N; data: JobData[N]; opts?: BulkJobOptions } }[JobName];

/**
 * The jobs queue as producers see it. BullMQ types a queue's names and payloads apart; here a
 * job's payload must be the one its name takes, so queuing the wrong one is a compile error,
 * as it is where the job is processed (Processors in jobs/processors.ts).
 */
export type JobsQueue = Omit<Queue, 'add' | 'addBulk' | 'upsertJobScheduler'> & {
  add<N extends JobName>(name: N, data: JobData[N], opts?: JobsOptions): Promise<unknown>;
  addBulk(jobs: NamedJob[]): Promise<unknown>;
  upsertJobScheduler<N extends JobName>(id: string, repeat: Omit<RepeatOptions, 'key'>, template: { name: N; data: JobData[N]; opts?: JobSchedulerTemplateOptions }): Promise<unknown>;
};

/** The jobs queue every worker takes jobs from, typed for producers. */
export function jobsQueue(factory: QueueFactory): JobsQueue {
  return factory.queue(JOBS_QUEUE);
}
