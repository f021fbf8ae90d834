import os from 'node:os';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { manualClock } from '../src/clock.js';
import { bullmqCeiling, postgresInsertCeiling } from './ceilings.js';
import { defaultBackend, openBenchEnv } from './environment.js';
import type { OpenLoopResult } from './load.js';
import { runNotices } from './notices.js';
import { runPacing } from './outbound-pacing.js';
import { runPipelineMeasures, type PipelineRunScale } from './pipeline-runs.js';
import { pipelineRows } from './pipeline-rows.js';
import { f0, f1, machine, pct, plainTable, table, writeSection, type Row } from './report.js';
import { runScaleOut, type ScaleOutResult } from './scale-out.js';
import { seedCity, type CitySize } from './seed-city.js';

/** How big a run is. */
export interface BenchScale extends PipelineRunScale {
  city: CitySize;
  poolSize: number;
  noopJobs: number;
  insertSeconds: number;
  pacing: { messages: number; groups: number; scale: number; senderConcurrency: number };
  scaleOutCommands: number;
  scaleOut: boolean;
}

/** The full run; the Postgres queue backend is an order of magnitude slower, so it gets fewer commands. */
export function fullScale(backend: 'redis' | 'postgres'): BenchScale {
  return backend === 'redis' ? FULL : { ...FULL, noopJobs: 3000, e2eCommands: 1500, e2eWindow: 64, scaleOutCommands: 800, saturationSeconds: 5 };
}

/** Closed-loop throughput only, at full city size with fewer commands (`--quick`). */
export function quickScale(backend: 'redis' | 'postgres'): BenchScale {
  const full = fullScale(backend);
  return { ...full, e2eCommands: Math.round(full.e2eCommands * 0.2), latencyRates: [], saturationRates: [] };
}

export const FULL: BenchScale = {
  city: { estates: 100, households: 900, months: 24 },
  concurrency: 16,
  poolSize: 10,
  noopJobs: 20_000,
  insertSeconds: 4,
  e2eCommands: 10_000,
  e2eWindow: 256,
  latencyRates: [100, 300],
  latencySeconds: 10,
  saturationRates: [1.5, 2.25, 3.4, 5, 7.5, 11],
  saturationSeconds: 4,
  pacing: { messages: 2500, groups: 100, scale: 10, senderConcurrency: 1 },
  scaleOutCommands: 5000,
  scaleOut: true,
};

export const SMOKE: BenchScale = {
  city: { estates: 2, households: 90, months: 24 },
  concurrency: 4,
  poolSize: 4,
  noopJobs: 200,
  insertSeconds: 0.3,
  e2eCommands: 100,
  e2eWindow: 32,
  latencyRates: [50],
  latencySeconds: 1,
  saturationRates: [],
  saturationSeconds: 1,
  pacing: { messages: 40, groups: 4, scale: 100, senderConcurrency: 1 },
  scaleOutCommands: 40,
  scaleOut: false,
};

export interface BenchOptions {
  backend?: 'redis' | 'postgres';
  scale: BenchScale | ((backend: 'redis' | 'postgres') => BenchScale);
  databaseName: string;
  serverUrl?: string;
  redisUrl?: string;
  /** BENCHMARKS.md to update, or null. */
  write: string | null;
  /** Where to save the CPU profile, or null. */
  profileFile: string | null;
  /** Only the pipeline's measurements (ceilings, throughput, latency, saturation): for before/after comparisons. */
  quick?: boolean;
  /** What to leave out, to measure a change against the same run without it. */
  without?: { groupCommit?: boolean; autoPipelining?: boolean };
  log: (line: string) => void;
}

export interface BenchResult {
  backend: 'redis' | 'postgres';
  rows: Row[];
  markdown: string;
  text: string;
  e2ePerSecond: number;
  exactlyOnce: boolean | null;
  /** The last fixed-rate latency run (none with --quick). */
  latency: OpenLoopResult | undefined;
}

