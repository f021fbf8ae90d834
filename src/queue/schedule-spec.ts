import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { JobData, JobName } from './job-data.js';

/** One BullMQ job scheduler, derived from what Postgres holds (so a fresh Redis gets it back). */
export type ScheduleSpec<N extends JobName = JobName> = { [K in N]: ScheduleOf<K> }[N];

/** A job scheduler of one job name: the payload is the one that name takes. */
interface ScheduleOf<N extends JobName> {
  /** Scheduler id; also the prefix of the jobs it makes. Starts with 'sched-'. */
  id: string;
  name: N;
  data: JobData[N];
  /** Cron pattern (with tz) or a fixed interval in ms. */
  repeat: { pattern: string; tz: string } | { every: number };
  /** Also run once when a worker starts (a catch-up tick: what was missed while down is done now). */
  atStart?: boolean;
}

/** Lists the schedulers a feature needs, from the database. */
export type ScheduleProvider = (db: Kysely<Database>) => Promise<ScheduleSpec[]>;

/** Adds or removes one job scheduler (a reminder made or cancelled); Postgres stays the record. */
export interface SchedulerPort {
  upsert(spec: ScheduleSpec): Promise<void>;
  remove(id: string): Promise<void>;
}
