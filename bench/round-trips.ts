// `npx tsx bench/round-trips.ts`: Postgres statements per command of each kind of the bench mix,
// one command at a time through the real pipeline (no group commit, so each command's BEGIN and
// COMMIT are its own). What the hot commands cost in round trips, to measure a change against.
// RTT_SHOW=1 prints the statements of two commands of each kind; RTT_DB names the scratch database.
import pg from 'pg';
import { manualClock } from '../src/clock.js';
import { messageKey } from '../src/queue/job-ids.js';
import { openBenchEnv } from './environment.js';
import { messageSource, type CommandKind } from './load.js';
import { startBenchPipeline } from './pipeline.js';
import { seedCity } from './seed-city.js';

const NOW = new Date('2026-11-20T12:00:00Z');

async function main(): Promise<void> {
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const env = await openBenchEnv({ databaseName: process.env.RTT_DB ?? 'linli_bench_rtt', poolSize: 4, log });
  try {
    const city = await seedCity(env.db, { estates: 2, households: 90, months: 24 }, NOW);
    let statements = 0;
    const seen: string[] = [];
    const query = pg.Client.prototype.query;
    // biome-ignore lint/suspicious/noExplicitAny: counting wrapper around pg's overloaded query
    (pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
      statements++;
      const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
      if (process.env.RTT_SHOW) seen.push(String(text).replace(/\s+/g, ' ').slice(0, 140));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    };
    const p = await startBenchPipeline({ spec: env.queueSpec, db: env.db, clock: manualClock(NOW), workerConcurrency: 1, senderConcurrency: 1, groupCommit: false });
    const src = messageSource(city, 5, 'rtt', [...city.pendingClaims]);
    const per: Record<CommandKind, number[]> = { pay: [], status: [], confirm: [], complain: [] };
    for (let i = 0; i < 80; i++) {
      const { msg, kind } = src.next();
      // Let the last command's delivery report (batched, 25 ms later) and any note job finish first.
      await new Promise((r) => setTimeout(r, 250));
      await p.drain(10_000);
      const before = statements;
      seen.length = 0;
      await p.receive(msg);
      await p.waitForReplies([messageKey(msg)], 10_000);
      await p.drain(10_000);
      per[kind].push(statements - before);
      if (process.env.RTT_SHOW && per[kind].length === 2) log(`${kind}:\n  ${seen.join('\n  ')}`);
    }
    await p.close();
    for (const [kind, xs] of Object.entries(per)) {
      const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
      process.stdout.write(`${kind}: ${xs.length} commands, ${mean.toFixed(1)} statements each (min ${Math.min(...xs)}, max ${Math.max(...xs)})\n`);
    }
  } finally {
    await env.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
