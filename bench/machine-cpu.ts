import { readdirSync, readFileSync } from 'node:fs';

/** CPU time the whole machine spent, and the servers' processes, in ms (Linux /proc; zeros elsewhere). */
export interface CpuSnapshot {
  busyMs: number;
  postgresMs: number;
  redisMs: number;
}

// /proc counts in clock ticks of 1/100 s on Linux (USER_HZ).
const TICK_MS = 10;

function busyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [, ...fields] = line.trim().split(/\s+/);
  const n = fields.map(Number);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait (and steal: another guest's).
  return (n[0] + n[1] + n[2] + n[5] + n[6]) * TICK_MS;
}

/** Each process alive now: its command name and user + system time, by pid. */
function byProcess(): Map<string, { name: string; ms: number }> {
  const out = new Map<string, { name: string; ms: number }>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14 and 15 (utime, stime) are at 11 and 12 after the name.
      out.set(pid, { name, ms: (Number(rest[11]) + Number(rest[12])) * TICK_MS });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

function snapshot(): { busy: number; procs: Map<string, { name: string; ms: number }> } {
  try {
    return { busy: busyMs(), procs: byProcess() };
  } catch {
    return { busy: 0, procs: new Map() };
  }
}

/**
 * CPU spent while `fn` runs: by the whole machine, by Postgres (every backend alive at both ends of
 * the run: the pool's connections are) and by Redis. With everything else quiet, the machine's
 * figure is what a command costs all told, and what bounds throughput on its cores.
 */
export async function machineCpu<T>(fn: () => Promise<T>): Promise<{ result: T; cpu: CpuSnapshot }> {
  const a = snapshot();
  const result = await fn();
  const b = snapshot();
  let postgresMs = 0;
  let redisMs = 0;
  for (const [pid, after] of b.procs) {
    const before = a.procs.get(pid);
    if (before === undefined || before.name !== after.name) continue;
    if (after.name.startsWith('postgres')) postgresMs += after.ms - before.ms;
    else if (after.name.startsWith('redis-server')) redisMs += after.ms - before.ms;
  }
  return { result, cpu: { busyMs: b.busy - a.busy, postgresMs, redisMs } };
}