const NOW = new Date('2026-11-20T12:00:00Z');

/** Run every measurement once, in order, and report. */
export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log;
  const backend = opts.backend ?? (await defaultBackend(opts.redisUrl));
  const s = typeof opts.scale === 'function' ? opts.scale(backend) : opts.scale;
  const env = await openBenchEnv({ backend, databaseName: opts.databaseName, serverUrl: opts.serverUrl, redisUrl: opts.redisUrl, poolSize: s.poolSize, log });
  try {
    const loadAtStart = os.loadavg()[0].toFixed(1);
    log(`backend ${env.backend}; database ${opts.databaseName}; queue prefix ${env.prefix}`);
    const pgVersion = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(env.db)).rows[0].v;
    let redisVersion = '';
    if (env.redisUrl) {
      const r = new Redis(env.redisUrl);
      redisVersion = /redis_version:(\S+)/.exec(await r.info('server'))?.[1] ?? '?';
      r.disconnect();
    }

    log(`seeding ${s.city.estates} estates × ${s.city.households} households × ${s.city.months} months`);
    const city = await seedCity(env.db, s.city, NOW);
    log(`  ${f0(city.rows.households)} households, ${f0(city.rows.payments)} payments, ${f0(city.rows.groups)} groups in ${f1(city.seconds)} s`);
    const pending = [...city.pendingClaims];

    log('ceilings');
    const noop = await bullmqCeiling(env.queueSpec, s.noopJobs, s.concurrency);
    log(`  BullMQ no-op: ${f0(noop)} jobs/s`);
    const insert = await postgresInsertCeiling(env.databaseUrl, s.poolSize, s.insertSeconds);
    log(`  Postgres insert: ${f0(insert)} tx/s`);

    // The notices before the pipeline: their peak memory is theirs, not what 10,000 commands left
    // in this process's heap (V8 keeps what it grew to); the full run only.
    let notices: Awaited<ReturnType<typeof runNotices>> | null = null;
    if (!opts.quick) {
      log('notices at city size');
      notices = await runNotices(env.db, city.estateIds, NOW);
      log(`  ${f1(notices.totalSeconds)} s total, ${f1(notices.perEstateMs.mean)} ms/estate, peak RSS ${f0(notices.peakRssMb)} MB`);
    }

    const pipelineSpec = env.queueSpec.kind === 'redis' && opts.without?.autoPipelining ? { ...env.queueSpec, autoPipelining: false } : env.queueSpec;
    const runs = await runPipelineMeasures({ spec: pipelineSpec, db: env.db, clock: manualClock(NOW), groupCommit: !opts.without?.groupCommit }, city, pending, s, opts.profileFile, log);
    const { e2e, costs } = runs;
    const latency = runs.fixed[runs.fixed.length - 1];

    if (opts.quick || !notices) {
      const rows = pipelineRows(env.backend, s, { noop, insert }, runs);
      const text = `linli bench (quick) — queues on ${env.backend}\n\n${plainTable(rows)}\n`;
      return { backend: env.backend, rows, markdown: table(rows), text, e2ePerSecond: e2e.perSecond, exactlyOnce: null, latency };
    }
    log('outbound pacing');
    const pacing = await runPacing(env.queueSpec, env.db, s.pacing);
    log(`  ${f1(pacing.perSecond)} msg/s (${pct(pacing.fractionOfAllowed)} of allowed), max ${pacing.maxPerChatIn60s}/chat/min, ${pacing.maxGlobalIn1s}/s`);

    const scaleOut: ScaleOutResult[] = [];
    if (s.scaleOut) {
      for (const n of [1, 2]) {
        log(`scale-out: ${n} worker process(es)`);
        const r = await runScaleOut(env, city, pending, n, s.scaleOutCommands, s.concurrency, s.e2eWindow);
        scaleOut.push(r);
        log(`  ${f0(r.perSecond)} cmd/s; exactly once: ${r.exactlyOnce}`);
      }
    }

    const ok = (b: boolean) => (b ? 'met' : 'MISSED');
    const rows: Row[] = [
      ...pipelineRows(env.backend, s, { noop, insert }, runs),
      [
        `notices: ${notices.estates} estates × ${s.city.households} households × ${s.city.months} months`,
        `${f1(notices.totalSeconds)} s total; ${f1(notices.perEstateMs.mean)} ms/estate (max ${f1(notices.perEstateMs.max)}); peak RSS ${f0(notices.peakRssMb)} MB`,
        notices.what,
        '—',
        `≤ 30 ms/estate, ≤ 512 MB: ${ok(notices.perEstateMs.mean <= 30 && notices.peakRssMb <= 512)}`,
      ],
      [
        `outbound: ${pacing.messages} msgs to ${pacing.groups} groups, Telegram limits on a ${pacing.scale}× clock, sender concurrency ${pacing.senderConcurrency}`,
        `${f1(pacing.perSecond)} msg/s (platform time; ${f1(pacing.realSeconds)} s real)`,
        `30/s per bot, 20/min per group; seen max ${pacing.maxGlobalIn1s}/s, ${pacing.maxPerChatIn60s}/group/min, ${pacing.violations} violations`,
        // One decimal: 94.8% must not read as the 95% it misses.
        `${(pacing.fractionOfAllowed * 100).toFixed(1)}%`,
        `≥ 95% of allowed, 0 violations: ${ok(pacing.fractionOfAllowed >= 0.95 && pacing.violations === 0)}`,
      ],
      ...scaleOut.map(
        (r): Row => [
          `scale-out: ${r.workers} worker process(es), ${f0(r.commands)} cmds each delivered twice`,
          `${f0(r.perSecond)} cmd/s`,
          `processed ${r.processed}, duplicate replies ${r.duplicateReplies}, claims ${r.claimsWritten}/${r.claimsAnswered}`,
          r.workers > 1 && scaleOut[0] ? `${(r.perSecond / scaleOut[0].perSecond).toFixed(2)}× of 1 worker` : '—',
          `exactly once: ${r.exactlyOnce ? 'yes' : 'NO'}`,
        ],
      ),
    ];
    const mach = machine({ 'load average at start': loadAtStart,  PostgreSQL: pgVersion, ...(redisVersion ? { Redis: redisVersion } : {}) });
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const costLines = [
      `Where the time goes (V8 CPU profile of the end-to-end run, self time; the process runs handler, worker and sender):`,
      '',
      ...costs.areas.map(([k, v]) => `- ${pct(v)} ${k}`),
      '',
      'Top functions:',
      '',
      ...costs.functions.map(([k, v]) => `- ${pct(v)} \`${k}\``),
    ];
    const markdown = [
      `## Queues on ${env.backend === 'redis' ? 'Redis' : 'Postgres (BullMQ Postgres backend)'}`,
      '',
      `Run ${when} UTC on ${mach}. City: ${f0(city.rows.households)} households in ${s.city.estates} estates, ${f0(city.rows.payments)} payments, ${f0(city.rows.groups)} groups (seeded in ${f1(city.seconds)} s with set-based SQL). Mix ${JSON.stringify(MIX_TEXT)}.`,
      '',
      table(rows),
      '',
      ...costLines,
    ].join('\n');
    const text = `linli bench — queues on ${env.backend} — ${mach}\n\n${plainTable(rows)}\n\n${costLines.join('\n')}\n`;
    if (opts.write) writeSection(opts.write, env.backend, markdown);
    return { backend: env.backend, rows, markdown, text, e2ePerSecond: e2e.perSecond, exactlyOnce: scaleOut.length ? scaleOut.every((r) => r.exactlyOnce) : null, latency };
  } finally {
    await env.close();
  }
}

const MIX_TEXT = { pay: '45%', status: '35%', confirm: '10%', complain: '10%' };
