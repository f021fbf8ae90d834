import { sql } from 'kysely';
import { JOBS_QUEUE, outboundQueue } from '../queue/queue-names.js';
import type { Platform } from '../messages/incoming-message.js';
import type { WebDeps } from './web-deps.js';

/** Job states the queue view and /metrics count. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;

/** The queues a deployment runs: the jobs queue and one outbound queue per platform. */
export function queueNames(deps: Pick<WebDeps, 'platforms'>): string[] {
  return [JOBS_QUEUE, ...deps.platforms.map((p) => outboundQueue(p as Platform))];
}

/** Job counts per state of every queue. */
export async function queueCounts(deps: WebDeps): Promise<{ queue: string; counts: Record<string, number> }[]> {
  return Promise.all(
    queueNames(deps).map(async (name) => ({ queue: name, counts: (await deps.factory.queue(name).getJobCounts(...QUEUE_STATES)) as Record<string, number> })),
  );
}

/** Outbox rows by status (pending: not yet delivered; failed: refused for good). */
export async function outboxCounts(deps: WebDeps): Promise<Record<'pending' | 'sent' | 'failed', number>> {
  const rows = await deps.db.selectFrom('outbox').select(['status', sql<string>`count(*)`.as('n')]).groupBy('status').execute();
  const out = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/** Commands that took effect, by job name (each records its key once in processed_commands). */
export async function commandsProcessed(deps: WebDeps): Promise<{ job: string; n: number }[]> {
  const rows = await deps.db.selectFrom('processed_commands').select(['job_name', sql<string>`count(*)`.as('n')]).groupBy('job_name').orderBy('job_name').execute();
  return rows.map((r) => ({ job: r.job_name, n: Number(r.n) }));
}
