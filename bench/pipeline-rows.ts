import os from 'node:os';
import type { OpenLoopResult } from './load.js';
import { broke, tails, type PipelineRunScale, type PipelineRuns } from './pipeline-runs.js';
import { f0, pct, type Row } from './report.js';

/** Issue 17's targets, as ratios to ceilings measured in the same run. */
export const TARGETS = {
  /** End to end on Redis, as a share of the Postgres single-insert ceiling. */
  redisShareOfInsert: 0.3,
  /** End to end on the Postgres queue backend, as a share of raw BullMQ-on-Postgres. */
  postgresShareOfNoop: 0.5,
  /** p99 message → reply handed to the sender at 300 commands/s offered. */
  p99Ms: 50,
  p99AtRate: 300,
  cpuMsPerCommand: 2,
};

const ok = (b: boolean) => (b ? 'met' : 'MISSED');

/** The table rows of the pipeline's measurements, each target line saying met or MISSED. */
export function pipelineRows(backend: 'redis' | 'postgres', s: PipelineRunScale, ceilings: { noop: number; insert: number }, runs: PipelineRuns): Row[] {
  const { noop, insert } = ceilings;
  const { e2e, fixed, saturation } = runs;
  const bound =
    backend === 'redis'
      ? { name: 'Postgres insert ceiling', value: insert, target: TARGETS.redisShareOfInsert }
      : { name: 'BullMQ-on-Postgres no-op ceiling', value: noop, target: TARGETS.postgresShareOfNoop };
  const steps = [...fixed, ...saturation];
  const held = steps.filter((r) => !broke(r));
  const highest = held[held.length - 1];
  const first = steps.find(broke);
  const latencyRow = (r: OpenLoopResult): Row => [
    `latency message → reply handed to the sender at ${r.offered} cmd/s offered (${s.latencySeconds} s)`,
    tails(r),
    `achieved ${f0(r.achieved)}/s${r.missing ? `, ${r.missing} without reply` : ''}`,
    `${pct(r.offered / e2e.perSecond)} of e2e max`,
    r.offered === TARGETS.p99AtRate ? `p99 ≤ ${TARGETS.p99Ms} ms at ${TARGETS.p99AtRate}/s: ${ok(!broke(r) && r.latency.p99 <= TARGETS.p99Ms)}` : '—',
  ];
  return [
    [`ceiling: raw BullMQ no-op jobs (${backend}, concurrency ${s.concurrency})`, `${f0(noop)} jobs/s`, '—', '—', '—'],
    [`ceiling: Postgres single-row INSERT tx`, `${f0(insert)} tx/s`, '—', '—', '—'],
    [
      `end to end, commands/s (${f0(e2e.commands)} cmds, ${s.e2eWindow} in flight, 1 process)`,
      `${f0(e2e.perSecond)} cmd/s`,
      `${bound.name} ${f0(bound.value)}/s; BullMQ ${f0(noop)}/s; PG ${f0(insert)}/s`,
      `${pct(e2e.perSecond / bound.value)} (${pct(e2e.perSecond / noop)} of BullMQ, ${pct(e2e.perSecond / insert)} of PG)`,
      `≥ ${pct(bound.target)} of ${bound.name}: ${ok(e2e.perSecond / bound.value >= bound.target)}`,
    ],
    [
      'CPU per command (process CPU time / commands, e2e run, every role in one process, profiler on)',
      `${runs.cpuMsPerCommand.toFixed(2)} ms`,
      '—',
      '—',
      `≤ ${TARGETS.cpuMsPerCommand} ms: ${ok(runs.cpuMsPerCommand <= TARGETS.cpuMsPerCommand)}`,
    ],
    [
      'machine CPU per command (every process on the machine, e2e run; of it Postgres and Redis)',
      `${runs.machineMsPerCommand.busyMs.toFixed(2)} ms`,
      `Postgres ${runs.machineMsPerCommand.postgresMs.toFixed(2)} ms, Redis ${runs.machineMsPerCommand.redisMs.toFixed(2)} ms`,
      `bounds ${os.cpus().length} cores at ~${f0((os.cpus().length * 1000) / Math.max(0.01, runs.machineMsPerCommand.busyMs))} cmd/s`,
      '—',
    ],
    [
      'socket writes per command (e2e run, every role; by server port)',
      runs.writesPerCommand.toFixed(1),
      Object.entries(runs.writesPerCommandByPort).map(([port, n]) => `${port}: ${n}`).join(', '),
      '—',
      '—',
    ],
    ...fixed.map(latencyRow),
    [
      'saturation (open loop, rising steps)',
      saturation.length ? saturation.map((r) => `${r.offered}→${f0(r.achieved)}/s p99 ${f0(r.latency.p99)}ms`).join('; ') : '—',
      highest ? `highest step held: ${highest.offered}/s, ${tails(highest)}` : '—',
      first ? `saturates at ~${f0(first.achieved)}/s (${tails(first)})` : '—',
      '—',
    ],
  ];
}
