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

/** BullMQ's own counts of jobs finished since its metrics began, per queue (Redis queues; none elsewhere). */
export async function bullmqMetrics(deps: WebDeps): Promise<{ queue: string; completed: number; failed: number }[]> {
  if (deps.factory.spec.kind !== 'redis') return [];
  return Promise.all(
    queueNames(deps).map(async (name) => {
      const q = deps.factory.queue(name);
      const [completed, failed] = await Promise.all([q.getMetrics('completed', 0, 0), q.getMetrics('failed', 0, 0)]);
      return { queue: name, completed: completed.meta.count, failed: failed.meta.count };
    }),
  );
}

/** Jobs of the jobs queue that failed for good and are still kept (7 days), by job name: commands whose outcome was a failure. */
export async function failedByJob(deps: WebDeps): Promise<{ job: string; n: number }[]> {
  const failed = await deps.factory.queue(JOBS_QUEUE).getFailed(0, 999);
  const byName = new Map<string, number>();
  for (const j of failed) if (j) byName.set(j.name, (byName.get(j.name) ?? 0) + 1);
  return [...byName].sort(([a], [b]) => a.localeCompare(b)).map(([job, n]) => ({ job, n }));
}

/** How long delivered messages took from the outbox to the platform over the last 15 minutes: quantiles in seconds. */
export async function sendLatency(deps: WebDeps, now: Date): Promise<{ count: number; quantiles: [number, number][] }> {
  const since = new Date(now.getTime() - 15 * 60_000);
  const row = await deps.db
    .selectFrom('outbox')
    .select([
      sql<string>`count(*)`.as('n'),
      sql<number[] | null>`percentile_cont(array[0.5, 0.95, 0.99]) within group (order by extract(epoch from sent_at - created_at))`.as('q'),
    ])
    .where('status', '=', 'sent')
    .where('sent_at', '>=', since)
    .executeTakeFirstOrThrow();
  const q = row.q ?? [];
  return { count: Number(row.n), quantiles: q.length === 3 ? [[0.5, q[0]], [0.95, q[1]], [0.99, q[2]]] : [] };
}
