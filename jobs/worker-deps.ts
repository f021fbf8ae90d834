import type { Kysely } from 'kysely';
import type { ChartRenderer } from '../src/charts/render-png.js';
import type { Clock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import type { Logger } from '../src/log.js';
import type { OutboundPort } from '../src/outbox/outbound-port.js';
import type { SchedulerPort } from '../src/queue/schedule-spec.js';
import type { GroupCommit } from './group-commit.js';

/** What every processor gets: database, clock, outbound port, log. */
export interface WorkerDeps {
  db: Kysely<Database>;
  clock: Clock;
  outbound: OutboundPort;
  log: Logger;
  /** Absent where no queue is at hand (some tests): schedulers are rebuilt from Postgres at worker start. */
  schedules?: SchedulerPort;
  /** The web surface's public address and sign-in link lifetime (for 登录); a default when absent. */
  web?: { baseUrl: string; linkMinutes: number };
  /** Draws the weekly notice's chart; absent (some tests): notices go out as text alone. */
  charts?: ChartRenderer;
  /** Where command work is committed together with its neighbours (the worker sets it); absent, each command has its own transaction. */
  commit?: GroupCommit;
}

/** Facts about the BullMQ job being run. */
export interface JobInfo {
  id: string;
  attemptsMade: number;
}
