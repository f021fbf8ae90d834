import { Hono } from 'hono';
import { sql } from 'kysely';
import { JOBS_QUEUE } from '../queue/queue-names.js';
import { bullmqMetrics, commandsProcessed, failedByJob, outboxCounts, queueCounts, sendLatency } from './queue-figures.js';
import type { ReadyCheck, WebDeps } from './web-deps.js';
import type { WebEnv } from './web-env.js';

/** A check that gives up after `ms`: a hung dependency makes /readyz say so, not hang. */
async function timed(check: ReadyCheck, ms: number): Promise<{ ok: boolean; ms: number; detail?: string }> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const r = await Promise.race([check(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)))]);
    return { ...r, ms: Date.now() - start };
  } catch (e) {
    return { ok: false, ms: Date.now() - start, detail: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

function label(v: string): string {
  return v.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** /healthz (the process answers), /readyz (each dependency, one by one), /metrics (Prometheus text). */
export function opsRoutes(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/healthz', (c) => c.text('ok\n'));

  app.get('/readyz', async (c) => {
    const checks: Record<string, ReadyCheck> = {
      postgres: async () => {
        await sql`select 1`.execute(deps.db);
        return { ok: true };
      },
      queues: async () => {
        await deps.factory.queue(JOBS_QUEUE).getJobCounts('waiting');
        return { ok: true, detail: deps.factory.spec.kind };
      },
      ...deps.readyChecks,
    };
    const results = Object.fromEntries(await Promise.all(Object.entries(checks).map(async ([k, f]) => [k, await timed(f, 2000)] as const)));
    const ok = Object.values(results).every((r) => r.ok);
    c.header('Cache-Control', 'no-store');
    return c.json({ ok, checks: results }, ok ? 200 : 503);
  });

  app.get('/metrics', async (c) => {
    const [commands, failed, queues, outbox, latency, bullmq] = await Promise.all([
      commandsProcessed(deps),
      failedByJob(deps),
      queueCounts(deps),
      outboxCounts(deps),
      sendLatency(deps, deps.clock.now()),
      bullmqMetrics(deps),
    ]);
    const lines = [
      '# HELP linli_commands_processed_total Commands and scheduled runs that took effect, by job name.',
      '# TYPE linli_commands_processed_total counter',
      ...commands.map((r) => `linli_commands_processed_total{job="${label(r.job)}"} ${r.n}`),
      '# HELP linli_queue_jobs Jobs in a queue, by state.',
      '# TYPE linli_queue_jobs gauge',
      ...queues.flatMap((q) => Object.entries(q.counts).map(([s, n]) => `linli_queue_jobs{queue="${label(q.queue)}",state="${s}"} ${n}`)),
      '# HELP linli_outbox_messages Outgoing messages in the outbox, by status.',
      '# TYPE linli_outbox_messages gauge',
      ...Object.entries(outbox).map(([s, n]) => `linli_outbox_messages{status="${s}"} ${n}`),
      '# HELP linli_commands_failed Commands and runs that failed for good (kept 7 days), by job name.',
      '# TYPE linli_commands_failed gauge',
      ...failed.map((r) => `linli_commands_failed{job="${label(r.job)}"} ${r.n}`),
      '# HELP linli_send_latency_seconds Outbox to platform, messages delivered in the last 15 minutes.',
      '# TYPE linli_send_latency_seconds summary',
      ...latency.quantiles.map(([q, v]) => `linli_send_latency_seconds{quantile="${q}"} ${v.toFixed(3)}`),
      `linli_send_latency_seconds_count ${latency.count}`,
      '# HELP linli_bullmq_jobs_total Jobs BullMQ finished since its metrics began, by queue and outcome (BullMQ metrics).',
      '# TYPE linli_bullmq_jobs_total counter',
      ...bullmq.flatMap((m) => [`linli_bullmq_jobs_total{queue="${label(m.queue)}",outcome="completed"} ${m.completed}`, `linli_bullmq_jobs_total{queue="${label(m.queue)}",outcome="failed"} ${m.failed}`]),
      '',
    ];
    return c.text(lines.join('\n'), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
  });
  return app;
}
