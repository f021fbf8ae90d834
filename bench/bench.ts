import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { manualClock } from '../src/clock.js';
import { bullmqCeiling, postgresInsertCeiling } from './ceilings.js';
import { defaultBackend, openBenchEnv } from './environment.js';
import { messageSource, runOpenLoop, runThroughput, type OpenLoopResult, type ThroughputResult } from './load.js';
import { runNotices } from './notices.js';
import { runPacing } from './outbound-pacing.js';
import { startBenchPipeline } from './pipeline.js';
import { profiled, topCosts } from './profile.js';
import { f0, f1, machine, pct, plainTable, table, writeSection, type Row } from './report.js';
import { runScaleOut, type ScaleOutResult } from './scale-out.js';
import { seedCity, type CitySize } from './seed-city.js';

/** How big a run is. */
export interface BenchScale {
  city: CitySize;
  concurrency: number;
  poolSize: number;
  noopJobs: number;
  insertSeconds: number;
  e2eCommands: number;
  e2eWindow: number;
  latencyRate: number;
  latencySeconds: number;
  /** Offered loads after the latency run, as multiples of its rate, until the pipeline saturates. */
  saturationRates: number[];
  saturationSeconds: number;
  pacing: { messages: number; groups: number; scale: number; senderConcurrency: number };
  scaleOutCommands: number;
  scaleOut: boolean;
}

/** The full run; the Postgres queue backend is an order of magnitude slower, so it gets fewer commands. */
export function fullScale(backend: 'redis' | 'postgres'): BenchScale {
  return backend === 'redis' ? FULL : { ...FULL, noopJobs: 3000, e2eCommands: 1500, e2eWindow: 64, scaleOutCommands: 800, saturationSeconds: 5 };
}

export const FULL: BenchScale = {
  city: { estates: 100, households: 900, months: 24 },
  concurrency: 16,
  poolSize: 10,
  noopJobs: 20_000,
  insertSeconds: 4,
  e2eCommands: 10_000,
  e2eWindow: 256,
  latencyRate: 300,
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
  latencyRate: 50,
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
  log: (line: string) => void;
}

export interface BenchResult {
  backend: 'redis' | 'postgres';
  rows: Row[];
  markdown: string;
  text: string;
  e2ePerSecond: number;
  exactlyOnce: boolean | null;
  latency: OpenLoopResult;
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

    const clock = manualClock(NOW);
    const p = await startBenchPipeline({ spec: env.queueSpec, db: env.db, clock, workerConcurrency: s.concurrency, senderConcurrency: s.concurrency });
    let e2e: ThroughputResult;
    let latency: OpenLoopResult;
    const saturation: OpenLoopResult[] = [];
    let costs: ReturnType<typeof topCosts>;
    try {
      const warm = messageSource(city, 1, 'warm', pending);
      await runThroughput(p, warm, Math.min(200, s.e2eCommands), 32);
      log(`end to end: ${s.e2eCommands} commands, ${s.e2eWindow} in flight (profiled)`);
      const src = messageSource(city, 2, 'e2e', pending);
      if (opts.profileFile) mkdirSync(new URL('.', `file://${opts.profileFile}`).pathname, { recursive: true });
      const prof = await profiled(opts.profileFile, () => runThroughput(p, src, s.e2eCommands, s.e2eWindow));
      e2e = prof.result;
      await p.drain(120_000);
      costs = topCosts(prof.profile);
      log(`  ${f0(e2e.perSecond)} cmd/s (mix ${JSON.stringify(src.counts)})`);
      // The fixed load must be one the machine sustains: 300/s, or 60% of the measured maximum if that is lower.
      const latencyRate = Math.max(10, Math.min(s.latencyRate, Math.floor((e2e.perSecond * 0.6) / 10) * 10));
      log(`latency at ${latencyRate} cmd/s for ${s.latencySeconds} s`);
      latency = await runOpenLoop(p, messageSource(city, 3, 'lat', pending), latencyRate, s.latencySeconds);
      await p.drain(60_000);
      log(`  p50 ${f1(latency.latency.p50)} p95 ${f1(latency.latency.p95)} p99 ${f1(latency.latency.p99)} ms`);
      for (const factor of s.saturationRates) {
        const rate = Math.round(latencyRate * factor);
        const r = await runOpenLoop(p, messageSource(city, rate, `sat${rate}`, pending), rate, s.saturationSeconds);
        saturation.push(r);
        await p.drain(60_000);
        log(`  offered ${rate}/s: achieved ${f0(r.achieved)}/s, p99 ${f1(r.latency.p99)} ms`);
        if (r.achieved < rate * 0.9 || r.latency.p99 > 1000 || r.missing > 0) break;
      }
    } finally {
      await p.close();
    }

    log('notices at city size');
    const notices = await runNotices(env.db, city.estateIds, NOW);
    log(`  ${f1(notices.totalSeconds)} s total, ${f1(notices.perEstateMs.mean)} ms/estate, peak RSS ${f0(notices.peakRssMb)} MB`);

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

    const bound = env.backend === 'redis' ? { name: 'Postgres insert ceiling', value: insert, target: 0.35 } : { name: 'BullMQ-on-Postgres no-op ceiling', value: noop, target: 0.5 };
    const ok = (b: boolean) => (b ? 'met' : 'MISSED');
    const sustained = [latency, ...saturation].filter((r) => r.achieved >= r.offered * 0.9 && r.latency.p99 <= 50 && r.missing === 0).pop();
    const broke = saturation.find((r) => r.achieved < r.offered * 0.9 || r.latency.p99 > 1000 || r.missing > 0);
    const rows: Row[] = [
      [`ceiling: raw BullMQ no-op jobs (${env.backend}, concurrency ${s.concurrency})`, `${f0(noop)} jobs/s`, '—', '—', '—'],
      [`ceiling: Postgres single-row INSERT tx (pool ${s.poolSize})`, `${f0(insert)} tx/s`, '—', '—', '—'],
      [
        `end to end, commands/s (${f0(e2e.commands)} cmds, ${s.e2eWindow} in flight, 1 process)`,
        `${f0(e2e.perSecond)} cmd/s`,
        `${bound.name} ${f0(bound.value)}/s; BullMQ ${f0(noop)}/s; PG ${f0(insert)}/s`,
        `${pct(e2e.perSecond / bound.value)} (${pct(e2e.perSecond / noop)} of BullMQ, ${pct(e2e.perSecond / insert)} of PG)`,
        `≥ ${pct(bound.target)} of ${bound.name}: ${ok(e2e.perSecond / bound.value >= bound.target)}`,
      ],
      [
        `latency adapter → sender at ${latency.offered} cmd/s (${s.latencySeconds} s)`,
        `p50 ${f1(latency.latency.p50)} / p95 ${f1(latency.latency.p95)} / p99 ${f1(latency.latency.p99)} ms`,
        `achieved ${f0(latency.achieved)}/s`,
        `${pct(latency.offered / e2e.perSecond)} of e2e max`,
        `p99 ≤ 50 ms: ${ok(latency.latency.p99 <= 50)}`,
      ],
      [
        'saturation (open loop, steps)',
        saturation.length ? saturation.map((r) => `${r.offered}→${f0(r.achieved)}/s p99 ${f0(r.latency.p99)}ms`).join('; ') : '—',
        sustained ? `sustains ${sustained.offered}/s with p99 ≤ 50 ms` : '—',
        broke ? `saturates at ~${f0(broke.achieved)}/s` : '—',
        '—',
      ],
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
        pct(pacing.fractionOfAllowed),
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
