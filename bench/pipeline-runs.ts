import { mkdirSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Clock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import type { QueueBackendSpec } from '../src/queue/backend.js';
import { messageSource, runOpenLoop, runThroughput, type OpenLoopResult, type ThroughputResult } from './load.js';
import { startBenchPipeline } from './pipeline.js';
import { profiled, topCosts } from './profile.js';
import { f0, f1 } from './report.js';
import type { City } from './seed-city.js';
import { countingSocketWrites } from './socket-writes.js';
import { machineCpu, type CpuSnapshot } from './machine-cpu.js';

export interface PipelineRunScale {
  concurrency: number;
  e2eCommands: number;
  e2eWindow: number;
  /** Fixed offered loads whose latencies are reported (the 100 and 300 commands/s). */
  latencyRates: number[];
  latencySeconds: number;
  /** Offered loads after the last fixed one, as multiples of it, until the pipeline saturates. */
  saturationRates: number[];
  saturationSeconds: number;
}

export interface PipelineRuns {
  e2e: ThroughputResult;
  /** Process CPU time (user + system, every role in this one process) per command of the e2e run, ms. */
  cpuMsPerCommand: number;
  /** The machine's CPU time per command of the e2e run, ms: all told, and Postgres's and Redis's share. */
  machineMsPerCommand: CpuSnapshot;
  /** Socket writes (Redis and Postgres, every role) per command of the e2e run. */
  writesPerCommand: number;
  /** The same, per server port (6379 Redis, 5432 Postgres). */
  writesPerCommandByPort: Record<string, number>;
  fixed: OpenLoopResult[];
  saturation: OpenLoopResult[];
  costs: ReturnType<typeof topCosts>;
}

/** An open-loop step the pipeline did not keep up with: it fell behind, or its tail grew past a second. */
export const broke = (r: OpenLoopResult) => r.achieved < r.offered * 0.9 || r.latency.p99 > 1000 || r.missing > 0;

/** `p50 / p95 / p99 / max` of an open-loop run, in ms. */
export const tails = (r: OpenLoopResult) => `p50 ${f1(r.latency.p50)} / p95 ${f1(r.latency.p95)} / p99 ${f1(r.latency.p99)} / max ${f0(r.latency.max)} ms`;

/**
 * The pipeline's measurements: closed-loop throughput (profiled, with CPU time per command), then
 * open-loop latency at each fixed rate, then rising open-loop steps until it saturates.
 */
export async function runPipelineMeasures(
  env: { spec: QueueBackendSpec; db: Kysely<Database>; clock: Clock; groupCommit?: boolean },
  city: City,
  pending: City['pendingClaims'],
  s: PipelineRunScale,
  profileFile: string | null,
  log: (line: string) => void,
): Promise<PipelineRuns> {
  const p = await startBenchPipeline({ spec: env.spec, db: env.db, clock: env.clock, workerConcurrency: s.concurrency, senderConcurrency: s.concurrency, groupCommit: env.groupCommit });
  try {
    await runThroughput(p, messageSource(city, 1, 'warm', pending), Math.min(200, s.e2eCommands), 32);
    log(`end to end: ${s.e2eCommands} commands, ${s.e2eWindow} in flight (profiled)`);
    const src = messageSource(city, 2, 'e2e', pending);
    if (profileFile) mkdirSync(new URL('.', `file://${profileFile}`).pathname, { recursive: true });
    const cpu0 = process.cpuUsage();
    const measured = await machineCpu(() => profiled(profileFile, () => countingSocketWrites(() => runThroughput(p, src, s.e2eCommands, s.e2eWindow))));
    const cpu = process.cpuUsage(cpu0);
    const prof = measured.result;
    const e2e = prof.result.result;
    const per = (ms: number) => ms / Math.max(1, e2e.commands);
    const machineMsPerCommand = { busyMs: per(measured.cpu.busyMs), postgresMs: per(measured.cpu.postgresMs), redisMs: per(measured.cpu.redisMs) };
    const cpuMsPerCommand = (cpu.user + cpu.system) / 1000 / Math.max(1, e2e.commands);
    const writesPerCommand = prof.result.writes / Math.max(1, e2e.commands);
    const writesPerCommandByPort = Object.fromEntries(Object.entries(prof.result.byPort).map(([k, v]) => [k, Math.round((v / Math.max(1, e2e.commands)) * 10) / 10]));
    await p.drain(120_000);
    log(`  ${f0(e2e.perSecond)} cmd/s, ${cpuMsPerCommand.toFixed(2)} ms CPU and ${writesPerCommand.toFixed(1)} socket writes per command ${JSON.stringify(writesPerCommandByPort)} (mix ${JSON.stringify(src.counts)})`);
    log(`  process RSS after it ${f0(process.memoryUsage().rss / 2 ** 20)} MB`);
    log(`  machine CPU per command ${machineMsPerCommand.busyMs.toFixed(2)} ms (Postgres ${machineMsPerCommand.postgresMs.toFixed(2)}, Redis ${machineMsPerCommand.redisMs.toFixed(2)})`);
    const fixed: OpenLoopResult[] = [];
    for (const rate of s.latencyRates) {
      log(`latency at ${rate} cmd/s for ${s.latencySeconds} s`);
      const r = await runOpenLoop(p, messageSource(city, 3 + rate, `lat${rate}`, pending), rate, s.latencySeconds, 60_000);
      fixed.push(r);
      await p.drain(60_000);
      log(`  achieved ${f0(r.achieved)}/s, ${tails(r)}`);
    }
    const saturation: OpenLoopResult[] = [];
    const base = s.latencyRates[s.latencyRates.length - 1] ?? 100;
    if (!fixed.some(broke)) {
      for (const factor of s.saturationRates) {
        const rate = Math.round(base * factor);
        const r = await runOpenLoop(p, messageSource(city, rate, `sat${rate}`, pending), rate, s.saturationSeconds);
        saturation.push(r);
        await p.drain(60_000);
        log(`  offered ${rate}/s: achieved ${f0(r.achieved)}/s, ${tails(r)}`);
        if (broke(r)) break;
      }
    }
    return { e2e, cpuMsPerCommand, machineMsPerCommand, writesPerCommand, writesPerCommandByPort, fixed, saturation, costs: topCosts(prof.profile) };
  } finally {
    await p.close();
  }
}
